// Which entries are paid, by whom and how much before caps: each activity-log entry in the window
// becomes charges (a 劳务费 rate and the allowances it earns) or an unpaid entry with its reason.
// A trip or month charge is made once and gathers the further entries it covers.
import { t, type Text } from '../model/diagnostic.js';
import type { ActivityEntry, Person, SubsidyPolicy } from '../model/kinds.js';
import { mulFen, yuanToFen } from './fen.js';
import { gradeOf } from './grade.js';
import { assumedAmount } from './subsidy-assumed.js';
import { LABOUR_ITEM, lastDayOf, unitKey, type PayerRole, type Per, type PersonIds, type SubsidyInput, type UnitLabel } from './subsidy-model.js';
import { policyOn, quantityOf, rateFor } from './subsidy-rates.js';

export interface Charge {
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
}

/** An entry of the month that earned nothing, and why (a 明细 line marked 未计费, and a finding). */
export interface Uncounted {
  seq: number;
  entry: ActivityEntry;
  person?: Person;
  personUnit: string;
  host: string;
  code: UnpaidCode;
  reason: Text;
}

/** Why an entry earns nothing: one of the subsidy codes worded by UNPAID (codes/outputs.ts). */
export type UnpaidCode = 'subsidy/unknown-person' | 'subsidy/no-policy' | 'subsidy/unknown-grade' | 'subsidy/no-rate';

export interface Collected {
  charges: Charge[];
  uncounted: Uncounted[];
  /** Entries dated in the month (the rest of the window only counts towards a yearly cap). */
  inMonthEntries: number;
}

/** One entry being charged: who, where, under which policy. */
interface Payable {
  entry: ActivityEntry;
  seq: number;
  person: Person;
  personUnit: UnitLabel;
  host: UnitLabel;
  policy: SubsidyPolicy;
  /** Index of the policy and of the person: parts of a trip or month charge's key. */
  policyIndex: number;
  personIndex: number;
}

/** What a rate or an allowance charges an entry. */
interface ChargeSpec {
  kind: Charge['kind'];
  /** The rate's or allowance's index in its policy. */
  index: number;
  item: string;
  amount: number;
  per: Per;
  payerRole: PayerRole;
  basis: string | undefined;
  assumed: Text | undefined;
}

/** The dates whose entries a month's sheet reads: the month, or the year to its end when a policy caps a person's year. */
export function subsidyWindow(month: string, policies: readonly SubsidyPolicy[]): [string, string] {
  const yearCaps = policies.some((p) => p.caps?.some((c) => c.per === 'personYear'));
  return [yearCaps ? `${month.slice(0, 4)}-01-01` : `${month}-01`, lastDayOf(month)];
}

/**
 * Fold the entries into charges. The window is the month, or from 1 January when a policy caps
 * a person's year (what was paid before the month counts towards the cap).
 */
export function collectCharges(input: SubsidyInput, ids: PersonIds, label: (ref: string) => UnitLabel): Collected {
  const { month, policies, resolvePerson } = input;
  const [windowStart, last] = subsidyWindow(month, policies);
  const policyIds = new Map<SubsidyPolicy, number>();
  policies.forEach((p, i) => policyIds.set(p, i));

  const out: Collected = { charges: [], uncounted: [], inMonthEntries: 0 };
  const once = new Map<string, Charge>(); // trip / month charges by key
  let seq = 0;
  for (const e of input.entries) {
    if (e.date < windowStart || e.date > last) continue;
    const s = seq++;
    const inMonth = e.date.startsWith(month);
    if (inMonth) out.inMonthEntries++;
    const person = resolvePerson(e.person);
    const host = label(e.unit);
    const skip = (code: UnpaidCode, reason: Text, p?: Person) => {
      if (inMonth) out.uncounted.push({ seq: s, entry: e, person: p, personUnit: p ? label(p.unit).name : '', host: host.name, code, reason });
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
    const x: Payable = { entry: e, seq: s, person, personUnit: label(person.unit), host, policy, policyIndex: policyIds.get(policy)!, personIndex: ids.of(person) };
    chargeEntry(x, once, out.charges, skip);
  }
  return out;
}

/** The entry's 劳务费 (or why it earns none) and its allowances. */
function chargeEntry(x: Payable, once: Map<string, Charge>, charges: Charge[], skip: (code: UnpaidCode, reason: Text, p?: Person) => void): void {
  const { entry: e, person, policy } = x;
  const grade = gradeOf(person);
  let sub = 0;
  const charge = (spec: ChargeSpec) => {
    const c = makeCharge(x, spec, once);
    if (c) {
      c.sub = sub++;
      charges.push(c);
    }
  };
  const { rate, listed } = rateFor(policy, e.type, grade);
  if (rate)
    charge({
      kind: 'rate',
      index: rate.i,
      item: LABOUR_ITEM,
      amount: rate.r.amount,
      per: rate.r.per,
      payerRole: rate.r.payer,
      basis: rate.r.basis ?? policy.basis,
      assumed: assumedAmount(rate.r, `${rate.r.activities.join('、')}${rate.r.grade ? `（${rate.r.grade}）` : ''}`, rate.r.basis),
    });
  else if (!grade && listed)
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
      listed
        ? t(`${policy.basis ?? policy.id}没有${grade}人员${e.type}的标准`, `${policy.basis ?? policy.id} has no rate for ${e.type} by a ${grade}`)
        : t(`${policy.basis ?? policy.id}没有${e.type}的标准`, `${policy.basis ?? policy.id} has no rate for ${e.type}`),
      person,
    );

  policy.allowances.forEach((a, i) => {
    if (a.activities && !a.activities.includes(e.type)) return;
    charge({ kind: 'allowance', index: i, item: a.name, amount: a.amount, per: a.per, payerRole: a.payer, basis: policy.basis, assumed: assumedAmount(a, a.name, undefined) });
  });
}

/**
 * A new charge, or undefined when the entry joins a trip or month charge already made (one
 * person at one unit on one date; one person, payer and month).
 */
function makeCharge(x: Payable, spec: ChargeSpec, once: Map<string, Charge>): Charge | undefined {
  const e = x.entry;
  const payer = spec.payerRole === 'host' ? x.host : x.personUnit;
  const prefix = `${spec.kind}|${x.policyIndex}|${spec.index}|${x.personIndex}`;
  let key: string | undefined;
  if (spec.per === 'trip') key = `${prefix}|${unitKey(x.host)}|${e.date}`;
  else if (spec.per === 'month') key = `${prefix}|${unitKey(payer)}|${e.date.slice(0, 7)}`;
  const seen = key ? once.get(key) : undefined;
  if (seen) {
    seen.entries.push(e);
    return undefined;
  }
  const rateFen = yuanToFen(spec.amount);
  const quantity = quantityOf(spec.per, e.halfDays ?? 1);
  const gross = mulFen(rateFen, quantity);
  const c: Charge = {
    seq: x.seq,
    sub: 0,
    entry: e,
    entries: [e],
    person: x.person,
    personUnit: x.personUnit,
    host: x.host,
    item: spec.item,
    kind: spec.kind,
    per: spec.per,
    rateFen,
    quantity,
    grossFen: gross,
    amountFen: gross,
    payer,
    payerRole: spec.payerRole,
    policy: x.policy,
    basis: spec.basis,
    ...(spec.assumed ? { assumed: spec.assumed } : {}),
  };
  if (key) once.set(key, c);
  return c;
}
