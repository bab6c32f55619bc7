// What the other plan files show about a work-plan item (FORMAT.md, WorkPlan `evidence:`):
// dispatches in the Roster, a Region's coverage, Training entries, activity-log entries. Each
// finder looks at one window of dates and says when the requirement was met (the date the last
// needed record happened), which records showed it (file:line), or what is missing. Pure.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { locOf } from '../load/schema.js';
import { at, t, type Text } from '../model/diagnostic.js';
import type { Evidence as EvidenceSpec, Region } from '../model/kinds.js';
import { meetsSeniority } from '../money/grade.js';
import { byCodePoint } from '../model/order.js';
import { addDays, addMonths } from '../time/dates.js';
import { regionCoverage } from './coverage.js';
import { foldActivity } from '../rules/quota-measures.js';
import { dayText, typeCode } from '../rules/day-runs.js';

/** One record that counts towards an item, with where it is written. */
export interface Proof {
  kind: 'done' | 'held' | 'status' | 'dispatch' | 'coverage' | 'training' | 'activity' | 'units';
  date?: string;
  text: Text;
  file?: string;
  line?: number;
  col?: number;
}

export interface EvidenceWindow {
  /** First day that counts. */
  from: string;
  /** Last day that counts (the as-of date, or the period's end when that is earlier). */
  to: string;
  /** How the window is named in messages (2018年9月, 2017年, …). */
  label: string;
}

export interface EvidenceResult {
  /** Every kind asked for is shown. */
  met: boolean;
  /** When the last needed record happened (undefined: met with no date, e.g. coverage without `joined`). */
  date?: string;
  proofs: Proof[];
  /** What no file shows, one sentence per kind. */
  missing: Text[];
}

const proofAt = (obj: object, field: string, p: Omit<Proof, 'file' | 'line' | 'col'>): Proof => ({ ...p, ...at(locOf(obj, field)) });
const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);

/** The n-th date (1-based) of a sorted list, or undefined. */
const nth = (dates: string[], n: number) => dates[n - 1];

function dispatches(ws: Workspace, alliance: AllianceEntry, spec: Exclude<EvidenceSpec['dispatches'], undefined>, w: EvidenceWindow): EvidenceResult {
  const opts = spec === true ? {} : spec;
  const min = opts.min ?? 1;
  const targets = opts.units?.map((u) => alliance.units.get(u));
  const proofs: Proof[] = [];
  const refused: string[] = [];
  const short: string[] = [];
  for (const r of ws.data('Roster')) {
    if (ws.allianceFor(r.alliance) !== alliance) continue;
    const people = ws.peopleFor(r.alliance);
    for (const a of r.assignments) {
      if (a.start < w.from || a.start > w.to) continue;
      const target = alliance.units.get(a.target);
      if (targets && (!target || !targets.includes(target))) continue;
      const person = people.get(a.person);
      // 为期一个月: the dispatch runs at least `months` (to the day before the same date that many months on)
      if (opts.months && (!a.end || a.end < addDays(addMonths(a.start, opts.months), -1))) {
        short.push(a.person);
        continue;
      }
      if (opts.minGrade || opts.orTitle) {
        const v = person ? meetsSeniority(person, a.start, opts) : { unknown: 'no-grade' as const };
        if (!('ok' in v) || !v.ok) {
          refused.push(a.person);
          continue;
        }
      }
      proofs.push(proofAt(a, 'start', { kind: 'dispatch', date: a.start, text: t(`${a.person} ${a.start} 下派${a.target}`, `${a.person} dispatched to ${a.target} on ${a.start}`) }));
    }
  }
  proofs.sort((x, y) => byCodePoint(x.date!, y.date!));
  const date = nth(proofs.map((p) => p.date!), min);
  const why = [
    ...(refused.length ? [t(`${refused.join('、')} 不符合资历要求`, `${refused.join(', ')} below the required seniority`)] : []),
    ...(short.length ? [t(`${short.join('、')} 下派不足 ${opts.months} 个月`, `${short.join(', ')} dispatched for less than ${opts.months} month(s)`)] : []),
  ];
  const because = why.length ? t(`（${why.map((w) => w.zh).join('；')}）`, ` (${why.map((w) => w.en).join('; ')})`) : t('', '');
  const missing = date
    ? []
    : [
        proofs.length
          ? t(`${w.label}下派 ${proofs.length} 人，要求 ${min} 人${because.zh}`, `${w.label}: ${proofs.length} dispatched, ${min} required${because.en}`)
          : t(`${w.label}没有下派记录${because.zh}`, `no dispatch in ${w.label}${because.en}`),
      ];
  return { met: !!date, ...(date ? { date } : {}), proofs, missing };
}

function coverage(ws: Workspace, spec: true | string, w: EvidenceWindow): EvidenceResult {
  const regions = ws.data('Region').filter((r): r is Region & { coverage: NonNullable<Region['coverage']> } => !!r.coverage && (spec === true || r.name === spec));
  if (!regions.length) return { met: false, proofs: [], missing: [t(`没有${spec === true ? '写 coverage 的' : `名为「${spec}」的`} Region`, `no Region${spec === true ? ' with coverage' : ` named ${spec}`}`)] };
  const proofs: Proof[] = [];
  const missing: Text[] = [];
  let date: string | undefined;
  for (const region of regions) {
    const c = regionCoverage(ws, region, w.to);
    const gaps = c.units.filter((u) => u.homes.length !== 1);
    if (gaps.length) {
      const names = gaps.slice(0, 5).map((g) => g.unit.name).join('、') + (gaps.length > 5 ? ` 等 ${gaps.length} 家` : '');
      missing.push(t(`${region.name} 覆盖 ${c.units.length - gaps.length}/${c.units.length}，${names}未恰好属于一个医联体`, `${region.name}: ${c.units.length - gaps.length}/${c.units.length} covered; ${gaps.length} not in exactly one alliance`));
      continue;
    }
    date = later(date, c.lastJoined);
    proofs.push(proofAt(region, 'coverage', { kind: 'coverage', ...(c.lastJoined ? { date: c.lastJoined } : {}), text: t(`${region.name} 覆盖 ${c.units.length}/${c.units.length}`, `${region.name}: ${c.units.length}/${c.units.length} covered`) }));
  }
  return { met: !missing.length, ...(date && !missing.length ? { date } : {}), proofs, missing };
}

function training(ws: Workspace, alliance: AllianceEntry, spec: true | { min?: number }, w: EvidenceWindow): EvidenceResult {
  const min = spec === true ? 1 : (spec.min ?? 1);
  const proofs: Proof[] = [];
  for (const doc of ws.data('Training')) {
    const units = ws.unitsFor(doc.alliance);
    for (const e of doc.entries) {
      const from = units.get(e.from);
      const mine = ws.allianceFor(doc.alliance) === alliance || (from !== undefined && ws.unitAlliance.get(from) === alliance);
      if (!mine || e.start < w.from || e.start > w.to) continue;
      proofs.push(proofAt(e, 'start', { kind: 'training', date: e.start, text: t(`${e.person}（${e.from}）${e.start} 起进修`, `${e.person} (${e.from}) training from ${e.start}`) }));
    }
  }
  proofs.sort((x, y) => byCodePoint(x.date!, y.date!));
  const date = nth(proofs.map((p) => p.date!), min);
  const missing = date ? [] : [t(`${w.label}进修记录 ${proofs.length} 人次，要求 ${min}`, `${w.label}: ${proofs.length} training entries, ${min} required`)];
  return { met: !!date, ...(date ? { date } : {}), proofs, missing };
}

function activity(ws: Workspace, alliance: AllianceEntry, spec: NonNullable<EvidenceSpec['activity']>, w: EvidenceWindow): EvidenceResult {
  const min = spec.min ?? 1;
  // day → entries of the asked types, from the per-unit aggregates (the log is folded once)
  // (a type listed twice counts twice, as it always has)
  const weight: number[] = [];
  for (const type of spec.types) weight[typeCode(type)] = (weight[typeCode(type)] ?? 0) + 1;
  const perDay = new Map<number, number>();
  for (const [unit, agg] of foldActivity(ws).byUnit) if (ws.unitAlliance.get(unit) === alliance) agg.countDays(weight, w.from, w.to, perDay);
  let n = 0;
  let date: string | undefined;
  for (const day of [...perDay.keys()].sort((a, b) => a - b)) {
    n += perDay.get(day)!;
    if (!date && n >= min) date = dayText(day);
  }
  const what = spec.types.join('、');
  const proofs: Proof[] = n ? [{ kind: 'activity', ...(date ? { date } : {}), text: t(`下沉工作记录中${what} ${n} 次`, `${n} ${spec.types.join('/')} entries in the activity log`) }] : [];
  const missing = date ? [] : [t(`${w.label}${what}记录 ${n} 次，要求 ${min} 次`, `${w.label}: ${n} ${spec.types.join('/')} entries, ${min} required`)];
  return { met: !!date, ...(date ? { date } : {}), proofs, missing };
}

/** Whether the other files show what `spec` asks for within the window. */
export function findEvidence(ws: Workspace, alliance: AllianceEntry | undefined, spec: EvidenceSpec, w: EvidenceWindow): EvidenceResult {
  const parts: EvidenceResult[] = [];
  const none = (what: Text): EvidenceResult => ({ met: false, proofs: [], missing: [what] });
  if (spec.dispatches) parts.push(alliance ? dispatches(ws, alliance, spec.dispatches, w) : none(t('找不到医联体，无法查下派记录', 'no alliance to look up dispatches in')));
  if (spec.coverage) parts.push(coverage(ws, spec.coverage, w));
  if (spec.training) parts.push(alliance ? training(ws, alliance, spec.training, w) : none(t('找不到医联体，无法查进修记录', 'no alliance to look up training in')));
  if (spec.activity) parts.push(alliance ? activity(ws, alliance, spec.activity, w) : none(t('找不到医联体，无法查下沉工作记录', 'no alliance to look up the activity log in')));
  const met = parts.length > 0 && parts.every((p) => p.met);
  const date = met ? parts.reduce<string | undefined>((d, p) => later(d, p.date), undefined) : undefined;
  return { met, ...(date ? { date } : {}), proofs: parts.flatMap((p) => p.proofs), missing: parts.flatMap((p) => p.missing) };
}

/** Whether an item names any evidence kind. */
export const hasEvidence = (spec: EvidenceSpec | undefined): spec is EvidenceSpec =>
  !!spec && (!!spec.dispatches || !!spec.coverage || !!spec.training || !!spec.activity);
