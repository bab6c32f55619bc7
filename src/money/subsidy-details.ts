// The 明细 rows: every charge of the month and every entry that earned nothing, in date order.
// Within a date by person (first entry that day), the person's fees and unpaid entries in log
// order, then the allowances of that day.
import type { Person } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { sumFen } from './fen.js';
import type { Charge, Uncounted } from './subsidy-charges.js';
import { uniq, type PersonIds, type SubsidyDetail } from './subsidy-model.js';

type SortKey = [string, number, number, number, number];

export function detailRows(mine: readonly Charge[], uncounted: readonly Uncounted[], ids: PersonIds): SubsidyDetail[] {
  const firstOfDay = new Map<string, number>();
  const dayKey = (date: string, who: string) => `${date}|${who}`;
  const noteFirst = (date: string, who: string, s: number) => {
    const k = dayKey(date, who);
    if ((firstOfDay.get(k) ?? Infinity) > s) firstOfDay.set(k, s);
  };
  const who = (p: Person | undefined, ref: string) => (p ? `p${ids.of(p)}` : `r${ref}`);
  for (const c of mine) noteFirst(c.entry.date, who(c.person, ''), c.seq);
  for (const u of uncounted) noteFirst(u.entry.date, who(u.person, u.entry.person), u.seq);
  const details: (SubsidyDetail & { k: SortKey })[] = [
    ...mine.map((c) => ({ k: [c.entry.date, firstOfDay.get(dayKey(c.entry.date, who(c.person, '')))!, c.kind === 'rate' ? 0 : 1, c.seq, c.sub] as SortKey, ...chargeDetail(c) })),
    ...uncounted.map((u) => ({ k: [u.entry.date, firstOfDay.get(dayKey(u.entry.date, who(u.person, u.entry.person)))!, 0, u.seq, 1e6] as SortKey, ...unpaidDetail(u) })),
  ];
  details.sort((a, b) => byCodePoint(a.k[0], b.k[0]) || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.k[3] - b.k[3] || a.k[4] - b.k[4]);
  return details.map(({ k: _k, ...d }) => d);
}

function chargeDetail(c: Charge): SubsidyDetail {
  const multi = c.entries.length > 1 || c.per === 'trip' || c.per === 'month';
  return {
    date: c.entry.date,
    person: c.person.name,
    personUnit: c.personUnit.name,
    unit: c.host.name,
    activity: multi ? uniq(c.entries.map((e) => e.type)).join('、') : c.entry.type,
    halfDays: sumFen(c.entries.map((e) => e.halfDays ?? 1)),
    counted: true,
    item: c.item,
    per: c.per,
    rateFen: c.rateFen,
    quantity: c.quantity,
    grossFen: c.grossFen,
    amountFen: c.amountFen,
    ...(c.amountFen !== c.grossFen ? { cappedFen: c.grossFen - c.amountFen } : {}),
    payer: c.payer.name,
    payerRole: c.payerRole,
    policy: c.policy.id,
    basis: c.basis,
    ...(c.assumed ? { assumed: true as const } : {}),
    note: c.entries.map((e) => e.note).filter(Boolean).join('；') || undefined,
  };
}

function unpaidDetail(u: Uncounted): SubsidyDetail {
  return {
    date: u.entry.date,
    person: u.person?.name ?? u.entry.person,
    personUnit: u.personUnit,
    unit: u.host,
    activity: u.entry.type,
    halfDays: u.entry.halfDays ?? 1,
    counted: false,
    amountFen: 0,
    reason: u.reason,
    reasonCode: u.code,
    note: u.entry.note,
  };
}
