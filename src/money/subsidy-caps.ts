// Caps on a person's 劳务费, first come, first paid (subsidy.ts's header): the person's fees are
// taken in date order (log order within a day); the charge that crosses a cap is cut to what is
// left and later ones to zero, so every amount stays an exact integer of fen.
import type { Person } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { yuanToFen } from './fen.js';
import type { Charge } from './subsidy-charges.js';
import type { PersonIds } from './subsidy-model.js';

/** A person the caps cut this month: the first charge cut, how much in all, and the cap. */
export interface CapHit {
  first: Charge;
  cutFen: number;
  maxFen: number;
  per: string;
}

/** Date order; log order within a day; a charge's parts in the order they were made. */
export const chargeOrder = (a: Charge, b: Charge) => byCodePoint(a.entry.date, b.entry.date) || a.seq - b.seq || a.sub - b.sub;

/** Cut the rate charges (not allowances) to the caps of their policies; the people cut in `month`. */
export function applyCaps(charges: readonly Charge[], month: string, ids: PersonIds): Map<Person, CapHit> {
  const capped = new Map<Person, CapHit>();
  const paidMonth = new Map<string, number>();
  const paidYear = new Map<string, number>();
  for (const c of charges.filter((x) => x.kind === 'rate').sort(chargeOrder)) {
    const pk = ids.of(c.person);
    const mk = `${pk}|${c.entry.date.slice(0, 7)}`;
    const yk = `${pk}|${c.entry.date.slice(0, 4)}`;
    let allowed = c.grossFen;
    let hit: { maxFen: number; per: string } | undefined;
    for (const cap of c.policy.caps ?? []) {
      const maxFen = yuanToFen(cap.max);
      const paid = cap.per === 'personMonth' ? (paidMonth.get(mk) ?? 0) : (paidYear.get(yk) ?? 0);
      const room = Math.max(0, maxFen - paid);
      if (room < allowed) {
        allowed = room;
        hit = { maxFen, per: cap.per };
      }
    }
    c.amountFen = allowed;
    paidMonth.set(mk, (paidMonth.get(mk) ?? 0) + allowed);
    paidYear.set(yk, (paidYear.get(yk) ?? 0) + allowed);
    if (hit && c.entry.date.startsWith(month)) {
      const prev = capped.get(c.person);
      if (prev) prev.cutFen += c.grossFen - allowed;
      else capped.set(c.person, { first: c, cutFen: c.grossFen - allowed, ...hit });
    }
  }
  return capped;
}
