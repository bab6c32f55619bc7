// quota-definitions/*: a Quotas rule must be checkable before any date is involved — its measure has a
// period, its fields belong to its measure, it says what to compare against, and `of:` names a
// known unit figure. `check` then skips what this rule reports instead of guessing.
import { t, type Diagnostic, type Text } from '../model/diagnostic.js';
import type { QuotaRule } from '../model/kinds.js';
import { didYouMean } from '../load/suggest.js';
import { OF_PATHS } from './quota-measures.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** How a quota is written (the quota rule raises whether it is met). */
export const QUOTA_DEFINITION_CODES = family('quota-definitions', t('考核指标', 'quota'), {
  'no-measure': {
    severity: 'error',
    description: t('指标既没有 measure 也没有 require，无法检查。', 'A quota has neither measure nor require; nothing can be checked.'),
    help: t('写 measure（如 workdays）和 min，或写 require。', 'Give it a measure (e.g. workdays) with min, or a require.'),
    deprecatedIds: ['quota/no-measure'],
    message: msg('指标「{id}」既没有 measure 也没有 require，无法检查。', 'Quota "{id}" has neither measure nor require; nothing to check.'),
  },
  'missing-per': {
    severity: 'error',
    description: t('按数量计量的指标没有写 per（按什么期间）。', 'A counted quota has no per (the period).'),
    help: t('写 per: month、bimonth、quarter、halfYear、year 或 cycle。', 'Add per: month, bimonth, quarter, halfYear, year or cycle.'),
    deprecatedIds: ['quota/missing-per'],
    message: msg('指标「{id}」按 {measure} 计量，须写明 per（month、bimonth、quarter、halfYear、year 或 cycle）。', 'Quota "{id}" measures {measure} and needs per: (month, bimonth, quarter, halfYear, year or cycle).'),
  },
  'no-target': {
    severity: 'error',
    description: t('指标没有可比较的目标值。', 'A quota gives nothing to compare with.'),
    help: t('measure 须写 min、max、minRatio 或 rise；require 须写 minGrade 或 orTitle。', 'A measure needs min, max, minRatio or rise; a require needs minGrade or orTitle.'),
    deprecatedIds: ['quota/no-target'],
    messages: {
      measure: msg('指标「{id}」没有 min、max、minRatio 或 rise，无从比较。', 'Quota "{id}" gives no min, max, minRatio or rise to compare with.'),
      require: msg('指标「{id}」的 require 须写 minGrade 或 orTitle。', 'The require of quota "{id}" needs minGrade or orTitle.'),
    },
  },
  'missing-field': {
    severity: 'error',
    description: t('指标缺少其计量方式所需的字段。', 'A quota lacks a field its measure needs.'),
    help: t('按提示补上字段（如 ratio 的分子分母、value 的 field、share 的 where、minYearsInTitle 对应的 orTitle）。', 'Add the field named (e.g. a ratio\'s fields, a value\'s field, a share\'s where, the orTitle of minYearsInTitle).'),
    deprecatedIds: ['quota/missing-field'],
    messages: {
      orTitle: msg('指标「{id}」写了 minYearsInTitle，但没有写 orTitle（哪个职称的年限）。', 'Quota "{id}" gives minYearsInTitle without orTitle.'),
      ratio: msg('指标「{id}」按比例（ratio）计量，须写 {field}（Indicators 字段名）。', 'Quota "{id}" measures a ratio and needs {field}: (an Indicators field).'),
      where: msg('指标「{id}」按占比（share）计量，须写 where（达标条件）。', 'Quota "{id}" measures a share and needs where: (the conditions).'),
      value: msg('指标「{id}」按数值（value）计量，须写 field（Indicators 字段名）。', 'Quota "{id}" measures a value and needs field: (an Indicators field).'),
    },
  },
  'field-not-allowed': {
    severity: 'error',
    description: t('指标写了其计量方式用不到的字段。', 'A quota has a field its measure does not use.'),
    help: t('删去该字段，或改正 measure。', 'Remove the field, or correct measure.'),
    deprecatedIds: ['quota/field-not-allowed'],
    messages: {
      noMeasure: msg('指标「{id}」的 {field} 只用于 measure: {measures}。', '{field} is only for measure: {measures} (quota "{id}").'),
      otherMeasure: msg('指标「{id}」的 {field} 只用于 measure: {measures}，不用于 {measure}。', '{field} is only for measure: {measures}, not {measure} (quota "{id}").'),
      shareEach: msg('指标「{id}」按单位占比（share）计量，each 应为 alliance。', 'Quota "{id}" measures a share of units; each: should be alliance.'),
    },
  },
  'unknown-of': {
    severity: 'error',
    description: t('指标的 of 路径不是已知路径。', 'A quota\'s of path is not a known one.'),
    help: t('改为提示中列出的路径之一。', 'Use one of the paths listed in the message.'),
    deprecatedIds: ['quota/unknown-of'],
    messages: {
      unknown: msg('未知的 of 路径「{of}」。', 'Unknown of: path "{of}".'),
      didYouMean: msg('未知的 of 路径「{of}」，{suggestion}', 'Unknown of: path "{of}"; {suggestion}'),
    },
  },
  'min-above-max': {
    severity: 'error',
    description: t('指标的 min 大于 max。', 'A quota\'s min is above its max.'),
    help: t('改正 min 或 max。', 'Correct min or max.'),
    deprecatedIds: ['quota/min-above-max'],
    message: msg('指标「{id}」的 min（{min}）大于 max（{max}）。', 'Quota "{id}" has min {min} above max {max}.'),
  },
  'no-cycle': {
    severity: 'error',
    description: t('指标按建设周期检查（per: cycle），但医联体没有写 cycle。', 'A quota is per: cycle but the alliance has no cycle.'),
    help: t('在 Alliance 中写 cycle: { start, end }。', 'Add cycle: { start, end } to the Alliance.'),
    deprecatedIds: ['quota/no-cycle'],
    message: msg('指标「{id}」按建设周期（per: cycle）检查，但医联体没有写 cycle。', 'Quota "{id}" is per: cycle but the alliance has no cycle.'),
  },
  'duplicate-id': {
    severity: 'error',
    description: t('指标编号重复。', 'A quota id is used twice.'),
    help: t('给每个指标一个不同的 id。', 'Give each quota its own id.'),
    deprecatedIds: ['quota/duplicate-id'],
    message: msg('指标编号「{id}」重复。', 'Duplicate quota id "{id}".'),
  },
});

/** Fields that only make sense with some measures. */
const ONLY_WITH: { field: keyof QuotaRule; measures: string[] }[] = [
  { field: 'activities', measures: ['count', 'halfDays', 'workdays'] },
  { field: 'num', measures: ['ratio'] },
  { field: 'den', measures: ['ratio'] },
  { field: 'where', measures: ['share'] },
  { field: 'minRatio', measures: ['trainees'] },
  { field: 'minDays', measures: ['trainees'] },
  { field: 'of', measures: ['trainees'] },
  { field: 'field', measures: ['value'] },
  { field: 'rise', measures: ['ratio', 'share', 'value'] },
];

export function quotaDefinitionProblems(rule: QuotaRule, hasCycle: boolean | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const C = QUOTA_DEFINITION_CODES;
  const at = (field: keyof QuotaRule | undefined, hint?: Text) => ({ ...where(rule, field), ...(hint ? { hint } : {}), data: { quota: rule.id } });
  const id = rule.id;
  const m = rule.measure;
  if (!m && !rule.require) out.push(C.raise('quota-definitions/no-measure', { id }, at(undefined)));
  if (m && !rule.per) out.push(C.raise('quota-definitions/missing-per', { id, measure: m }, at('measure')));
  if (m && rule.min === undefined && rule.max === undefined && rule.minRatio === undefined && rule.rise === undefined)
    out.push(C.raise('quota-definitions/no-target', 'measure', { id }, at('measure')));
  if (rule.require && !rule.require.minGrade && !rule.require.orTitle) out.push(C.raise('quota-definitions/no-target', 'require', { id }, at('require')));
  if (rule.require?.minYearsInTitle !== undefined && !rule.require.orTitle) out.push(C.raise('quota-definitions/missing-field', 'orTitle', { id }, at('require')));
  for (const { field, measures } of ONLY_WITH) {
    if (rule[field] === undefined) continue;
    const only = { id, field, measures: measures.join(' / ') };
    if (!m) out.push(C.raise('quota-definitions/field-not-allowed', 'noMeasure', only, at(field)));
    else if (!measures.includes(m)) out.push(C.raise('quota-definitions/field-not-allowed', 'otherMeasure', { ...only, measure: m }, at(field)));
  }
  if (m === 'ratio') for (const f of ['num', 'den'] as const) if (!rule[f]) out.push(C.raise('quota-definitions/missing-field', 'ratio', { id, field: f }, at('measure')));
  if (m === 'value' && !rule.field) out.push(C.raise('quota-definitions/missing-field', 'value', { id }, at('measure')));
  if (m === 'share') {
    if (!rule.where) out.push(C.raise('quota-definitions/missing-field', 'where', { id }, at('measure')));
    if (rule.each !== 'alliance') out.push(C.raise('quota-definitions/field-not-allowed', 'shareEach', { id }, at('each')));
    // A where condition that is not a comparison never gets here: the schema reports it
    // (schema/invalid-comparison), with the same pattern parseComparison reads.
  }
  if (rule.of !== undefined && !(OF_PATHS as readonly string[]).includes(rule.of)) {
    const s = didYouMean(rule.of, OF_PATHS);
    const extra = at('of', t(`可用：${OF_PATHS.join('、')}。`, `One of: ${OF_PATHS.join(', ')}.`));
    out.push(s ? C.raise('quota-definitions/unknown-of', 'didYouMean', { of: rule.of, suggestion: s }, extra) : C.raise('quota-definitions/unknown-of', 'unknown', { of: rule.of }, extra));
  }
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
    out.push(C.raise('quota-definitions/min-above-max', { id, min: rule.min, max: rule.max }, at('min')));
  if (rule.per === 'cycle' && hasCycle === false)
    out.push(C.raise('quota-definitions/no-cycle', { id }, at('per', t('在 Alliance 中写 cycle: { start, end }。', 'Add cycle: { start, end } to the Alliance.'))));
  return out;
}

export const quotaDefinitions: Rule = {
  id: 'quota-definitions',
  meta: { description: t('考核指标写法完整、可检查', 'Quota rules are complete and checkable'), defaultSeverity: 'error', codes: [QUOTA_DEFINITION_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const doc of ws.data('Quotas')) {
      const a = ws.allianceFor(doc.alliance);
      const ids = new Map<string, QuotaRule>();
      for (const rule of doc.rules) {
        if (ids.has(rule.id))
          out.push(QUOTA_DEFINITION_CODES.raise('quota-definitions/duplicate-id', { id: rule.id }, { ...where(rule, 'id'), data: { quota: rule.id } }));
        else ids.set(rule.id, rule);
        out.push(...quotaDefinitionProblems(rule, a ? !!a.data.cycle : undefined));
      }
    }
    return out;
  },
};
