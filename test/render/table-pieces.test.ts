// The check table drawn in pieces (render/table-pieces.ts) is the one cli-table3 table, byte for
// byte: random rows (Chinese, wrapped lines, colour codes, cells too wide), random piece sizes,
// with and without colour.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawTable } from '../../src/render/table-pieces.js';

const paint = new Chalk({ level: 1 });
const word = fc.constantFrom('错误', '未达标', 'quota/below', '医0-1 2021-01 门诊', 'a000-quotas.yaml:5:5', '', '…', 'x'.repeat(30), '张'.repeat(12));
const cellText = fc
  .tuple(fc.array(word, { minLength: 0, maxLength: 3 }), fc.boolean(), fc.boolean())
  .map(([ws, wrap, red]) => {
    const s = ws.join(wrap ? '\n' : ' ');
    return red ? paint.red(s) : s;
  });

describe('a table drawn in pieces', () => {
  it('is the same text as one table', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), { minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (rows, piece, color) => {
        const options = {
          head: ['级别', '类别', '说明', '位置'],
          style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] },
          colWidths: [8, 12, 24, 16],
        };
        expect(drawTable(options, rows, piece)).toBe(drawTable(options, rows, Infinity));
      }),
      { numRuns: 150 },
    );
  });

  it('joins the pieces with the line drawn between rows, and keeps one top and one bottom border', () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`r${i}`]);
    const text = drawTable({ head: ['h'], style: { head: [], border: [] }, colWidths: [6] }, rows, 2);
    expect(text.split('\n')).toEqual(['┌──────┐', '│ h    │', '├──────┤', '│ r0   │', '├──────┤', '│ r1   │', '├──────┤', '│ r2   │', '├──────┤', '│ r3   │', '├──────┤', '│ r4   │', '└──────┘']);
  });
});
