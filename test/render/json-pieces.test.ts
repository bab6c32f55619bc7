// Check's JSON goes out in pieces (render/diagnostics.ts jsonPieces) so a province-year's
// findings are never one 22 MB text as well; the pieces must join to exactly what one
// JSON.stringify of the whole document writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSON_FORMAT_VERSION, jsonPieces, toJsonRecord } from '../../src/render/diagnostics.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const text = fc.record({ zh: fc.string(), en: fc.string() });
const diagnostic: fc.Arbitrary<Diagnostic> = fc.record(
  {
    code: fc.constantFrom('quota/below', 'deadline/overdue', 'yaml/syntax'),
    severity: fc.constantFrom('error', 'warning', 'info'),
    message: text,
    hint: text,
    file: fc.string(),
    line: fc.nat(),
    col: fc.nat(),
    data: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.constant(undefined))),
  },
  { requiredKeys: ['code', 'severity', 'message'] },
) as fc.Arbitrary<Diagnostic>;

describe('jsonPieces', () => {
  it('joins to JSON.stringify of the whole document, whatever the piece size', () => {
    fc.assert(
      // more than one batch of 32 records at times
      fc.property(fc.array(diagnostic, { maxLength: 80 }), fc.constantFrom('zh', 'en'), fc.integer({ min: 1, max: 4000 }), (diags, lang, size) => {
        const extra = { asOf: '2022-01-10', withinDays: 14 };
        const whole = JSON.stringify({ version: JSON_FORMAT_VERSION, ...extra, findings: diags.map((d) => toJsonRecord(d, lang)) }, null, 2);
        const pieces = [...jsonPieces(diags, { lang, color: false }, extra, 'findings', size)];
        expect(pieces.join('')).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('goes out in several pieces once the text outgrows one', () => {
    const d: Diagnostic = { code: 'quota/below', severity: 'error', file: 'a.yaml', line: 3, col: 5, message: { zh: '刘鹏飞 2021-06 下沉 2 天，不足 4 天。', en: 'short' } };
    const pieces = [...jsonPieces(Array.from({ length: 200 }, () => d), { lang: 'zh', color: false }, {}, 'findings', 2000)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(JSON.parse(pieces.join('')).findings).toHaveLength(200);
  });
});
