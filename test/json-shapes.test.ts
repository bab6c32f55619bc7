// The JSON Schema patterns for dates, months and phones accept exactly what the CLI reads, except
// for what only a calendar can tell (30 February). Checked against the CLI's own parsers on
// generated text in every form, with full-width digits and stray spaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_PATTERN, MONTH_PATTERN, PHONE_PATTERN } from '../src/model/json-shapes.js';
import { isValidPhone } from '../src/rules/phone-format.js';
import { daysInMonth, normalizeDate, normalizeMonth } from '../src/time/dates.js';

const date = new RegExp(DATE_PATTERN, 'u');
const month = new RegExp(MONTH_PATTERN, 'u');
const phone = new RegExp(PHONE_PATTERN, 'u');

const fullWidth = (s: string) => s.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Date-like text: numbers near and beyond the valid ranges, in every form, sometimes garbled. */
const dateText = fc
  .record({
    y: fc.integer({ min: 1880, max: 2120 }),
    m: fc.integer({ min: 0, max: 14 }),
    d: fc.integer({ min: 0, max: 34 }),
    form: fc.constantFrom('-', '/', '.', '年', 'compact', '—', '/-'),
    padded: fc.boolean(),
    wide: fc.boolean(),
    spaced: fc.boolean(),
    suffix: fc.constantFrom('日', '号', ''),
  })
  .map(({ y, m, d, form, padded, wide, spaced, suffix }) => {
    const [ms, ds] = padded || form === 'compact' ? [pad(m, 2), pad(d, 2)] : [String(m), String(d)];
    const sp = spaced ? ' ' : '';
    const s =
      form === 'compact'
        ? `${y}${ms}${ds}`
        : form === '年'
          ? `${y}${sp}年${ms}月${sp}${ds}${suffix}`
          : form === '/-'
            ? `${y}/${ms}-${ds}`
            : `${y}${sp}${form}${ms}${form}${sp}${ds}`;
    return { text: wide ? fullWidth(s) : s, y, m, d };
  });

describe('JSON Schema patterns', () => {
  it('a date matches exactly when the CLI reads it, but for days a month does not have', () => {
    fc.assert(
      fc.property(dateText, ({ text, y, m, d }) => {
        const read = normalizeDate(text) !== undefined;
        const matches = date.test(text);
        if (read) expect(matches, text).toBe(true);
        else if (matches) expect(m >= 1 && m <= 12 && d > daysInMonth(y, m), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
    for (const ok of ['2022-04-01', '20220401', '2022/4/1', '2022.4.1', '2022年4月1日', '２０２２年４月１日', '2100-12-31'])
      expect(date.test(ok), ok).toBe(true);
    for (const bad of ['2022-13-45', '2022-00-10', '2022-1-32', '下周', '2022-4', '20221301', '2101-01-01', '2022/4-1', '1899-12-31'])
      expect(date.test(bad), bad).toBe(false);
  });

  it('any text: matching the date pattern means the CLI reads it, or only a calendar can refuse it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9０-９年月日号\-/. ]{0,14}$/), (text) => {
        if (date.test(text) && normalizeDate(text) === undefined) {
          const digits = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).match(/\d+/g)!;
          const [y, m, d] = digits.length === 1 ? [digits[0]!.slice(0, 4), digits[0]!.slice(4, 6), digits[0]!.slice(6)] : digits;
          expect(Number(d), text).toBeGreaterThan(daysInMonth(Number(y), Number(m)));
        }
        if (normalizeDate(text) !== undefined) expect(date.test(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a month matches exactly when the CLI reads it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1880, max: 2120 }), fc.integer({ min: 0, max: 14 }), fc.constantFrom('-', '年', '/'), fc.boolean(), (y, m, form, wide) => {
        const s = form === '年' ? `${y}年${m}月` : `${y}${form}${pad(m, 2)}`;
        const text = wide ? fullWidth(s) : s;
        expect(month.test(text), text).toBe(normalizeMonth(text) !== undefined);
      }),
    );
  });

  it('a phone matches exactly when the phone rule accepts it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(\+?86-?)?[0-9 -]{6,16}$/), (text) => {
        expect(phone.test(text), text).toBe(isValidPhone(text));
      }),
      { numRuns: 3000 },
    );
    for (const ok of ['13800000001', '+86 138 0000 0001', '0376-8888888', '03768888888', '010-12345678-123']) expect(phone.test(ok), ok).toBe(true);
    for (const bad of ['8888888', '12345678901', '138000000012', '0376888']) expect(phone.test(bad), bad).toBe(false);
  });
});
