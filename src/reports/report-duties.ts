// 其他职责: the duties check judges besides the work plan and the quotas, each with a table of its
// own that lists every judgement — the satisfied ones too, as the work-plan table does — with its
// state and the record that decided it: terms and the cycle (理事会每届任期3年), assignment ends
// (下派期满), per-dispatch deliverables (五个一, 一次质控检查), promotion preconditions (晋升前基层
// 半年) and facility shares (村卫生室 80%, 社区卫生服务站 100%). Read off the judgements the rules
// word (judge/ends, deliverables, promotions, facilities), never re-derived; a table is left out
// when the workspace has none of its kind, the section when it has none at all. Pure.
import { judgeDeliverables, type DeliverableJudgement } from '../judge/deliverables.js';
import { judgeEnds, type EndJudgement } from '../judge/ends.js';
import { judgeFacilities, type FacilityJudgement } from '../judge/facilities.js';
import { judgePromotions, type PromotionJudgement } from '../judge/promotions.js';
import type { Proof } from '../judge/evidence.js';
import { locOf } from '../load/schema.js';
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { ASSUMED_LABEL, isAssumed } from '../model/assumed.js';
import type { Lang } from '../model/diagnostic.js';
import type { Period } from '../time/periods.js';
import { chooser, overlaps, pctText, table, type L, type ReportSection, type ReportTable } from './report-model.js';

export interface DutyInput {
  ws: Workspace;
  alliance: AllianceEntry;
  asOf: string;
  period: Period;
  withinDays: number;
  lang: Lang;
  showFile: (file: string) => string;
}

/** file:line:col of a record's field, as the 问题清单 and check name it. */
function placeOf(obj: object | undefined, field: string | undefined, showFile: (f: string) => string): string {
  const p = locOf(obj, field);
  return p?.file ? `${showFile(p.file)}${p.line ? `:${p.line}:${p.col ?? 1}` : ''}` : '';
}

/** A table, and how many of its rows a clerk must act on (check raises an error or a warning for each). */
interface Built {
  table: ReportTable;
  act: number;
}

const assumedNote = (l: L, what: string, yes: boolean) => (yes ? l(`${what}为${ASSUMED_LABEL.zh}`, `${what}: ${ASSUMED_LABEL.en}`) : '');

/** Terms of the alliance's groups and its cycle: all of them, whatever the period. */
type Ending<K extends EndJudgement['kind']> = Extract<EndJudgement, { kind: K }>;

function termTable(ends: EndJudgement[], o: DutyInput, l: L): Built | undefined {
  const rows = ends.filter((j): j is Ending<'cycle' | 'term'> => j.kind === 'cycle' || j.kind === 'term');
  if (!rows.length) return undefined;
  const word = (j: EndJudgement) =>
    j.state === 'ended' ? (j.kind === 'cycle' ? l('已结束', 'ended') : l('已届满', 'ended')) : j.state === 'ending-soon' ? (j.kind === 'cycle' ? l('即将结束', 'ending soon') : l('即将届满', 'ending soon')) : l('进行中', 'running');
  // check warns of a cycle or term ending soon, and of a term that has ended
  const act = rows.filter((j) => j.state === 'ending-soon' || (j.kind === 'term' && j.state === 'ended')).length;
  const t = table(
    'duties-terms',
    l('任期与建设周期', 'Terms and the cycle'),
    [
      [l('名称', 'Name'), 'text'],
      [l('期限', 'Term'), 'text'],
      [l('起始', 'From'), 'date'],
      [l('届满', 'Ends'), 'date'],
      [l('状态', 'Status'), 'status'],
      [l('说明', 'Note'), 'text'],
      [l('位置', 'Where'), 'text'],
    ],
    rows.map((j) =>
      j.kind === 'cycle'
        ? [l(`${j.alliance.data.name}建设周期`, `Cycle of ${j.alliance.data.name}`), l('建设周期', 'cycle'), j.start, j.end, word(j), assumedNote(l, l('结束日期', 'end'), j.assumed), placeOf(j.cycle, 'end', o.showFile)]
        : [j.group.name, l(`每届 ${j.years} 年`, `${j.years} years`), j.start, j.end, word(j), assumedNote(l, l('任期', 'term'), j.assumed), placeOf(j.group, 'term', o.showFile)],
    ),
    '',
  );
  return { table: t, act };
}

/** Assignments that end in the period, or within the look-ahead: who comes back when. */
function assignmentTable(ends: EndJudgement[], o: DutyInput, l: L): Built | undefined {
  const rows = ends.filter((j): j is Ending<'assignment'> => j.kind === 'assignment' && ((j.end >= o.period.start && j.end <= o.period.end) || j.state === 'ending-soon'));
  if (!rows.length) return undefined;
  const word = (j: EndJudgement) => (j.state === 'ended' ? l('已期满', 'ended') : j.state === 'ending-soon' ? l('即将期满', 'ending soon') : l('在岗', 'on posting'));
  const unit = (ref: string) => o.alliance.units.get(ref)?.name ?? ref;
  const t = table(
    'duties-assignment-ends',
    l('下派期满', 'Assignment ends'),
    [
      [l('人员', 'Person'), 'text'],
      [l('下派单位', 'Posted at'), 'text'],
      [l('开始', 'From'), 'date'],
      [l('结束', 'Ends'), 'date'],
      [l('状态', 'Status'), 'status'],
      [l('说明', 'Note'), 'text'],
      [l('位置', 'Where'), 'text'],
    ],
    rows.map((j) => [j.assignment.person, unit(j.assignment.target), j.start, j.end, word(j), assumedNote(l, l('结束日期', 'end'), j.assumed), placeOf(j.assignment, 'end', o.showFile)]),
    '',
  );
  return { table: t, act: rows.filter((j) => j.state === 'ending-soon').length };
}

const proofText = (ps: Proof[], lang: Lang, l: L) => ps.map((p) => p.text[lang]).join(l('；', '; '));

/** Each deliverable per batch that runs in the period, or is still owed from an earlier one. */
function deliverableTable(all: DeliverableJudgement[], o: DutyInput, l: L): Built | undefined {
  const rows = all.filter((j) => o.ws.allianceFor(j.roster.alliance) === o.alliance && (overlaps(j.start, j.end, o.period.start, o.period.end) || j.state === 'overdue' || j.state === 'due-soon'));
  if (!rows.length) return undefined;
  const WORD: Record<DeliverableJudgement['state'], string> = { done: l('已完成', 'done'), open: l('进行中', 'in progress'), 'due-soon': l('即将到期', 'due soon'), overdue: l('逾期', 'overdue'), 'not-yet-owed': l('未开始', 'not started') };
  const owing = (j: DeliverableJudgement) => j.owing.map((w) => (j.deliverable.each === 'assignment' ? l(`${w.who}：${w.items.join('、')}`, `${w.who}: ${w.items.join(', ')}`) : w.items.join(l('、', ', ')))).join(l('；', '; '));
  const t = table(
    'duties-deliverables',
    l('下派成果', 'Dispatch deliverables'),
    [
      [l('要求', 'Requirement'), 'text'],
      [l('批次', 'Batch'), 'text'],
      [l('开始', 'From'), 'date'],
      [l('结束', 'Ends'), 'date'],
      [l('状态', 'Status'), 'status'],
      [l('尚缺', 'Still owed'), 'text'],
      [l('依据', 'Evidence'), 'text'],
      [l('位置', 'Where'), 'text'],
    ],
    rows.map((j) => [j.deliverable.text, j.batch, j.start, j.end, WORD[j.state], owing(j), proofText(j.proofs, o.lang, l), placeOf(j.at, undefined, o.showFile)]),
    '',
  );
  return { table: t, act: rows.filter((j) => j.state === 'overdue' || j.state === 'due-soon').length };
}

/** Every promotion the alliance's preconditions bind, planned or done. */
function promotionTable(all: PromotionJudgement[], o: DutyInput, l: L): Built | undefined {
  const rows = all.filter((j) => j.alliance === o.alliance);
  if (!rows.length) return undefined;
  const WORD: Record<PromotionJudgement['state'], string> = { met: l('满足', 'met'), short: l('不足', 'short'), 'planned-short': l('待补足', 'to arrange') };
  const t = table(
    'duties-promotions',
    l('晋升前基层服务', 'Service before promotion'),
    [
      [l('人员', 'Person'), 'text'],
      [l('晋升', 'To'), 'text'],
      [l('晋升日期', 'Date'), 'date'],
      [l('基层天数', 'Days served'), 'int'],
      [l('要求天数', 'Required'), 'int'],
      [l('状态', 'Status'), 'status'],
      [l('依据', 'Evidence'), 'text'],
    ],
    rows.map((j) => [
      j.person.name,
      j.promotion.title ? `${j.promotion.title}（${j.promotion.grade}）` : j.promotion.grade,
      j.promotion.date,
      j.served,
      j.required,
      WORD[j.state],
      [proofText(j.proofs, o.lang, l) || l('没有下派记录', 'no dispatch recorded'), assumedNote(l, l('晋升日期', 'date'), j.dateAssumed), assumedNote(l, l('要求天数', 'required days'), isAssumed(j.rule, 'minDays'))].filter(Boolean).join(l('；', '; ')),
    ]),
    '',
  );
  return { table: t, act: rows.filter((j) => j.state !== 'met').length };
}

/** Every facility share target of the alliance. */
function facilityTable(all: FacilityJudgement[], o: DutyInput, l: L): Built | undefined {
  const rows = all.filter((j) => j.alliance === o.alliance);
  if (!rows.length) return undefined;
  const WORD: Record<FacilityJudgement['state'], string> = { met: l('达标', 'met'), below: l('未达标', 'below'), 'below-open': l('尚未达标', 'not yet met'), none: l('未列机构', 'none listed') };
  const t = table(
    'duties-facilities',
    l('机构达标占比', 'Facility shares'),
    [
      [l('要求', 'Requirement'), 'text'],
      [l('机构类别', 'Kind'), 'text'],
      [l('达到', 'Meeting'), 'int'],
      [l('共', 'Of'), 'int'],
      [l('占比', 'Share'), 'percent'],
      [l('要求占比', 'Required'), 'text'],
      [l('状态', 'Status'), 'status'],
      [l('未达到', 'Not meeting'), 'text'],
    ],
    rows.map((j) => [
      j.target.text,
      j.target.kind,
      j.met,
      j.total,
      j.total ? j.met / j.total : null,
      `${pctText(j.target.min)}${isAssumed(j.target, 'min') ? l(`（${ASSUMED_LABEL.zh}）`, ` (${ASSUMED_LABEL.en})`) : ''}${j.target.by ? l(`，${j.target.by} 前`, `, by ${j.target.by}`) : ''}`,
      WORD[j.state],
      [...j.short, ...j.noData.map((n) => l(`${n}（无数据）`, `${n} (no data)`))].join(l('、', ', ')),
    ]),
    '',
  );
  return { table: t, act: rows.filter((j) => j.state !== 'met').length };
}

/** The section, or undefined when the workspace has none of these duties for the alliance. */
export function dutySection(o: DutyInput): ReportSection | undefined {
  const l = chooser(o.lang);
  const ends = judgeEnds(o.ws, { asOf: o.asOf, withinDays: o.withinDays }).filter((j) => j.alliance === o.alliance);
  const tables = [
    termTable(ends, o, l),
    assignmentTable(ends, o, l),
    deliverableTable(judgeDeliverables(o.ws, { asOf: o.asOf, withinDays: o.withinDays }), o, l),
    promotionTable(judgePromotions(o.ws, o.asOf), o, l),
    facilityTable(judgeFacilities(o.ws, o.asOf), o, l),
  ].filter((x): x is Built => x !== undefined);
  if (!tables.length) return undefined;
  const parts = tables.map(({ table: t, act }) => l(`${t.title} ${t.rows.length} 项${act ? `，需处理 ${act} 项` : ''}`, `${t.title}: ${t.rows.length}${act ? `, ${act} to act on` : ''}`));
  return {
    id: 'duties',
    title: l('五、其他职责', '5. Other duties'),
    lines: [l(`其他职责（截至 ${o.asOf}）：${parts.join('；')}。`, `Other duties (as of ${o.asOf}): ${parts.join('; ')}.`)],
    tables: tables.map((b) => b.table),
    charts: [],
  };
}
