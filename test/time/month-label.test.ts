import { describe, expect, it } from 'vitest';
import { monthLabelZh, normalizeMonth } from '../../src/time/dates.js';

describe('monthLabelZh', () => {
  it('writes a normalized month the Chinese way, and normalizeMonth reads it back', () => {
    expect(monthLabelZh('2017-06')).toBe('2017年6月');
    expect(monthLabelZh('2021-12')).toBe('2021年12月');
    expect(normalizeMonth(monthLabelZh('2017-06'))).toBe('2017-06');
  });
});
