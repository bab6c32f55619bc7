// The payers' sheets: the month's charges grouped by the unit that pays, one row per person with
// the per-person sums, ordered as the Alliance lists its units; and what each sheet counts.
import type { ActivityEntry, ActivityType, Person, Unit } from '../model/kinds.js';
import { ACTIVITY_TYPES } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { daxie } from './daxie.js';
import { sumFen } from './fen.js';
import { gradeOf } from './grade.js';
import { noteOfAssumed } from './subsidy-assumed.js';
import type { Charge } from './subsidy-charges.js';
import { uniq, unitKey, type PayerRole, type SubsidyPayer, type SubsidyRow, type UnitLabel } from './subsidy-model.js';

/** One person's charges on one payer's sheet, as they are gathered. */
interface RowAcc {
  person: Person;
  first: number;
  entries: Set<ActivityEntry>;
  /** Entries whose fee is paid per session. */
  sessions: Set<ActivityEntry>;
  items: Map<string, number>;
  assumed: boolean;
}

interface PayerAcc {
  payer: UnitLabel;
  roles: Set<PayerRole>;
  rows: Map<Person, RowAcc>;
}

/** The payers' sheets of the month's charges (in date order), columns in `itemOrder`. */
export function payerSheets(
  mine: readonly Charge[],
  itemOrder: readonly string[],
  allianceUnits: readonly Unit[],
  label: (ref: string) => UnitLabel,
): SubsidyPayer[] {
  const unitOrder = new Map<string, number>();
  allianceUnits.forEach((u, i) => {
    const k = unitKey(u.id ? { id: u.id, name: u.name } : { name: u.name });
    if (!unitOrder.has(k)) unitOrder.set(k, i);
  });
  return [...gatherPayers(mine).values()]
    .sort((a, b) => {
      const ia = unitOrder.get(unitKey(a.payer)) ?? Number.MAX_SAFE_INTEGER;
      const ib = unitOrder.get(unitKey(b.payer)) ?? Number.MAX_SAFE_INTEGER;
      return ia - ib || byCodePoint(a.payer.name, b.payer.name);
    })
    .map((p) => payerSheet(p, mine, itemOrder, label));
}

function gatherPayers(mine: readonly Charge[]): Map<string, PayerAcc> {
  const payerAcc = new Map<string, PayerAcc>();
  for (const c of mine) {
    const k = unitKey(c.payer);
    let p = payerAcc.get(k);
    if (!p) payerAcc.set(k, (p = { payer: c.payer, roles: new Set(), rows: new Map() }));
    p.roles.add(c.payerRole);
    let r = p.rows.get(c.person);
    if (!r) p.rows.set(c.person, (r = { person: c.person, first: c.seq, entries: new Set(), sessions: new Set(), items: new Map(), assumed: false }));
    if (c.assumed) r.assumed = true;
    for (const e of c.entries) r.entries.add(e);
    if (c.kind === 'rate' && c.per === 'session') for (const e of c.entries) r.sessions.add(e);
    r.items.set(c.item, (r.items.get(c.item) ?? 0) + c.amountFen);
  }
  return payerAcc;
}

function payerSheet(p: PayerAcc, mine: readonly Charge[], itemOrder: readonly string[], label: (ref: string) => UnitLabel): SubsidyPayer {
  const payerItems = itemOrder.filter((i) => [...p.rows.values()].some((r) => r.items.has(i)));
  const rows: SubsidyRow[] = [...p.rows.values()].sort((a, b) => a.first - b.first).map((r, i) => payeeRow(r, i + 1, p.payer, payerItems, label));
  const itemTotals = payerItems.map((item) => ({
    item,
    amountFen: sumFen(rows.map((r) => r.items.find((a) => a.item === item)?.amountFen ?? 0)),
  }));
  const totalFen = sumFen(rows.map((r) => r.totalFen));
  const assumedNote = noteOfAssumed(mine.filter((c) => unitKey(c.payer) === unitKey(p.payer)));
  return {
    ...(assumedNote ? { assumedNote } : {}),
    payer: p.payer,
    roles: (['host', 'lead'] as const).filter((x) => p.roles.has(x)),
    items: payerItems,
    rows,
    sessionActivities: uniq([...p.rows.values()].flatMap((r) => [...r.sessions].map((e) => e.type))),
    itemTotals,
    totalFen,
    daxie: daxie(totalFen),
  };
}

/** One person's row on a payer's sheet: what they did (where, when not at the payer), the counts and the sums. */
function payeeRow(r: RowAcc, seq: number, payer: UnitLabel, payerItems: readonly string[], label: (ref: string) => UnitLabel): SubsidyRow {
  const entries = [...r.entries];
  const activities = summarizeActivities(entries);
  const hosts = new Map<string, { label: UnitLabel; entries: ActivityEntry[] }>();
  for (const e of entries) {
    const h = label(e.unit);
    const k = unitKey(h);
    const g = hosts.get(k);
    if (g) g.entries.push(e);
    else hosts.set(k, { label: h, entries: [e] });
  }
  const elsewhere = [...hosts.values()].some((h) => unitKey(h.label) !== unitKey(payer));
  const work = elsewhere ? [...hosts.values()].map((h) => `${h.label.name}：${summarizeActivities(h.entries)}`).join('；') : activities;
  const amounts = payerItems.map((item) => ({ item, amountFen: r.items.get(item) ?? 0 }));
  const totalFen = sumFen(amounts.map((a) => a.amountFen));
  return {
    seq,
    person: r.person.name,
    unit: label(r.person.unit).name,
    grade: gradeOf(r.person),
    title: r.person.title,
    activities,
    work,
    halfDays: sumFen(entries.filter((e) => !r.sessions.has(e)).map((e) => e.halfDays ?? 1)),
    sessions: r.sessions.size,
    trips: new Set(entries.map((e) => `${unitKey(label(e.unit))}|${e.date}`)).size,
    items: amounts,
    totalFen,
    daxie: daxie(totalFen),
    ...(r.assumed ? { assumed: true as const } : {}),
  };
}

/** 查房2次、门诊3次 — counted by entry, in the order of FORMAT.md's activity types. */
export function summarizeActivities(entries: Iterable<Pick<ActivityEntry, 'type'>>): string {
  const n = new Map<ActivityType, number>();
  for (const e of entries) n.set(e.type, (n.get(e.type) ?? 0) + 1);
  return ACTIVITY_TYPES.filter((x) => n.has(x))
    .map((x) => `${x}${n.get(x)}次`)
    .join('、');
}

/** One quantity column of a payer's sheet: which count, each row's value, and the total. */
export interface QuantityColumn {
  counts: 'halfDays' | 'sessions' | 'trips';
  of: (r: SubsidyRow) => number;
  total: number;
}

/**
 * What a payer's sheet counts for each person. The dispatching hospital (a payer that is not a
 * host) pays allowances per trip, and the half-days are paid and counted on the host units'
 * sheets, so counting them there too would count them twice: it counts trips. A host counts
 * half-days, and beside them the sessions it pays per session (讲座): a lecture's fee is not
 * half-days × rate, so adding it to 半天数 would make that column disagree with the money.
 */
export function payerCounts(p: SubsidyPayer): QuantityColumn[] {
  const col = (counts: QuantityColumn['counts']): QuantityColumn => {
    const of = (r: SubsidyRow) => r[counts];
    return { counts, of, total: p.rows.reduce((n, r) => n + of(r), 0) };
  };
  if (!p.roles.includes('host')) return [col('trips')];
  return p.sessionActivities.length ? [col('halfDays'), col('sessions')] : [col('halfDays')];
}
