// 考核指标达标情况: 达标/应考核 per quota rule and period of the report, and who fell short, read
// off the quota judgements `check` words (judge/quotas.ts): no period or status is recomputed
// here. Pure.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { ASSUMED_LABEL } from '../model/assumed.js';
import type { Lang } from '../model/diagnostic.js';
import type { QuotaRule } from '../model/kinds.js';
import { judgeQuotas, quotaHorizon } from '../judge/quotas.js';
import type { Period } from '../time/periods.js';
import { chooser, overlaps, pctText, rate, shortName, table, type ReportCell, type ReportSection } from './report-model.js';

const EACH_WORD: Record<QuotaRule['each'], [string, string]> = { person: ['人', 'person'], assignment: ['人次', 'assignment'], unit: ['单位', 'unit'], alliance: ['医联体', 'alliance'] };
const MEASURE_UNIT: Record<string, [string, string]> = {
  count: ['次', 'times'],
  halfDays: ['个半天', 'half-days'],
  workdays: ['个工作日', 'working days'],
  batches: ['批', 'batches'],
  people: ['人', 'people'],
  trainees: ['人', 'trainees'],
  visits: ['天', 'days'],
};

export function quotaSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period, lang: Lang): { section: ReportSection; rows: number; shortfalls: number } {
  const l = chooser(lang);
  const li = lang === 'zh' ? 0 : 1;
  const aid = alliance.data.id ?? alliance.data.name;
  const rules = ws
    .data('Quotas')
    .filter((d) => ws.allianceFor(d.alliance) === alliance)
    .flatMap((d) => d.rules);
  // the same judgements check words; periods up to the report's end (later ones: not yet owed)
  const verdicts = judgeQuotas(ws, asOf, period.end > quotaHorizon(asOf) ? period.end : quotaHorizon(asOf));
  const rows: ReportCell[][] = [];
  /** The judged rows for the sentence: name, period, whom, met, total. */
  const judgedRows: { text: string; key: string; each: QuotaRule['each'] | 'require'; met: number; total: number }[] = [];
  const chartCats: string[] = [];
  const chartVals: number[] = [];
  const short: ReportCell[][] = [];
  type Judged = { subject: string; value?: number; required?: number; fraction?: boolean; bound?: string; previous?: { period: string }; incomplete?: boolean; prorated?: boolean; assumed?: true };
  const addShortfalls = (rule: QuotaRule, key: string, js: Judged[]) => {
    for (const j of js) {
      const unit = j.fraction ? '%' : rule.require ? '' : (MEASURE_UNIT[rule.measure ?? '']?.[li] ?? '');
      const scale = (x: number | undefined) => (x === undefined ? null : j.fraction ? Math.round(x * 10000) / 100 : x);
      const notes = [
        rule.require ? l('不符合资格要求', 'does not meet the requirement') : undefined,
        j.bound === 'max' ? l('超过上限', 'over the limit') : undefined,
        // a rise is held to last year's value: the 要求 column is that value
        j.bound === 'rise' && j.previous ? l(`未高于上年同期（${j.previous.period}）`, `not above the same period a year earlier (${j.previous.period})`) : undefined,
        j.incomplete ? l('下沉工作记录不全，按现有记录', 'activity log incomplete; counted as logged') : undefined,
        j.prorated ? l('按在岗工作日折算', 'prorated by working days on duty') : undefined,
        j.assumed ? l(`要求含${ASSUMED_LABEL.zh}`, `requirement includes a value ${ASSUMED_LABEL.en}`) : undefined,
      ].filter(Boolean);
      short.push([rule.text, key, j.subject, scale(j.value), scale(j.required), unit, notes.join(l('；', '; '))]);
    }
  };
  for (const rule of rules) {
    if (rule.require) {
      const js = verdicts.requirements.filter((j) => j.rule === rule && j.state !== 'cannot-judge' && overlaps(j.span[0], j.span[1], period.start, period.end));
      const met = js.filter((j) => j.state === 'satisfied').length;
      const qualification = l('下派人员资格', 'qualification');
      rows.push([rule.text, qualification, l('人次', 'assignment'), js.length, met, js.length - met, rate(met, js.length), js.length ? (met === js.length ? l('达标', 'met') : l('未全部达标', 'not all met')) : l('无考核对象', 'nobody to judge')]);
      if (js.length) {
        chartCats.push(l(`${shortName(rule.text, 16)}（资格）`, `${shortName(rule.text, 16)} (qualification)`));
        chartVals.push(met / js.length);
        judgedRows.push({ text: rule.text, key: qualification, each: 'require', met, total: js.length });
      }
      addShortfalls(rule, qualification, js.filter((j) => j.state === 'short'));
    }
    const cycle = alliance.data.cycle;
    const periods = verdicts.periods.filter((p) => p.rule === rule && p.alliance === aid && overlaps(p.period.start, p.period.end, period.start, period.end) && (!cycle || overlaps(p.period.start, p.period.end, cycle.start, cycle.end)));
    for (const { period: p, time, subjects: js, noData, calendarGap } of periods) {
      const closed = time === 'closed';
      const met = js.filter((j) => j.met).length;
      const status = !closed ? l('未到期末', 'period open') : js.length ? (met === js.length ? l('达标', 'met') : l('未全部达标', 'not all met')) : noData.length || calendarGap ? l('缺数据', 'no data') : l('无考核对象', 'nobody to judge');
      rows.push([rule.text, p.key, EACH_WORD[rule.each][li], closed ? js.length : null, closed ? met : null, closed ? js.length - met : null, closed ? rate(met, js.length) : null, status]);
      if (closed && js.length) {
        chartCats.push(l(`${shortName(rule.text, 16)}（${p.key}）`, `${shortName(rule.text, 16)} (${p.key})`));
        chartVals.push(met / js.length);
        judgedRows.push({ text: rule.text, key: p.key, each: rule.each, met, total: js.length });
      }
      if (closed) addShortfalls(rule, p.key, js.filter((j) => j.state === 'short'));
    }
  }
  // the sentence names each indicator whole (or by its first clause), never cut inside a word
  const whom = (r: (typeof judgedRows)[number]) => (r.each === 'unit' ? l(' 个单位', ' units') : r.each === 'alliance' ? '' : l(' 人', ''));
  const lines = rules.length
    ? [
        judgedRows.length
          ? l(
              `考核指标已考核 ${judgedRows.length} 项次：` + judgedRows.map((r) => `${shortName(r.text)}（${r.key}）达标 ${r.met}/${r.total}${whom(r)}（${pctText(r.met / r.total)}）`).join('；') + '。',
              `${judgedRows.length} quota periods judged: ` + judgedRows.map((r) => `${shortName(r.text)} (${r.key}) met ${r.met}/${r.total}${whom(r)} (${pctText(r.met / r.total)})`).join('; ') + '.',
            )
          : l('本报告期没有已结束、可考核的指标期间。', 'No quota period has closed in this report period.'),
        ...(short.length ? [l(`未达标 ${short.length} 人次/项，见下表。`, `${short.length} shortfalls, listed below.`)] : []),
      ]
    : [l('没有考核指标（Quotas）。', 'No quotas (Quotas).')];
  return {
    section: {
      id: 'quotas',
      title: l('二、考核指标达标情况', '2. Quotas'),
      lines,
      tables: [
        table(
          'quota-attainment',
          l('达标情况', 'Attainment'),
          [
            [l('考核指标', 'Quota'), 'text'],
            [l('考核期', 'Period'), 'text'],
            [l('考核对象', 'Per'), 'text'],
            [l('应考核', 'Judged'), 'int'],
            [l('达标', 'Met'), 'int'],
            [l('未达标', 'Short'), 'int'],
            [l('达标率', 'Rate'), 'percent'],
            [l('状态', 'Status'), 'status'],
          ],
          rows,
          l('没有考核指标。', 'No quotas.'),
        ),
        table(
          'quota-shortfalls',
          l('未达标明细', 'Shortfalls'),
          [
            [l('考核指标', 'Quota'), 'text'],
            [l('考核期', 'Period'), 'text'],
            [l('对象', 'Subject'), 'text'],
            [l('实际', 'Actual'), 'number'],
            [l('要求', 'Required'), 'number'],
            [l('单位', 'Unit'), 'text'],
            [l('说明', 'Note'), 'text'],
          ],
          short,
          l('无未达标。', 'No shortfalls.'),
        ),
      ],
      charts: chartCats.length ? [{ id: 'quota-rates', title: l('考核指标达标率', 'Quota attainment rate'), kind: 'hbar', categories: chartCats, series: [{ name: l('达标率', 'Rate'), values: chartVals }], valueType: 'percent' }] : [],
    },
    rows: rows.length,
    shortfalls: short.length,
  };
}
