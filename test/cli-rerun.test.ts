// The refusal to overwrite names the exact command lines a clerk can copy (src/cli/rerun.ts).
import { describe, expect, it } from 'vitest';
import { forceCommand, freeName, renamedCommand, shellArg } from '../src/cli/rerun.js';

describe('re-running a command whose output exists', () => {
  it('appends --force once, quoting what a shell or cmd.exe would split', () => {
    expect(forceCommand(['subsidy', 'plans', '--month', '2021-06', '-o', '6月 发放表.xlsx'])).toBe(
      'yilian subsidy plans --month 2021-06 -o "6月 发放表.xlsx" --force',
    );
    expect(forceCommand(['roster', 'plans', '-o', 'a.xlsx', '--force'])).toBe('yilian roster plans -o a.xlsx --force');
    expect([shellArg('名单.xlsx'), shellArg('a&b.xlsx'), shellArg('say "hi"')]).toEqual(['名单.xlsx', '"a&b.xlsx"', '"say \\"hi\\""']);
  });

  it('offers the first free name beside the file, in -o, --output= or added when the name was the default', () => {
    const taken = new Set(['名单(2).xlsx']);
    const name = freeName('名单.xlsx', (p) => taken.has(p));
    expect(name).toBe('名单(3).xlsx');
    expect(renamedCommand(['roster', 'plans', '-o', '名单.xlsx'], '名单.xlsx', name)).toBe('yilian roster plans -o "名单(3).xlsx"');
    expect(renamedCommand(['roster', 'plans', '--output=名单.xlsx'], '名单.xlsx', name)).toBe('yilian roster plans "--output=名单(3).xlsx"');
    expect(renamedCommand(['report', 'plans'], '进展报告-2021-Q2.html', '进展报告-2021-Q2(2).html')).toBe(
      'yilian report plans -o "进展报告-2021-Q2(2).html"',
    );
  });
});
