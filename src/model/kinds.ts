// The zod schema of every plan-file kind (FORMAT.md is the contract) and the inferred types.
// Objects are strict: an unknown key is an error with a "did you mean".
import { z } from 'zod';
import type { EntryStore } from './entry-store.js';
import {
  RawNumber,
  aliases,
  assumed,
  date,
  fraction,
  int,
  month,
  nonNegInt,
  num,
  period,
  PERIOD_PATTERN,
  phone,
  slug,
  str,
  text,
  yuan,
} from './common.js';
import { shaped, SHAPES } from './json-shapes.js';
import { parseAfterEnd } from '../time/due.js';

const header = {
  version: z.preprocess((v) => (v instanceof RawNumber ? v.value : v), z.literal(1)).optional(),
  /** `assumed: true`: the whole document is illustrative data, not taken from the source. */
  assumed: z.literal(true).optional(),
};

// ---------------------------------------------------------------- Alliance
export const ALLIANCE_TYPES = [
  '医联体',
  '医共体',
  '城市医疗集团',
  '对口帮扶',
  '专科联盟',
  '远程医疗协作网',
] as const;
export const UNIT_ROLES = ['lead', 'backbone', 'member'] as const;
export const UNIT_LEVELS = [
  'province',
  'city',
  'district',
  'county',
  'township',
  'community',
  'village',
] as const;
export const GROUP_TYPES = [
  'leadership',
  'coordination',
  'office',
  'board',
  'supervisory',
  'department',
] as const;

// A unit filter, as quotas and per-unit duties write it; a list means any of (基层 = [township, community]).
export const unitFilterSchema = z.strictObject({
  role: z.union([z.enum(UNIT_ROLES), z.array(z.enum(UNIT_ROLES)).min(1)]).optional(),
  level: z.union([z.enum(UNIT_LEVELS), z.array(z.enum(UNIT_LEVELS)).min(1)]).optional(),
});

// `each: unit`: the item is owed once by every member unit (各成员单位), per period when it recurs;
// `{unit: {role, level}}` narrows the units, `{units: [...]}` names them.
export const eachUnitSchema = z.union([
  z.literal('unit'),
  z.strictObject({ unit: unitFilterSchema }),
  z.strictObject({ units: z.array(str()).min(1) }),
]);

const departmentSchema = z.union([
  str(),
  z.strictObject({ name: str(), aliases: aliases(), assumed: assumed(['name', 'aliases']) }),
]);

export const FACILITY_KINDS = ['村卫生室', '社区卫生服务站'] as const;
// A facility that joins with its unit without being a member itself (梁平「各村卫生室随同各乡镇卫生院
// 加入」, 荆门 4类6项 shares): its TCM figures serve Quotas `facilities:` targets.
export const facilitySchema = z.strictObject({
  name: str(),
  kind: z.enum(FACILITY_KINDS),
  tcmCategories: nonNegInt().optional(),
  tcmTechniques: nonNegInt().optional(),
  assumed: assumed(['name', 'kind', 'tcmCategories', 'tcmTechniques']),
  note: text().optional(),
});

// A post a unit fills (主导责任科室主任任…第一院长): which post, and who holds it.
export const postHolderSchema = z.strictObject({
  post: str(),
  name: str(),
  phone: phone().optional(),
  assumed: assumed(['name', 'phone']),
  note: text().optional(),
});

// 科室对接: a department of this unit paired with a unit (or one of its departments), and who keeps
// in touch (联络人). Checked one-to-one: neither side may be paired twice.
export const partnerSchema = z.strictObject({
  department: str(),
  partner: str(),
  partnerDepartment: str().optional(),
  contact: str().optional(),
  assumed: assumed(['department', 'partner', 'partnerDepartment', 'contact']),
  note: text().optional(),
});

export const unitSchema = z.strictObject({
  id: slug().optional(),
  name: str(),
  aliases: aliases(),
  role: z.enum(UNIT_ROLES),
  level: z.enum(UNIT_LEVELS).optional(),
  lead: str().optional(),
  joined: date().optional(),
  staff: z.strictObject({ professional: nonNegInt().optional(), total: nonNegInt().optional() }).optional(),
  departments: z.array(departmentSchema).optional(),
  // facilities under the unit that are not member units (村卫生室, 社区卫生服务站), for facility shares
  facilities: z.array(facilitySchema).optional(),
  // who holds the posts the Alliance's `posts:` asks of this unit (第一院长, 第一责任人)
  posts: z.array(postHolderSchema).optional(),
  // one-to-one pairings of this unit's departments with other units (总院重点科室 ↔ 成员单位)
  partners: z.array(partnerSchema).optional(),
  assumed: assumed(['name', 'aliases', 'level', 'lead', 'joined', 'staff', 'departments', 'facilities', 'posts', 'partners']),
  note: text().optional(),
});

export const groupMemberSchema = z.strictObject({
  name: str(),
  role: str(),
  post: str().optional(),
  unit: str().optional(),
  phone: phone().optional(),
  assumed: assumed(['name', 'post', 'unit', 'phone']),
  note: text().optional(),
});

export const compositionRuleSchema = z.strictObject({
  role: str().optional(),
  count: nonNegInt().optional(),
  min: nonNegInt().optional(),
  max: nonNegInt().optional(),
  // one member (of `role`, else of any role) from each of these units (各成员单位负责人为副组长)
  each: eachUnitSchema.optional(),
});

export const groupSchema = z.strictObject({
  id: slug().optional(),
  name: str(),
  type: z.enum(GROUP_TYPES),
  parent: str().optional(), // 下设办公室: the group this one sits under
  unit: str().optional(), // the unit that hosts it (办公室设在…)
  term: z.strictObject({ start: date(), years: int(1, 50), assumed: assumed(['start', 'years']) }).optional(),
  members: z.array(groupMemberSchema).default([]),
  rules: z.array(compositionRuleSchema).optional(),
  disjointFrom: z.array(str()).optional(),
  note: text().optional(),
});

export const cycleSchema = z.strictObject({ start: date(), end: date(), assumed: assumed(['start', 'end']) });

export const documentRefSchema = z.strictObject({
  number: str().optional(),
  title: str().optional(),
  issuer: str().optional(),
  issued: date().optional(),
  assumed: assumed(['number', 'title', 'issuer', 'issued']),
});

export const allianceSchema = z.strictObject({
  kind: z.literal('Alliance'),
  ...header,
  id: slug(),
  name: str(),
  aliases: aliases(),
  type: z.enum(ALLIANCE_TYPES),
  document: documentRefSchema.optional(),
  cycle: cycleSchema.optional(),
  units: z.array(unitSchema).min(1),
  groups: z.array(groupSchema).optional(),
  // posts each unit must fill, named under the unit's `posts:` (FORMAT.md, "Posts and pairings")
  posts: z.array(z.strictObject({ post: str(), each: eachUnitSchema.optional(), note: text().optional() })).optional(),
  // what the units' `partners:` must show: every unit of `each` paired, each pairing with a contact
  pairing: z
    .strictObject({ each: eachUnitSchema.optional(), contact: z.boolean().optional(), note: text().optional() })
    .optional(),
  note: text().optional(),
});

// ---------------------------------------------------------------- Region
export const regionSchema = z.strictObject({
  kind: z.literal('Region'),
  ...header,
  id: slug().optional(),
  name: str(),
  coverage: z
    .strictObject({ by: date(), levels: z.array(z.enum(UNIT_LEVELS)).min(1) })
    .optional(),
  units: z.array(
    z.strictObject({ name: str(), aliases: aliases(), level: z.enum(UNIT_LEVELS), note: text().optional() }),
  ),
});

// ---------------------------------------------------------------- activity types (ActivityLog, WorkPlan evidence)
export const ACTIVITY_TYPES = [
  '门诊',
  '查房',
  '会诊',
  '带教',
  '讲座',
  '培训',
  '手术示教',
  '义诊',
  '质控检查',
  '管理',
  '其他',
] as const;
/** Spellings people write for the same activity. */
export const ACTIVITY_SYNONYMS: Record<string, (typeof ACTIVITY_TYPES)[number]> = {
  坐诊: '门诊',
  专家门诊: '门诊',
  值诊: '门诊',
  教学查房: '查房',
  临床带教: '带教',
  学术讲座: '讲座',
  技能培训: '培训',
};

export const activityTypeSchema = shaped(
  z.preprocess(
    (v) => (typeof v === 'string' && ACTIVITY_SYNONYMS[v.trim()] ? ACTIVITY_SYNONYMS[v.trim()] : v),
    z.enum(ACTIVITY_TYPES),
  ),
  // Editors offer the synonyms the CLI reads, too.
  { json: { type: 'string', enum: [...ACTIVITY_TYPES, ...Object.keys(ACTIVITY_SYNONYMS)] } },
);

// ---------------------------------------------------------------- WorkPlan
export const ITEM_STATUS = ['未开始', '进行中', '已完成', '取消'] as const;

const yearsRange = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && 'source' in v ? (v as { source: string }).source : v),
  z.string().regex(/^\d{4}\s*[-–—~至到]\s*\d{4}$/, { message: 'years' }),
);

// What in the other files shows an item was done (FORMAT.md, WorkPlan evidence): each kind
// listed must be shown in the item's period (or by its deadline).
const seniority = {
  minGrade: z.enum(['正高', '副高', '中级', '初级'] as const).optional(),
  orTitle: str().optional(),
  minYearsInTitle: num().optional(),
};
export const evidenceSchema = z.strictObject({
  // assignments starting in the period (optionally at these units, with this seniority, lasting `months`)
  dispatches: z
    .union([z.literal(true), z.strictObject({ units: z.array(str()).min(1).optional(), min: int(1).optional(), months: int(1, 120).optional(), ...seniority })])
    .optional(),
  // a Region's coverage complete (true: every Region with coverage:)
  coverage: z.union([z.literal(true), str()]).optional(),
  // Training entries starting in the period
  training: z.union([z.literal(true), z.strictObject({ min: int(1).optional() })]).optional(),
  // activity-log entries of these types in the period
  activity: z.strictObject({ types: z.array(activityTypeSchema).min(1), min: int(1).optional() }).optional(),
});

// Per unit, the days it did the item (a date, or a list for a recurrence): `屏锦中心卫生院: [2018-09-20]`.
export const unitDatesSchema = z.record(z.string(), z.union([date(), z.array(date())]));

export const workItemSchema = z.strictObject({
  no: z.union([int(), str()]),
  category: str().optional(),
  task: str(),
  due: str(),
  first: str().optional(),
  years: yearsRange.optional(),
  lead: str(),
  support: z.array(str()).optional(),
  unit: str().optional(), // whose departments lead/support name; default: the lead unit
  status: z.enum(ITEM_STATUS).optional(),
  done: date().optional(),
  held: z.array(date()).optional(),
  evidence: evidenceSchema.optional(),
  each: eachUnitSchema.optional(),
  units: unitDatesSchema.optional(),
  progress: z.array(z.strictObject({ date: date(), note: text() })).optional(),
  assumed: assumed(['due', 'first', 'years', 'lead', 'support', 'status', 'done', 'held', 'progress', 'evidence', 'each', 'units']),
  note: text().optional(),
});

export const workPlanSchema = z
  .strictObject({
    kind: z.literal('WorkPlan'),
    ...header,
    id: slug().optional(),
    alliance: str().optional(),
    title: str().optional(),
    year: int(1900, 2100).optional(),
    years: yearsRange.optional(),
    // the plan runs over its alliance's whole cycle: recurring items are owed in every period of it
    cycle: z.literal(true).optional(),
    unit: str().optional(),
    items: z.array(workItemSchema),
    // a plan's own fields may be assumed (an example's year); `true`: the whole plan
    assumed: assumed(['title', 'year', 'years', 'unit']),
    note: text().optional(),
  });

// ---------------------------------------------------------------- Roster
export const GENDERS = ['男', '女'] as const;
export const GRADES = ['正高', '副高', '中级', '初级'] as const;

export const personSchema = z.strictObject({
  id: slug().optional(),
  name: str(),
  aliases: aliases(),
  gender: z.enum(GENDERS).optional(),
  unit: str(),
  department: str().optional(),
  specialty: str().optional(),
  title: str().optional(),
  grade: z.enum(GRADES).optional(),
  titleSince: z.union([month(), date()]).optional(),
  phone: phone().optional(),
  // 晋升: planned or done promotions, judged against Quotas `promotions:` preconditions
  promotions: z
    .array(z.strictObject({ date: date(), grade: z.enum(GRADES), title: str().optional(), assumed: assumed(['date', 'grade', 'title']), note: text().optional() }))
    .optional(),
  assumed: assumed(['name', 'gender', 'unit', 'department', 'specialty', 'title', 'grade', 'titleSince', 'phone', 'promotions']),
  note: text().optional(),
});

export const deliveredSchema = z.strictObject({ date: date(), result: str().optional(), note: text().optional() });

export const assignmentSchema = z.strictObject({
  person: str(),
  target: str(),
  start: date(),
  end: date().optional(),
  post: str().optional(),
  batch: str().optional(),
  // deliverables done during this dispatch (Roster `deliverables:` items) → the day each was done,
  // or { date, result } where the deliverable asks a result (an assessment: 考核结果)
  delivered: z.record(z.string(), z.union([date(), deliveredSchema])).optional(),
  assumed: assumed(['person', 'target', 'start', 'end', 'post', 'batch', 'delivered']),
  note: text().optional(),
});

// What each dispatch owes by its end (务川「五个一」per expert per batch, one 综合质量管理检查 per
// batch): `items` are shown by `delivered:` on an assignment, or by an activity-log entry of
// `activity` type at the target during the dispatch.
export const deliverableSchema = z.strictObject({
  id: slug(),
  text: str(),
  source: str().optional(),
  each: z.enum(['assignment', 'batch']),
  items: z.array(str()).min(1),
  activity: activityTypeSchema.optional(),
  // owed after the dispatch ends (`结束后一个月内`); default: by its end
  due: shaped(
    z.preprocess(
      (v) => (typeof v === 'object' && v !== null && 'source' in v ? (v as { source: string }).source : v),
      z.string().refine((s) => parseAfterEnd(s) !== undefined, { message: 'deliverable-due' }),
    ),
    { json: { type: 'string', pattern: '^\\s*(下派|下沉|派驻|批次)?(结束|期满)(后.+(以内|之内|内)|时|前)?\\s*$' } },
  ).optional(),
  // each record gives a result (考核结果): true — any text; a list — one of these grades
  result: z.union([z.literal(true), z.array(str()).min(1)]).optional(),
  assumed: assumed(['each', 'items', 'activity', 'due', 'result']),
  note: text().optional(),
});

export const rosterSchema = z.strictObject({
  kind: z.literal('Roster'),
  ...header,
  id: slug().optional(),
  alliance: str().optional(),
  title: str().optional(),
  people: z.array(personSchema),
  assignments: z.array(assignmentSchema).default([]),
  deliverables: z.array(deliverableSchema).optional(),
  note: text().optional(),
});

// ---------------------------------------------------------------- ActivityLog
export const activityEntrySchema = z.strictObject({
  date: date(),
  person: str(),
  unit: str(),
  type: activityTypeSchema,
  halfDays: int(1, 62).optional(),
  note: text().optional(),
});

export const activityLogSchema = z.strictObject({
  kind: z.literal('ActivityLog'),
  ...header,
  id: slug().optional(),
  alliance: str().optional(),
  month: month().optional(),
  entries: z.array(activityEntrySchema),
  note: text().optional(),
});

// ---------------------------------------------------------------- Training
export const trainingSchema = z.strictObject({
  kind: z.literal('Training'),
  ...header,
  alliance: str().optional(),
  entries: z.array(
    z.strictObject({
      person: str(),
      from: str(),
      at: str(),
      start: date(),
      end: date(),
      free: z.boolean().optional(),
      specialty: str().optional(),
      note: text().optional(),
    }),
  ),
  note: text().optional(),
});

// ---------------------------------------------------------------- Referrals
export const referralsSchema = z.strictObject({
  kind: z.literal('Referrals'),
  ...header,
  alliance: str().optional(),
  entries: z.array(
    z.strictObject({ month: month(), unit: str(), up: nonNegInt(), down: nonNegInt(), note: text().optional() }),
  ),
  note: text().optional(),
});

// ---------------------------------------------------------------- SubsidyPolicy
export const RATE_PER = ['halfDay', 'session', 'day', 'trip', 'month'] as const;
export const PAYERS = ['host', 'lead'] as const;

export const rateSchema = z.strictObject({
  activities: z.array(activityTypeSchema).min(1),
  grade: z.enum(GRADES).optional(), // omitted: any grade
  amount: yuan(),
  per: z.enum(RATE_PER),
  payer: z.enum(PAYERS),
  basis: str().optional(),
  assumed: assumed(['activities', 'grade', 'amount', 'per', 'payer']),
  note: text().optional(),
});

export const subsidyPolicySchema = z.strictObject({
  kind: z.literal('SubsidyPolicy'),
  ...header,
  id: slug(),
  alliance: str().optional(),
  basis: str().optional(),
  effective: date(),
  until: date().optional(),
  rates: z.array(rateSchema).default([]),
  allowances: z
    .array(
      z.strictObject({
        name: str(),
        amount: yuan(),
        per: z.enum(RATE_PER),
        payer: z.enum(PAYERS),
        activities: z.array(activityTypeSchema).optional(),
        assumed: assumed(['name', 'amount', 'per', 'payer', 'activities']),
        note: text().optional(),
      }),
    )
    .default([]),
  caps: z
    .array(
      z.strictObject({
        per: z.enum(['personMonth', 'personYear']),
        max: yuan(),
        assumed: assumed(['per', 'max']),
        note: text().optional(),
      }),
    )
    .optional(),
  note: text().optional(),
});

// ---------------------------------------------------------------- Quotas
export const QUOTA_EACH = ['person', 'assignment', 'unit', 'alliance'] as const;
export const QUOTA_PER = ['month', 'bimonth', 'quarter', 'halfYear', 'year', 'cycle'] as const;
export const QUOTA_MEASURES = [
  'count',
  'halfDays',
  'workdays',
  'batches',
  'people',
  'trainees',
  'visits',
  'share',
  'ratio',
  'value',
] as const;

// A bare number (`6`) is a YAML number, read as the digits typed: editors must accept it too.
const comparison = shaped(
  z.preprocess(
    (v) => (typeof v === 'object' && v !== null && 'source' in v ? (v as { source: string }).source : v),
    z.string().regex(/^\s*(>=|<=|>|<|==|=)?\s*-?\d+(\.\d+)?\s*$/, { message: 'comparison' }),
  ),
  { orNumber: { type: 'number' } },
);

export const quotaRuleSchema = z.strictObject({
  id: slug(),
  text: str(),
  each: z.enum(QUOTA_EACH),
  per: z.enum(QUOTA_PER).optional(),
  measure: z.enum(QUOTA_MEASURES).optional(),
  activities: z.array(activityTypeSchema).optional(),
  min: fraction().optional(),
  max: fraction().optional(),
  minRatio: fraction().optional(),
  minDays: nonNegInt().optional(),
  of: str().optional(),
  num: str().optional(),
  den: str().optional(),
  // measure: value — the Indicators figure judged (the unit's, or the alliance's as a whole)
  field: str().optional(),
  // above the same period a year earlier (逐年提升, 较上年同期增长): `true`, or the source's own words
  // where it gives no number (合理增长), which makes a fall short a warning
  rise: z.union([z.literal(true), str()]).optional(),
  // A filter on units; a list means any of (基层 = [township, community]).
  units: unitFilterSchema.optional(),
  where: z.record(z.string(), comparison).optional(),
  require: z
    .strictObject({
      minGrade: z.enum(GRADES).optional(),
      orTitle: str().optional(),
      minYearsInTitle: num().optional(),
    })
    .optional(),
  source: str().optional(), // where the text comes from (document, section)
  assumed: assumed(['per', 'measure', 'activities', 'min', 'max', 'minRatio', 'minDays', 'units', 'where', 'require', 'rise']),
  note: text().optional(),
});

// A precondition of promotion (晋升前在基层工作至少半年): people of the `people` units promoted to one
// of `grades` must have served at least `minDays` at the `at` units before the promotion date.
export const promotionRuleSchema = z.strictObject({
  id: slug(),
  text: str(),
  source: str().optional(),
  grades: z.array(z.enum(GRADES)).min(1),
  people: unitFilterSchema.optional(), // whose staff it binds; default: the lead units'
  at: unitFilterSchema.optional(), // where service counts; default: every unit that is not a lead
  minDays: int(1).optional(), // default: any service at all
  assumed: assumed(['grades', 'people', 'at', 'minDays']),
  note: text().optional(),
});

// A share of facilities of a kind meeting figures (荆门「80%的村卫生室能规范熟练开展4类6项以上」).
export const facilityShareSchema = z.strictObject({
  id: slug(),
  text: str(),
  source: str().optional(),
  kind: z.enum(FACILITY_KINDS),
  where: z.strictObject({ tcmCategories: nonNegInt().optional(), tcmTechniques: nonNegInt().optional() }),
  min: fraction(),
  by: date().optional(), // owed from this day; without it the target is reported as a warning
  assumed: assumed(['where', 'min', 'by']),
  note: text().optional(),
});

export const quotasSchema = z.strictObject({
  kind: z.literal('Quotas'),
  ...header,
  alliance: str().optional(),
  rules: z.array(quotaRuleSchema).default([]),
  promotions: z.array(promotionRuleSchema).optional(),
  facilities: z.array(facilityShareSchema).optional(),
  note: text().optional(),
});

// ---------------------------------------------------------------- Indicators
/** The keys of an Indicators entry that are not figures. */
const INDICATOR_KEYS = new Set(['period', 'unit', 'alliance', 'note']);
// Each entry holds the figures of one unit (`unit:`), or of the alliance as a whole (`alliance:`,
// 梁平「全区所有贫困人口纳入签约范围」: a district figure that belongs to no unit); every other key is
// a figure.
const indicatorEntryObject = z
  .looseObject({ period: period(), unit: str().optional(), alliance: str().optional(), note: text().optional() })
  .superRefine((e, ctx) => {
    if ((e.unit === undefined) === (e.alliance === undefined))
      ctx.addIssue({ code: 'custom', path: [], message: e.unit === undefined ? 'indicator-whose' : 'indicator-both' });
    for (const [k, v] of Object.entries(e)) {
      if (INDICATOR_KEYS.has(k)) continue;
      const n = v instanceof Object && 'value' in v ? (v as { value: unknown }).value : v;
      if (typeof n !== 'number' || !Number.isFinite(n))
        ctx.addIssue({ code: 'custom', path: [k], message: 'indicator-number' });
    }
  })
  .transform((e) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e))
      out[k] = v instanceof Object && 'value' in v ? (v as { value: number }).value : v;
    return out as { period: string; unit?: string; alliance?: string; note?: string } & Record<string, number | string>;
  });
// Editors check it too: the named keys, one of unit/alliance, and every other key a number.
export const indicatorEntrySchema = shaped(indicatorEntryObject, {
  json: {
    type: 'object',
    properties: {
      period: { anyOf: [{ type: 'string', pattern: PERIOD_PATTERN }, { type: 'integer', minimum: 1000, maximum: 9999 }] },
      unit: SHAPES.str,
      alliance: SHAPES.str,
      note: SHAPES.text,
    },
    required: ['period'],
    oneOf: [{ required: ['unit'] }, { required: ['alliance'] }],
    additionalProperties: { type: 'number' },
  },
});

export const indicatorsSchema = z.strictObject({
  kind: z.literal('Indicators'),
  ...header,
  alliance: str().optional(),
  entries: z.array(indicatorEntrySchema),
  note: text().optional(),
});

// ---------------------------------------------------------------- Calendar
export const calendarSchema = z.strictObject({
  kind: z.literal('Calendar'),
  ...header,
  name: str().optional(),
  /** Years this document vouches for completely (a year the built-in data lacks). */
  years: z.array(int(1900, 2100)).optional(),
  holidays: z.array(date()).default([]),
  workdays: z.array(date()).default([]),
  note: text().optional(),
});

// ---------------------------------------------------------------- Settings
/** How seriously a workspace takes a rule or one code; `off` drops its findings. */
export const RULE_LEVELS = ['error', 'warning', 'info', 'off'] as const;
export const settingsSchema = z.strictObject({
  kind: z.literal('Settings'),
  ...header,
  /** Rule id (group-disjoint) or code (deadline/due-soon) → level. Checked against the rules by rules/settings.ts. */
  rules: z.record(z.string(), z.enum(RULE_LEVELS)).default({}),
  note: text().optional(),
});

// ---------------------------------------------------------------- registry
export const KIND_SCHEMAS = {
  Alliance: allianceSchema,
  Region: regionSchema,
  WorkPlan: workPlanSchema,
  Roster: rosterSchema,
  ActivityLog: activityLogSchema,
  Training: trainingSchema,
  Referrals: referralsSchema,
  SubsidyPolicy: subsidyPolicySchema,
  Quotas: quotasSchema,
  Indicators: indicatorsSchema,
  Calendar: calendarSchema,
  Settings: settingsSchema,
} as const;

export type Kind = keyof typeof KIND_SCHEMAS;
export const KINDS = Object.keys(KIND_SCHEMAS) as Kind[];

export type Alliance = z.output<typeof allianceSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type RuleLevel = (typeof RULE_LEVELS)[number];
export type Unit = z.output<typeof unitSchema>;
export type Group = z.output<typeof groupSchema>;
export type GroupMember = z.output<typeof groupMemberSchema>;
export type CompositionRule = z.output<typeof compositionRuleSchema>;
export type Region = z.output<typeof regionSchema>;
export type WorkPlan = z.output<typeof workPlanSchema>;
export type WorkItem = z.output<typeof workItemSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
export type EachUnit = z.output<typeof eachUnitSchema>;
export type UnitFilter = z.output<typeof unitFilterSchema>;
export type PostHolder = z.output<typeof postHolderSchema>;
export type Partner = z.output<typeof partnerSchema>;
export type Roster = z.output<typeof rosterSchema>;
export type Person = z.output<typeof personSchema>;
export type Assignment = z.output<typeof assignmentSchema>;
export type Deliverable = z.output<typeof deliverableSchema>;
export type Delivered = z.output<typeof deliveredSchema>;
/** A log's entries are held as columns (model/entry-store.ts), not the list zod gives. */
export type ActivityLog = Omit<z.output<typeof activityLogSchema>, 'entries'> & { entries: EntryStore };
export type ActivityEntry = z.output<typeof activityEntrySchema>;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type Training = z.output<typeof trainingSchema>;
export type Referrals = z.output<typeof referralsSchema>;
export type SubsidyPolicy = z.output<typeof subsidyPolicySchema>;
export type Quotas = z.output<typeof quotasSchema>;
export type QuotaRule = z.output<typeof quotaRuleSchema>;
export type PromotionRule = z.output<typeof promotionRuleSchema>;
export type FacilityShare = z.output<typeof facilityShareSchema>;
export type Facility = z.output<typeof facilitySchema>;
export type Indicators = z.output<typeof indicatorsSchema>;
export type Calendar = z.output<typeof calendarSchema>;
export type Grade = (typeof GRADES)[number];

export interface KindTypes {
  Alliance: Alliance;
  Region: Region;
  WorkPlan: WorkPlan;
  Roster: Roster;
  ActivityLog: ActivityLog;
  Training: Training;
  Referrals: Referrals;
  SubsidyPolicy: SubsidyPolicy;
  Quotas: Quotas;
  Indicators: Indicators;
  Calendar: Calendar;
  Settings: Settings;
}
