// Plain tables drawn without cli-table3 (render/table-plain.ts) are cli-table3's text, byte for
// byte: random cells (Chinese, ASCII, narrow punctuation, lines too wide, emoji, colours on one
// line or across lines, empty), random widths, head and border colours on and off — and
// whatever the fast drawer declines (undefined) cli-table3 draws. The fast drawer must take most
// tables, or the comparison proves nothing.
import { createRequire } from 'node:module';
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawPlain } from '../../src/render/table-plain.js';

const paint = new Chalk({ level: 1 });
// cli-table3 colours borders and the head through @colors/colors, which turns itself off when
// stdout is no terminal: on here, so the colours are really compared.
const colors = createRequire(import.meta.url)('@colors/colors/safe') as { enabled: boolean; enable(): void; disable(): void };
let wasEnabled = true;
beforeAll(() => {
  wasEnabled = colors.enabled;
  colors.enable();
});
afterAll(() => {
  if (!wasEnabled) colors.disable();
});

// mostly what check's cells hold; now and then what the fast drawer must decline
const word = fc.oneof(
  { arbitrary: fc.constantFrom('错误', '未达标', 'quota/below', '医0', '2021-01', 'a.yaml:5:5', '', '…', '—', '“引号”', '·', '（注）'), weight: 12 },
  { arbitrary: fc.constantFrom('x'.repeat(30), '张'.repeat(12), '👍', 'é', '\t'), weight: 1 },
);
const cellText = fc
  .tuple(fc.array(word, { minLength: 0, maxLength: 3 }), fc.boolean(), fc.constantFrom('none', 'none', 'none', 'red', 'dim', 'bold'))
  .map(([ws, wrap, how]) => {
    const s = ws.join(wrap ? '\n' : ' ');
    return how === 'none' ? s : paint[how as 'red' | 'dim' | 'bold'](s);
  });

function cliTable3(options: { head: string[]; style: { head: string[]; border: string[] }; colWidths: number[] }, rows: string[][]): string {
  const t = new Table(options);
  for (const r of rows) t.push(r);
  return t.toString();
}

describe('drawPlain', () => {
  it('draws what cli-table3 draws, or declines', () => {
    let drawn = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(fc.array(fc.integer({ min: 3, max: 48 }), { minLength: n, maxLength: n }), fc.array(fc.array(cellText, { minLength: n, maxLength: n }), { maxLength: 6 }), fc.array(word, { minLength: n, maxLength: n })),
        ),
        fc.boolean(),
        ([colWidths, rows, head], color) => {
          runs++;
          const options = { head, style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] }, colWidths };
          const plain = drawPlain(options, rows);
          if (plain === undefined) return;
          drawn++;
          expect(plain).toBe(cliTable3(options, rows));
        },
      ),
      { numRuns: 1500 },
    );
    expect(drawn).toBeGreaterThan(runs / 8);
  });

  it('draws the check table of a finding as cli-table3 does, coloured and not', () => {
    const row = [paint.red('错误'), '未达标', '', '2021-06', '屈莉 2021-06 门诊、查房、带教 3 个工作日，要求不少\n于 4 个（每月下沉值诊带教不少于4个工作日）', 'examples/guangshan-2021/quotas.yaml:8:5'];
    for (const color of [false, true]) {
      const options = { head: ['级别', '类别', '事项', '期限/期间', '说明', '位置'], style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] }, colWidths: [8, 12, 6, 14, 54, 43] };
      expect(drawPlain(options, [row, row])).toBe(cliTable3(options, [row, row]));
    }
  });

  it('declines what it does not draw the same: a line too wide, an emoji, colour across lines', () => {
    const options = { head: ['h'], style: { head: [], border: [] }, colWidths: [6] };
    expect(drawPlain(options, [['abcdefg']])).toBeUndefined();
    expect(drawPlain(options, [['👍']])).toBeUndefined();
    expect(drawPlain(options, [[paint.dim('a\nb')]])).toBeUndefined();
    expect(drawPlain(options, [['abcd']])).toBe(cliTable3(options, [['abcd']]));
  });
});
