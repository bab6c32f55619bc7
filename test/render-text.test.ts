import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToWidth } from '../src/render/text-width.js';
import { runCli } from './helpers/cli.js';

describe('text wrapping by display width', () => {
  it('never loses a character and never exceeds the width', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('屈', '莉', 'a', '1', '（', ' ', '，') }), fc.integer({ min: 2, max: 40 }), (s, w) => {
        const wrapped = wrapToWidth(s, w);
        expect(wrapped.split('\n').join('')).toBe(s);
        for (const line of wrapped.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(w);
      }),
    );
  });

  it('check shows every quota message whole in the terminal table', async () => {
    const r = await runCli(['check', 'examples/guangshan-2021', '--as-of', '2021-07-01']);
    const cells = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .map((l) => l.split('│')[5]!.trim());
    const text = cells.join('').replace(/ /g, '');
    expect(text).toContain('屈莉2021-06门诊、查房、带教3个工作日，要求不少于4个（每月下沉值诊带教不少于4个工作日）'.replace(/ /g, ''));
    expect(r.stdout).toContain('考核指标');
    expect(r.stdout).toMatch(/指标未达标 2 项/);
  });
});
