// 下派人员名单 as a format-neutral report model: one section per lead (dispatching) unit with the
// people it sends, and a summary of every member unit with how many people it receives (and
// which receive nobody — a coverage gap). Pure: no file system, no clock; renderers only lay
// this out.
import type { Alliance, Assignment, Person, Roster, Unit } from '../model/kinds.js';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { ROSTER_CODES } from '../codes/outputs.js';

export interface UnitLabel {
  id?: string;
  name: string;
}

export interface RosterRow {
  seq: number;
  name: string;
  gender?: string;
  specialty?: string;
  title?: string;
  phone?: string;
  /** Full unit name of the receiving unit (the text as written when it does not resolve). */
  target?: string;
  targetId?: string;
  start?: string;
  end?: string;
  post?: string;
  batch?: string;
}

export interface RosterSection {
  lead: UnitLabel;
  /** False when the person's unit does not resolve to a unit of the alliance. */
  resolved: boolean;
  rows: RosterRow[];
}

export interface RosterSummaryRow {
  unit: UnitLabel;
  /** The lead unit the member belongs to (`lead:` in the Alliance), by name. */
  lead?: string;
  role?: Unit['role'];
  /** False for a receiving unit that is not a member unit of the alliance. */
  member: boolean;
  count: number;
  people: string[];
}

export interface RosterReport {
  title: string;
  /** Document number and title of the founding notice, and the period shown. */
  subtitle?: string;
  alliance: UnitLabel;
  document?: { number?: string; title?: string };
  mode: 'all' | 'active';
  asOf?: string;
  /** A day to stamp the workbook with (as-of date, else the notice's date, else the cycle start). */
  date?: string;
  sections: RosterSection[];
  summary: {
    units: RosterSummaryRow[];
    /** Member units receiving nobody. */
    uncovered: UnitLabel[];
    /** Sum of `units[].count` (a person counts once per unit they are posted to): the 合计 row. */
    received: number;
    people: number;
    assignments: number;
  };
  diagnostics: Diagnostic[];
}

export interface RosterReportInput {
  alliance: Alliance;
  roster: Roster;
  resolveUnit: (ref: string) => Unit | undefined;
  asOf?: string;
  all?: boolean;
  documentNumber?: string;
}

const label = (u: Unit): UnitLabel => (u.id ? { id: u.id, name: u.name } : { name: u.name });
const unitKey = (u: Unit) => u.id ?? `name:${u.name}`;
/** A row's person columns; a posting adds its target and dates. */
const personRow = (p: Person): RosterRow => ({ seq: 0, name: p.name, gender: p.gender, specialty: p.specialty, title: p.title, phone: p.phone });

/** Active on a day: start <= day <= end (no end = open-ended). */
export function isActiveOn(a: Pick<Assignment, 'start' | 'end'>, day: string): boolean {
  return a.start <= day && (a.end === undefined || day <= a.end);
}

export function buildRosterReport(input: RosterReportInput): RosterReport {
  const { alliance, roster, resolveUnit } = input;
  const diagnostics: Diagnostic[] = [];
  const mode: RosterReport['mode'] = input.asOf && !input.all ? 'active' : 'all';

  // people by name, id and alias (the loader has checked uniqueness; first wins here)
  const byRef = new Map<string, Person>();
  for (const p of roster.people)
    for (const ref of [p.id, p.name, ...(p.aliases ?? [])])
      if (ref && !byRef.has(ref)) byRef.set(ref, p);

  const selected = roster.assignments.filter((a) => mode === 'all' || isActiveOn(a, input.asOf!));

  // sections in the order the lead units are listed in the Alliance, then unresolved ones
  const sections = new Map<string, RosterSection>();
  for (const u of alliance.units)
    if (u.role === 'lead') sections.set(unitKey(u), { lead: label(u), resolved: true, rows: [] });
  const sectionFor = (p: Person): RosterSection => {
    const u = resolveUnit(p.unit);
    const key = u ? unitKey(u) : `raw:${p.unit}`;
    let s = sections.get(key);
    if (!s) {
      s = { lead: u ? label(u) : { name: p.unit }, resolved: !!u, rows: [] };
      sections.set(key, s);
      if (!u)
        diagnostics.push(ROSTER_CODES.raise('roster/unknown-unit', { unit: p.unit }, { data: { unit: p.unit } }));
    }
    return s;
  };

  const members = alliance.units.filter((u) => u.role !== 'lead');
  const summary = new Map<string, RosterSummaryRow & { seen: Set<string> }>();
  const leadName = (ref: string | undefined) => (ref ? (resolveUnit(ref)?.name ?? ref) : undefined);
  for (const u of members)
    summary.set(unitKey(u), {
      unit: label(u),
      lead: leadName(u.lead),
      role: u.role,
      member: true,
      count: 0,
      people: [],
      seen: new Set(),
    });

  const withAssignment = new Set<Person>();
  const counted = new Set<Person>();
  for (const a of selected) {
    const p = byRef.get(a.person);
    if (!p) {
      diagnostics.push(ROSTER_CODES.raise('roster/unknown-person', { person: a.person }, { data: { person: a.person } }));
      continue;
    }
    withAssignment.add(p);
    counted.add(p);
    const target = resolveUnit(a.target);
    const section = sectionFor(p);
    section.rows.push({
      ...personRow(p),
      target: target?.name ?? a.target,
      targetId: target?.id,
      start: a.start,
      end: a.end,
      post: a.post,
      batch: a.batch,
    });
    const key = target ? unitKey(target) : `raw:${a.target}`;
    let s = summary.get(key);
    if (!s) {
      s = {
        unit: target ? label(target) : { name: a.target },
        lead: target ? leadName(target.lead) : undefined,
        role: target?.role,
        member: false,
        count: 0,
        people: [],
        seen: new Set(),
      };
      summary.set(key, s);
      diagnostics.push(ROSTER_CODES.raise('roster/target-not-member', { target: a.target }, { data: { target: a.target } }));
    }
    if (!s.seen.has(p.name)) {
      s.seen.add(p.name);
      s.people.push(p.name);
      s.count++;
    }
  }
  // everyone listed keeps a row in the full list, even without a posting yet
  if (mode === 'all')
    for (const p of roster.people)
      if (!withAssignment.has(p)) {
        counted.add(p);
        sectionFor(p).rows.push(personRow(p));
      }

  const out = [...sections.values()].filter((s) => s.rows.length > 0 || s.resolved);
  for (const s of out) s.rows.forEach((r, i) => (r.seq = i + 1));
  // lead units that send nobody keep an (empty) section only when something else is shown
  const nonEmpty = out.filter((s) => s.rows.length > 0);

  const units = [...summary.values()].map(({ seen: _seen, ...r }) => r);
  const documentNumber = input.documentNumber ?? alliance.document?.number;
  const docTitle = alliance.document?.title;
  const parts: string[] = [];
  if (documentNumber || docTitle)
    parts.push(`依据：${[documentNumber, docTitle ? `《${docTitle}》` : undefined].filter(Boolean).join(' ')}`);
  if (mode === 'active') parts.push(`截至 ${input.asOf}`);
  else if (alliance.cycle) parts.push(`周期：${alliance.cycle.start} 至 ${alliance.cycle.end}`);

  return {
    title: `${alliance.name}下派人员名单`,
    subtitle: parts.length ? parts.join('　') : undefined,
    alliance: { id: alliance.id, name: alliance.name },
    document: documentNumber || docTitle ? { number: documentNumber, title: docTitle } : undefined,
    mode,
    asOf: input.asOf,
    date: input.asOf ?? alliance.document?.issued ?? alliance.cycle?.start,
    sections: nonEmpty.length ? nonEmpty : out,
    summary: {
      units,
      uncovered: units.filter((u) => u.member && u.count === 0).map((u) => u.unit),
      received: units.reduce((n, u) => n + u.count, 0),
      people: counted.size,
      assignments: out.reduce((n, s) => n + s.rows.filter((r) => r.target !== undefined).length, 0),
    },
    diagnostics,
  };
}
