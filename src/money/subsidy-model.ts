// The 劳务费/补贴发放表 report model (what computeSubsidy returns and every renderer reads), and the
// keys the computation tells units, people and the month by. No arithmetic: that is in the other
// subsidy-*.ts modules.
import type { Diagnostic, Text } from '../model/diagnostic.js';
import type { ActivityEntry, Alliance, Grade, Person, SubsidyPolicy, Unit } from '../model/kinds.js';
import { endOfMonth } from '../time/dates.js';

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

/** The last day of a `YYYY-MM` month: the end of the window and the day the workbook is stamped with. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return endOfMonth(y, m);
}

/** A unit as a key: by id when it has one, else by name. */
export const unitKey = (u: UnitLabel) => (u.id ? `id:${u.id}` : `name:${u.name}`);

/** A unit reference as the sheets print it: the unit's id and name, or the reference as written. */
export function unitLabeller(resolveUnit: SubsidyInput['resolveUnit']): (ref: string) => UnitLabel {
  return (ref) => {
    const u = resolveUnit(ref);
    return u ? (u.id ? { id: u.id, name: u.name } : { name: u.name }) : { name: ref };
  };
}

/** A small number per person, in the order first met: keys for the per-person sums and groupings. */
export class PersonIds {
  private readonly ids = new Map<Person, number>();
  of(p: Person): number {
    let n = this.ids.get(p);
    if (n === undefined) this.ids.set(p, (n = this.ids.size));
    return n;
  }
}

export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
