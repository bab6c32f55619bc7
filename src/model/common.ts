// Building blocks shared by every kind's schema.
//
// The YAML layer hands zod plain values, except that a plain scalar the YAML core schema reads
// as a number arrives as a `RawNumber` box carrying its source text. String fields unbox to the
// source text (so `phone: 013800000001` keeps its leading zero), number fields to the value.
import { z } from 'zod';
import { normalizeDate, normalizeMonth } from '../time/dates.js';
import { parsePeriodKey } from '../time/periods.js';
import { shaped, SHAPES } from './json-shapes.js';

export class RawNumber {
  constructor(
    readonly value: number,
    readonly source: string,
  ) {}
}

const unboxToText = (v: unknown) => (v instanceof RawNumber ? v.source : v);
const unboxToValue = (v: unknown) => (v instanceof RawNumber ? v.value : v);

/** A string; a plain YAML number in its place is kept as the digits the user typed. */
export const str = () => shaped(z.preprocess(unboxToText, z.string().trim().min(1)), { json: SHAPES.str });
/** Free text that may be empty. */
export const text = () => shaped(z.preprocess(unboxToText, z.string()), { json: SHAPES.text });
export const num = () => z.preprocess(unboxToValue, z.number());
export const int = (min = -Infinity, max = Infinity) =>
  z.preprocess(unboxToValue, z.number().int().min(min).max(max));
export const nonNegInt = () => int(0);

const FRACTION = /^\s*(\d+)\s*\/\s*([1-9]\d*)\s*$/;
/**
 * A number, or a fraction written as the source writes it (`1/3`): 至少1/3 is not 0.3333, which
 * lets 0.33331 pass. Read as the exact quotient; compared with a tolerance far below the gap
 * between 1/3 and any ratio of realistic counts.
 */
export const fraction = () =>
  shaped(
    z.preprocess(
      unboxToValue,
      z.union([
        z.number(),
        z
          .string()
          .regex(FRACTION, { message: 'fraction' })
          .transform((s) => {
            const [, a, b] = FRACTION.exec(s)!;
            return Number(a) / Number(b);
          }),
      ]),
    ),
    { json: { anyOf: [{ type: 'number' }, { type: 'string', pattern: FRACTION.source }] } },
  );

/** ASCII slug used as a stable id. */
export const slug = () =>
  shaped(z.preprocess(unboxToText, z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'slug' })), {
    orNumber: { type: 'number', minimum: 0 },
  });

/** A calendar date, `2017-05-15` or `2017年5月15日`, normalized to ISO. Invalid days are errors. */
export const date = () =>
  shaped(
    z.preprocess(
      unboxToText,
      z
        .string()
        .refine((s) => normalizeDate(s) !== undefined, { message: 'date' })
        .overwrite((s) => normalizeDate(s) ?? s),
    ),
    { json: SHAPES.date },
  );

/** A month, `2017-05` or `2017年5月`, normalized to `YYYY-MM`. */
export const month = () =>
  shaped(
    z.preprocess(
      unboxToText,
      z
        .string()
        .refine((s) => normalizeMonth(s) !== undefined, { message: 'month' })
        .overwrite((s) => normalizeMonth(s) ?? s),
    ),
    { json: SHAPES.month },
  );

/** Money in yuan, at most two decimals (kept as given; money/ converts to integer fen). */
export const yuan = () =>
  z.preprocess(
    unboxToValue,
    z
      .number()
      .min(0)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'yuan' }),
  );

/** Mainland mobile (11 digits, 1[3-9]…) or landline with area code (0xx-xxxxxxxx); rules/phone-format checks it. */
export const phone = () => shaped(z.preprocess(unboxToText, z.string().trim().min(1)), { json: SHAPES.phone });

export const aliases = () => z.array(str()).optional();

/**
 * A period key (time/periods.ts): a year, `2024-Q1`, `2024-H1`, a month, or a span of two ISO
 * dates `2021-05-01~2022-04-30` (a cycle, and the same span a year earlier for 较上年同期).
 */
export const PERIOD_PATTERN = '^\\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])))?$|^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])~\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const PERIOD_RE = new RegExp(PERIOD_PATTERN);
export const period = () =>
  shaped(
    z.preprocess(
      unboxToText,
      z.string().refine((s) => PERIOD_RE.test(s) && (!s.includes('~') || parsePeriodKey(s) !== undefined), { message: 'period' }),
    ),
    { orNumber: { type: 'integer', minimum: 1000, maximum: 9999 } },
  );

/**
 * `assumed:` marks values the source document does not state (illustrative data, a date the
 * notice leaves open): `true` for the whole record, or the names of its assumed fields. The names
 * are checked against `fields`, so a typo cannot leave a value silently unmarked.
 */
export const assumed = <const F extends readonly [string, ...string[]]>(fields: F) =>
  z.union([z.literal(true), z.array(z.enum(fields)).min(1)]).optional();
