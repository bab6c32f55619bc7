// How the text-like fields look in JSON Schema, for editors (`yilian schema`). zod checks a
// field after the loader has turned a plain YAML number back into the digits typed (RawNumber),
// so `start: 20220401` and `phone: 13800000001` are valid; an editor sees those as numbers, and
// the schema must accept them too. The string patterns accept exactly the forms the CLI reads
// (FORMAT.md), with months and days in range; only the calendar (2月30日) is left to the CLI.
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * How a registered field appears in JSON Schema: `json` replaces zod's own rendering; `orNumber`
 * adds the numbers a plain YAML scalar may be (`anyOf: [zod's, orNumber]`).
 */
export const JSON_SHAPES = z.registry<{ json?: JsonSchema; orNumber?: JsonSchema }>();

/** Give a field its JSON Schema shape (see JSON_SHAPES). */
export function shaped<T extends z.ZodType>(schema: T, shape: { json?: JsonSchema; orNumber?: JsonSchema }): T {
  JSON_SHAPES.add(schema, shape);
  return schema;
}

/** An ASCII digit class that also takes the full-width digits the CLI folds: `0-9` → `[0-9０-９]`. */
const d = (ascii: string): string =>
  `[${ascii}${ascii.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}]`;

/** Spaces (also the ideographic space) the CLI drops anywhere in a date. */
const S = '[\\s\\u3000]*';
const YEAR = `(?:${d('1')}${d('9')}${d('0-9')}{2}|${d('2')}${d('0')}${d('0-9')}{2}|${d('2')}${d('1')}${d('0')}${d('0')})`;
const MONTH = `(?:${d('0')}?${d('1-9')}|${d('1')}${d('0-2')})`;
const DAY = `(?:${d('0')}?${d('1-9')}|${d('12')}${d('0-9')}|${d('3')}${d('01')})`;
const MONTH2 = `(?:${d('0')}${d('1-9')}|${d('1')}${d('0-2')})`;
const DAY2 = `(?:${d('0')}${d('1-9')}|${d('12')}${d('0-9')}|${d('3')}${d('01')})`;
const DASH = '[-－—–]';
const ymd = (sep: string) => `${YEAR}${S}${sep}${S}${MONTH}${S}${sep}${S}${DAY}`;

/** 2022-04-01, 2022/4/1, 2022.4.1, 2022年4月1日 (号), 20220401; full-width digits and spaces too. */
export const DATE_PATTERN = `^${S}(?:${[ymd(DASH), ymd('/'), ymd('\\.'), `${YEAR}${S}年${S}${MONTH}${S}月${S}${DAY}${S}[日号]`, `${YEAR}${S}${MONTH2}${S}${DAY2}`].join('|')})${S}$`;
/** 2022-04, 2022年4月. */
export const MONTH_PATTERN = `^${S}(?:${YEAR}${S}${DASH}${S}${MONTH}|${YEAR}${S}年${S}${MONTH}${S}月)${S}$`;

// Phones as rules/phone-format.ts reads them: spaces dropped, an optional +86, then a mobile
// (1[3-9] and 9 digits) or a landline with its area code (0xx(x)-xxxxxxx(x), extension).
const W = '[\\s\\u3000]*';
const digits = (n: string) => `(?:\\d${W}){${n}}`;
export const PHONE_PATTERN = `^${W}(?:\\+${W})?(?:8${W}6${W}(?:-${W})?)?(?:1${W}[3-9]${W}${digits('9')}|0${W}${digits('2,3')}(?:-${W})?${digits('7,8')}(?:-${W}${digits('1,6')})?)$`;

export const SHAPES = {
  /** Text; a plain YAML number is text too (the digits typed). */
  text: { type: ['string', 'number'] },
  /** Non-blank text. */
  str: { type: ['string', 'number'], minLength: 1, pattern: '\\S' },
  /** A compact date written as a YAML number is an integer 19000101–21001231. */
  date: { anyOf: [{ type: 'string', pattern: DATE_PATTERN }, { type: 'integer', minimum: 19000101, maximum: 21001231 }] },
  month: { type: 'string', pattern: MONTH_PATTERN },
  /**
   * A phone written as a YAML number: JSON has lost a landline's leading zero, so any number of
   * 9–11 digits may be one (0 + 2–3 digit area code + 7–8 digits), as may an 11-digit mobile.
   */
  phone: { anyOf: [{ type: 'string', pattern: PHONE_PATTERN }, { type: 'integer', minimum: 100000000, maximum: 99999999999 }] },
} satisfies Record<string, JsonSchema>;
