import { describe, expect, it } from 'vitest';
import type { GlobalOptions, Io } from '../src/cli/context.js';
import { parseAsOfOption } from '../src/cli/options.js';

function capture(): { io: Io; errs: string[] } {
  const errs: string[] = [];
  return { io: { out: () => {}, outBytes: () => {}, err: (s) => errs.push(s), settle: async () => ({}), isTTY: false, env: {}, cwd: '.' }, errs };
}
const zh: GlobalOptions = { lang: 'zh', color: false, quiet: false };
const en: GlobalOptions = { lang: 'en', color: false, quiet: false };

describe('parseAsOfOption', () => {
  it('not given: undefined, nothing printed', () => {
    const { io, errs } = capture();
    expect(parseAsOfOption(undefined, io, zh)).toBeUndefined();
    expect(errs).toEqual([]);
  });
  it('a date in any accepted form: the ISO date', () => {
    const { io, errs } = capture();
    expect(parseAsOfOption('2021-6-30', io, zh)).toBe('2021-06-30');
    expect(errs).toEqual([]);
  });
  it('not a date: null, and says how to write one', () => {
    const { io, errs } = capture();
    expect(parseAsOfOption('2017-02-30', io, en, '2017-06-30')).toBeNull();
    expect(errs).toEqual(['--as-of "2017-02-30" is not a date; write 2017-06-30.']);
    expect(parseAsOfOption('x', io, zh)).toBeNull();
    expect(errs[1]).toBe('--as-of 的日期「x」无效，应写作 2021-06-30。');
  });
});
