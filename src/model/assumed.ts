// Values the source document does not state are marked `assumed:` in the plan files (FORMAT.md,
// "Assumed values"); every output that prints such a value flags it with this one label.
import { t, type Text } from './diagnostic.js';

/** What `assumed:` may hold on a record. */
export type Assumed = true | readonly string[] | undefined;

/** Whether `field` of a record (or the whole record, with no field) is marked assumed. */
export function isAssumed(rec: { assumed?: Assumed } | undefined, field?: string): boolean {
  const a = rec?.assumed;
  return a === true || (a !== undefined && field !== undefined && a.includes(field));
}

export const ASSUMED_LABEL: Text = t('示意值，原文未规定', 'assumed, not in the source');

/** `500` → `500（示意值，原文未规定）` when assumed; the value unchanged otherwise. */
export function flagAssumed(value: Text, assumed: boolean): Text {
  return assumed ? t(`${value.zh}（${ASSUMED_LABEL.zh}）`, `${value.en} (${ASSUMED_LABEL.en})`) : value;
}

/** A value as quoted in a message: `2027-12-31` or `2027-12-31（示意值，原文未规定）`. */
export function quoteValue(value: string | number, assumed: boolean): Text {
  return flagAssumed(t(String(value), String(value)), assumed);
}
