// 劳务费/补贴发放表 as a format-neutral report model: fold one month of activity-log entries
// through the SubsidyPolicy in force on each entry's date into charges, then into one table per
// payer (the unit that pays), with totals in integer fen and 大写金额. Pure: no file system, no
// clock, no console; the entries arrive as an iterable and are folded one at a time.
//
// The rules (FORMAT.md "SubsidyPolicy", seed 000 三(二)8), and the choices made where the format
// leaves room:
// - Policy: the one in force on the entry's date (effective ≤ date ≤ until, both inclusive); of
//   several, the latest `effective` wins (the earlier one listed wins a tie). None in force: the
//   entry earns nothing and is reported (`subsidy/no-policy`).
// - Rate: among the policy's rates listing the entry's activity, one for the person's grade
//   beats one without a grade (any grade); the first listed wins a tie. No rate: reported
//   (`subsidy/no-rate`); no rate because the person's grade is unknown while only graded rates
//   exist for the activity: reported as `subsidy/unknown-grade`. Never silently dropped: every
//   such entry is also a 明细 line marked 未计费 with the reason.
// - Quantity by `per`: halfDay = the entry's halfDays (default 1, 每次以半天为计算单位);
//   session = 1 per entry; day = ceil(halfDays / 2) per entry (a day is two half-days; a started
//   day counts); trip = once per trip, a trip being one person at one unit on one date
//   (FORMAT.md) however many entries that day has; month = once per person, payer and month.
// - Allowances (交通补贴 …) follow the same `per` rules, for the activities they list (all
//   activities when they list none). A trip earns its allowance whether or not its activities
//   earned a fee: the allowance pays for the journey.
// - Payer: host = the unit where the work was done (the entry's unit); lead = the person's own
//   (dispatching) unit (Person.unit). A reference that does not resolve is shown as written.
// - Caps limit the 劳务费 (rates) only, not allowances: personMonth = a person's fees in a
//   calendar month across all payers; personYear = in a calendar year (entries before the month
//   are read to know what was already paid). Rule: first come, first paid. The person's fees
//   are taken in date order (log order within a day); the charge that crosses the cap is cut to
//   what is left and later ones to zero. This keeps every amount an exact integer (no
//   proportional rounding), and reads the way offices explain it: work after the cap was
//   reached is not paid. The cap applied to a charge is that of the charge's own policy.
//   Each capped person is reported (`subsidy/capped`, info).
// - A rate or allowance whose amount is marked `assumed` (not in the source document) flags
//   every 明细 line and payee row it pays, and each payer carries one note naming those amounts,
//   so no sheet prints an assumed amount as if the document set it.
import { ASSUMED_LABEL, isAssumed } from '../model/assumed.js';
import { at, t, type Diagnostic, type Text } from '../model/diagnostic.js';
import {
  ACTIVITY_TYPES,
  type ActivityEntry,
  type ActivityType,
  type Alliance,
  type Grade,
  type Person,
  type SubsidyPolicy,
  type Unit,
} from '../model/kinds.js';
import { locOf } from '../load/schema.js';
import { endOfMonth } from '../time/dates.js';
import { daxie } from './daxie.js';
import { fenToYuanText, mulFen, sumFen, yuanToFen } from './fen.js';
import { gradeOf } from './grade.js';
import { byCodePoint } from '../model/order.js';

export const LABOUR_ITEM = '劳务费';

export type Per = SubsidyPolicy['rates'][number]['per'];
export type PayerRole = 'host' | 'lead';

export interface UnitLabel {
  id?: string;
  name: string;
}

export interface SubsidyInput {
  /** `YYYY-MM`. */
  month: string;
  policies: readonly SubsidyPolicy[];
  /** Activity-log entries, any order, any dates (those outside the month only count towards a personYear cap). */
  entries: Iterable<ActivityEntry>;
  resolvePerson: (ref: string) => Person | undefined;
  resolveUnit: (ref: string) => Unit | undefined;
  /** Names the sheets and orders the payers as the Alliance lists its units. */
  alliance?: Pick<Alliance, 'id' | 'name'> & { units?: readonly Unit[]; document?: Alliance['document'] };
}

export interface ItemAmount {
  item: string;
  amountFen: number;
}

export interface SubsidyRow {
  seq: number;
  person: string;
  /** The person's own unit. */
  unit: string;
  grade?: Grade;
  title?: string;
  /** 查房2次、门诊3次 — the entries this payer pays for, counted by type. */
  activities: string;
  /** 工作内容 as printed: the activities, prefixed with the places where the payer is not the host. */
  work: string;
  /** Half-days of those entries, except the ones paid per session (a lecture is not a half-day's fee). */
  halfDays: number;
  /** Entries whose fee this payer pays per session (讲座 …): counted here, not in `halfDays`. */
  sessions: number;
  /** Distinct (unit, date) visits among those entries. */
  trips: number;
  items: ItemAmount[];
  totalFen: number;
  daxie: string;
  /** Some amount in this row rests on a rate marked `assumed`. */
  assumed?: true;
}

export interface SubsidyPayer {
  payer: UnitLabel;
  /** Whether the payer pays as host, as lead (dispatching unit), or both. */
  roles: PayerRole[];
  /** Items this payer pays (column order). */
  items: string[];
  rows: SubsidyRow[];
  /** Activity types this payer pays per session (names the sessions column; empty: no such column). */
  sessionActivities: string[];
  itemTotals: ItemAmount[];
  totalFen: number;
  daxie: string;
  /** Names the assumed amounts this payer's rows rest on (示意值，原文未规定：…). */
  assumedNote?: Text;
}

export interface SubsidyDetail {
  date: string;
  person: string;
  personUnit: string;
  /** The unit where the work was done. */
  unit: string;
  /** The activity (for a trip charge: the trip's activities, 、-joined). */
  activity: string;
  halfDays: number;
  counted: boolean;
  item?: string;
  per?: Per;
  rateFen?: number;
  quantity?: number;
  /** Before a cap. */
  grossFen?: number;
  amountFen: number;
  /** gross − amount, when a cap cut it. */
  cappedFen?: number;
  payer?: string;
  payerRole?: PayerRole;
  policy?: string;
  basis?: string;
  /** The amount rests on a rate marked `assumed` (not in the source document). */
  assumed?: true;
  /** Why an entry earned nothing (未计费). */
  reason?: Text;
  reasonCode?: string;
  note?: string;
}

export interface SubsidyReport {
  month: string;
  /** Last day of the month: the day the workbook is stamped with. */
  date: string;
  alliance?: { id: string; name: string; documentNumber?: string };
  /** Document numbers the amounts rest on (policy basis, then rate bases), distinct. */
  policyBasis: string[];
  policies: { id: string; basis?: string; effective: string; until?: string }[];
  /** Every item paid this month, column order: 劳务费 first, then the allowances. */
  items: string[];
  payers: SubsidyPayer[];
  people: number;
  itemTotals: ItemAmount[];
  grandTotalFen: number;
  grandDaxie: string;
  details: SubsidyDetail[];
  diagnostics: Diagnostic[];
}

// ------------------------------------------------------------------ internals

interface Charge {
  seq: number; // entry order
  sub: number; // order within the entry
  entry: ActivityEntry;
  entries: ActivityEntry[]; // a trip/month charge covers several
  person: Person;
  personUnit: UnitLabel;
  host: UnitLabel;
  item: string;
  kind: 'rate' | 'allowance';
  per: Per;
  rateFen: number;
  quantity: number;
  grossFen: number;
  amountFen: number;
  payer: UnitLabel;
  payerRole: PayerRole;
  policy: SubsidyPolicy;
  basis?: string;
  /** The rate's amount is marked assumed: what it is, for the payer's note. */
  assumed?: Text;
  capMonth?: number;
  capYear?: number;
}

interface Uncounted {
  seq: number;
  entry: ActivityEntry;
  person?: Person;
  personUnit: string;
  host: string;
  code: string;
  reason: Text;
}

const unitKey = (u: UnitLabel) => (u.id ? `id:${u.id}` : `name:${u.name}`);

/** The policy in force on a day: effective ≤ day ≤ until; the latest effective wins. */
export function policyOn(policies: readonly SubsidyPolicy[], day: string): SubsidyPolicy | undefined {
  let best: SubsidyPolicy | undefined;
  for (const p of policies)
    if (p.effective <= day && (p.until === undefined || day <= p.until) && (!best || p.effective > best.effective)) best = p;
  return best;
}

/** How many units of `per` one entry of `halfDays` half-days is (trip and month: 1, deduplicated by the caller). */
export function quantityOf(per: Per, halfDays: number): number {
  switch (per) {
    case 'halfDay':
      return halfDays;
    case 'day':
      return Math.ceil(halfDays / 2);
    default:
      return 1;
  }
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

function monthRange(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { first: `${month}-01`, last: endOfMonth(y, m) };
}

export function computeSubsidy(input: SubsidyInput): SubsidyReport {
  const { month, policies, resolvePerson, resolveUnit } = input;
  const { last } = monthRange(month);
  const yearCaps = policies.some((p) => p.caps?.some((c) => c.per === 'personYear'));
  const windowStart = yearCaps ? `${month.slice(0, 4)}-01-01` : `${month}-01`;

  const label = (ref: string): UnitLabel => {
    const u = resolveUnit(ref);
    return u ? (u.id ? { id: u.id, name: u.name } : { name: u.name }) : { name: ref };
  };
  const personIds = new Map<Person, number>();
  const pid = (p: Person) => {
    let n = personIds.get(p);
    if (n === undefined) personIds.set(p, (n = personIds.size));
    return n;
  };
  const policyIds = new Map<SubsidyPolicy, number>();
  policies.forEach((p, i) => policyIds.set(p, i));

  const charges: Charge[] = [];
  const uncounted: Uncounted[] = [];
  const once = new Map<string, Charge>(); // trip / month charges by key
  let seq = 0;
  let inMonthEntries = 0;

  for (const e of input.entries) {
    if (e.date < windowStart || e.date > last) continue;
    const s = seq++;
    const inMonth = e.date.startsWith(month);
    if (inMonth) inMonthEntries++;
    const halfDays = e.halfDays ?? 1;
    const person = resolvePerson(e.person);
    const host = label(e.unit);
    const skip = (code: string, reason: Text, p?: Person) => {
      if (inMonth) uncounted.push({ seq: s, entry: e, person: p, personUnit: p ? label(p.unit).name : '', host: host.name, code, reason });
    };
    if (!person) {
      skip('subsidy/unknown-person', t(`人员“${e.person}”不在名单中`, `"${e.person}" is not in any roster`));
      continue;
    }
    const policy = policyOn(policies, e.date);
    if (!policy) {
      skip('subsidy/no-policy', t(`${e.date} 没有生效的补贴标准`, `no subsidy policy in force on ${e.date}`), person);
      continue;
    }
    const personUnit = label(person.unit);
    const grade = gradeOf(person);
    const pk = pid(person);
    const pol = policyIds.get(policy)!;
    let sub = 0;

    const charge = (
      kind: Charge['kind'],
      index: number,
      item: string,
      amount: number,
      per: Per,
      payerRole: PayerRole,
      basis: string | undefined,
      assumed: Text | undefined,
    ) => {
      const payer = payerRole === 'host' ? host : personUnit;
      const rateFen = yuanToFen(amount);
      let key: string | undefined;
      if (per === 'trip') key = `${kind}|${pol}|${index}|${pk}|${unitKey(host)}|${e.date}`;
      else if (per === 'month') key = `${kind}|${pol}|${index}|${pk}|${unitKey(payer)}|${e.date.slice(0, 7)}`;
      if (key) {
        const seen = once.get(key);
        if (seen) {
          seen.entries.push(e);
          return;
        }
      }
      const quantity = quantityOf(per, halfDays);
      const gross = mulFen(rateFen, quantity);
      const c: Charge = {
        seq: s,
        sub: sub++,
        entry: e,
        entries: [e],
        person,
        personUnit,
        host,
        item,
        kind,
        per,
        rateFen,
        quantity,
        grossFen: gross,
        amountFen: gross,
        payer,
        payerRole,
        policy,
        basis,
        ...(assumed ? { assumed } : {}),
      };
      if (key) once.set(key, c);
      charges.push(c);
    };

    const candidates = policy.rates.map((r, i) => ({ r, i })).filter(({ r }) => r.activities.includes(e.type));
    const rate =
      (grade && candidates.find(({ r }) => r.grade === grade)) || candidates.find(({ r }) => r.grade === undefined);
    if (rate)
      charge('rate', rate.i, LABOUR_ITEM, rate.r.amount, rate.r.per, rate.r.payer, rate.r.basis ?? policy.basis,
        assumedAmount(rate.r, `${rate.r.activities.join('、')}${rate.r.grade ? `（${rate.r.grade}）` : ''}`, rate.r.basis));
    else if (!grade && candidates.length)
      skip(
        'subsidy/unknown-grade',
        t(
          `${person.name}的职称等级不明（${person.title ?? '未写职称'}），${e.type}只有按等级的标准`,
          `${person.name}'s grade is unknown (${person.title ?? 'no title'}); ${e.type} is paid by grade only`,
        ),
        person,
      );
    else
      skip(
        'subsidy/no-rate',
        candidates.length
          ? t(`${policy.basis ?? policy.id}没有${grade}人员${e.type}的标准`, `${policy.basis ?? policy.id} has no rate for ${e.type} by a ${grade}`)
          : t(`${policy.basis ?? policy.id}没有${e.type}的标准`, `${policy.basis ?? policy.id} has no rate for ${e.type}`),
        person,
      );

    policy.allowances.forEach((a, i) => {
      if (a.activities && !a.activities.includes(e.type)) return;
      charge('allowance', i, a.name, a.amount, a.per, a.payer, policy.basis, assumedAmount(a, a.name, undefined));
    });
  }

  // ---- caps: first come, first paid (see the header comment)
  const capped = new Map<Person, { first: Charge; cutFen: number; maxFen: number; per: string }>();
  const paidMonth = new Map<string, number>();
  const paidYear = new Map<string, number>();
  for (const c of charges.filter((x) => x.kind === 'rate').sort((a, b) => byCodePoint(a.entry.date, b.entry.date) || a.seq - b.seq || a.sub - b.sub)) {
    const pk = pid(c.person);
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

  // ---- the month's charges → payers → rows
  const mine = charges
    .filter((c) => c.entry.date.startsWith(month))
    .sort((a, b) => byCodePoint(a.entry.date, b.entry.date) || a.seq - b.seq || a.sub - b.sub);

  const itemOrder: string[] = [LABOUR_ITEM];
  for (const p of policies) for (const a of p.allowances) if (!itemOrder.includes(a.name)) itemOrder.push(a.name);
  const usedItems = itemOrder.filter((i) => mine.some((c) => c.item === i));
  const items = usedItems.length ? usedItems : [LABOUR_ITEM];

  const unitOrder = new Map<string, number>();
  (input.alliance?.units ?? []).forEach((u, i) => {
    const k = unitKey(u.id ? { id: u.id, name: u.name } : { name: u.name });
    if (!unitOrder.has(k)) unitOrder.set(k, i);
  });

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
  const payers: SubsidyPayer[] = [...payerAcc.values()]
    .sort((a, b) => {
      const ia = unitOrder.get(unitKey(a.payer)) ?? Number.MAX_SAFE_INTEGER;
      const ib = unitOrder.get(unitKey(b.payer)) ?? Number.MAX_SAFE_INTEGER;
      return ia - ib || byCodePoint(a.payer.name, b.payer.name);
    })
    .map((p) => {
      const payerItems = itemOrder.filter((i) => [...p.rows.values()].some((r) => r.items.has(i)));
      const rows: SubsidyRow[] = [...p.rows.values()]
        .sort((a, b) => a.first - b.first)
        .map((r, i) => {
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
          const elsewhere = [...hosts.values()].some((h) => unitKey(h.label) !== unitKey(p.payer));
          const work = elsewhere
            ? [...hosts.values()].map((h) => `${h.label.name}：${summarizeActivities(h.entries)}`).join('；')
            : activities;
          const amounts = payerItems.map((item) => ({ item, amountFen: r.items.get(item) ?? 0 }));
          const totalFen = sumFen(amounts.map((a) => a.amountFen));
          return {
            seq: i + 1,
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
        });
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
    });

  const grandTotalFen = sumFen(payers.map((p) => p.totalFen));
  const itemTotals = items.map((item) => ({
    item,
    amountFen: sumFen(payers.map((p) => p.itemTotals.find((x) => x.item === item)?.amountFen ?? 0)),
  }));

  // ---- details: every charge and every entry that earned nothing, in date order
  // Order: by date; within a date by person (first entry that day), the person's fees and
  // unpaid entries in log order, then the allowances of that day.
  const details: (SubsidyDetail & { k: [string, number, number, number, number] })[] = [];
  const firstOfDay = new Map<string, number>();
  const dayKey = (date: string, who: string) => `${date}|${who}`;
  const noteFirst = (date: string, who: string, s: number) => {
    const k = dayKey(date, who);
    if ((firstOfDay.get(k) ?? Infinity) > s) firstOfDay.set(k, s);
  };
  const who = (p: Person | undefined, ref: string) => (p ? `p${pid(p)}` : `r${ref}`);
  for (const c of mine) noteFirst(c.entry.date, who(c.person, ''), c.seq);
  for (const u of uncounted) noteFirst(u.entry.date, who(u.person, u.entry.person), u.seq);
  for (const c of mine) {
    const multi = c.entries.length > 1 || c.per === 'trip' || c.per === 'month';
    details.push({
      k: [c.entry.date, firstOfDay.get(dayKey(c.entry.date, who(c.person, '')))!, c.kind === 'rate' ? 0 : 1, c.seq, c.sub],
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
    });
  }
  for (const u of uncounted)
    details.push({
      k: [u.entry.date, firstOfDay.get(dayKey(u.entry.date, who(u.person, u.entry.person)))!, 0, u.seq, 1e6],
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
    });
  details.sort((a, b) => byCodePoint(a.k[0], b.k[0]) || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.k[3] - b.k[3] || a.k[4] - b.k[4]);

  // ---- diagnostics: one per (reason, person, activity), at the first such entry
  const diagnostics: Diagnostic[] = [];
  const grouped = new Map<string, { u: Uncounted; n: number; halfDays: number }>();
  for (const u of uncounted) {
    const k = `${u.code}|${u.person ? pid(u.person) : u.entry.person}|${u.entry.type}|${u.reason.zh}`;
    const g = grouped.get(k);
    if (g) {
      g.n++;
      g.halfDays += u.entry.halfDays ?? 1;
    } else grouped.set(k, { u, n: 1, halfDays: u.entry.halfDays ?? 1 });
  }
  for (const { u, n, halfDays } of grouped.values())
    diagnostics.push({
      code: u.code,
      severity: 'warning',
      ...at(locOf(u.entry)),
      message: t(
        `${u.reason.zh}：${u.entry.person} ${u.entry.type}${n > 1 ? ` 共 ${n} 条（${halfDays} 个半天）` : ''}未计费。`,
        `${u.reason.en}: ${u.entry.person}'s ${u.entry.type}${n > 1 ? ` (${n} entries, ${halfDays} half-days)` : ''} earns nothing.`,
      ),
      hint:
        u.code === 'subsidy/unknown-grade'
          ? t('在名单中写明职称（如 主治医师）或 grade。', 'give the person a title (e.g. 主治医师) or a grade in the roster.')
          : u.code === 'subsidy/no-rate'
            ? t('如该项应付费，请在 SubsidyPolicy 的 rates 中补上标准。', 'if it should be paid, add a rate to the SubsidyPolicy.')
            : undefined,
      data: { person: u.entry.person, activity: u.entry.type, entries: n, halfDays, date: u.entry.date },
    });
  for (const [person, c] of capped)
    if (c.cutFen > 0)
      diagnostics.push({
        code: 'subsidy/capped',
        severity: 'info',
        ...at(locOf(c.first.entry)),
        message: t(
          `${person.name} ${c.per === 'personMonth' ? '本月' : '本年'}劳务费超过上限 ${fenText(c.maxFen)} 元，自 ${c.first.entry.date} 起少计 ${fenText(c.cutFen)} 元（先到先付）。`,
          `${person.name}'s fees exceed the ${c.per === 'personMonth' ? 'monthly' : 'yearly'} cap of ${fenText(c.maxFen)} yuan; ${fenText(c.cutFen)} yuan not paid from ${c.first.entry.date} on (first come, first paid).`,
        ),
        data: { person: person.name, capFen: c.maxFen, cutFen: c.cutFen, per: c.per },
      });
  if (inMonthEntries === 0)
    diagnostics.push({
      code: 'subsidy/no-entries',
      severity: 'warning',
      message: t(`${month} 没有下沉工作记录，发放表为空。`, `No activity-log entries in ${month}; the sheets are empty.`),
    });

  // ---- policies and their basis
  const used = new Set(mine.map((c) => c.policy));
  if (!used.size) for (const p of policies) if (p.effective <= last && (p.until === undefined || p.until >= `${month}-01`)) used.add(p);
  const usedList = policies.filter((p) => used.has(p)).sort((a, b) => byCodePoint(a.effective, b.effective));
  const policyBasis = uniq([
    ...usedList.map((p) => p.basis).filter((b): b is string => !!b),
    ...mine.map((c) => c.basis).filter((b): b is string => !!b),
  ]);
  const people = new Set(mine.map((c) => c.person)).size;

  return {
    month,
    date: last,
    ...(input.alliance
      ? {
          alliance: {
            id: input.alliance.id,
            name: input.alliance.name,
            ...(input.alliance.document?.number ? { documentNumber: input.alliance.document.number } : {}),
          },
        }
      : {}),
    policyBasis,
    policies: usedList.map((p) => ({ id: p.id, basis: p.basis, effective: p.effective, until: p.until })),
    items,
    payers,
    people,
    itemTotals,
    grandTotalFen,
    grandDaxie: daxie(grandTotalFen),
    details: details.map(({ k: _k, ...d }) => d),
    diagnostics,
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

const PER_TEXT: Record<Per, Text> = {
  halfDay: t('半天', 'half-day'),
  session: t('次', 'session'),
  day: t('天', 'day'),
  trip: t('趟', 'trip'),
  month: t('月', 'month'),
};

/** What an assumed amount is (讲座（正高）500.00元/次, and the document a rate of its own cites, to verify
 * it against), or undefined when the amount is from the source. */
function assumedAmount(
  r: { amount: number; per: Per; assumed?: true | readonly string[] },
  what: string,
  basis: string | undefined,
): Text | undefined {
  if (!isAssumed(r, 'amount')) return undefined;
  const amount = fenText(yuanToFen(r.amount));
  const ref = basis ? t(`（请按${basis}核实）`, ` (verify against ${basis})`) : t('', '');
  return t(`${what}${amount}元/${PER_TEXT[r.per].zh}${ref.zh}`, `${what} ${amount} yuan per ${PER_TEXT[r.per].en}${ref.en}`);
}

/** ※ 示意值，原文未规定：讲座（正高）500.00元/次…；… — one line naming a payer's assumed amounts. */
function noteOfAssumed(charges: readonly Charge[]): Text | undefined {
  const zh = uniq(charges.flatMap((c) => (c.assumed ? [c.assumed.zh] : [])));
  const en = uniq(charges.flatMap((c) => (c.assumed ? [c.assumed.en] : [])));
  if (!zh.length) return undefined;
  return t(`※ ${ASSUMED_LABEL.zh}：${zh.join('；')}。`, `※ ${ASSUMED_LABEL.en}: ${en.join('; ')}.`);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const fenText = (f: number) => fenToYuanText(f);
