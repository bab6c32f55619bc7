// 进展报告 (the quarterly progress report an office hands in) as a format-neutral model, built once
// from the judgements (judge/) and the check findings. One module per section: report-workplan,
// report-quotas, report-dispatch, report-referrals, report-duties (omitted when there are none),
// report-issues; the shapes every renderer reads
// are in report-model.ts. Renderers only lay it out. Pure: no file system, no clock.
import type { Lang } from '../model/diagnostic.js';
import { periodLabel, type Period } from '../time/periods.js';
import { buildTimeline } from './timeline.js';
import { chooser, type ProgressInput, type ProgressReport } from './report-model.js';
import { workplanSection } from './report-workplan.js';
import { quotaSection } from './report-quotas.js';
import { dispatchSection } from './report-dispatch.js';
import { referralSection } from './report-referrals.js';
import { issueSection } from './report-issues.js';
import { dutySection } from './report-duties.js';

// the model's shapes, for the renderers and the tests that import them from here
export * from './report-model.js';
export { itemStatus, type ItemState } from './report-workplan.js';
export { periodLabel };

/** 2021年第二季度, or in English Q2 2021. */
export function periodWord(p: Period, lang: Lang): string {
  if (lang === 'zh') return periodLabel(p);
  const y = p.start.slice(0, 4);
  switch (p.kind) {
    case 'year':
      return y;
    case 'halfYear':
      return `${p.key.endsWith('1') ? 'H1' : 'H2'} ${y}`;
    case 'quarter':
      return `Q${p.key.slice(-1)} ${y}`;
    case 'month':
      return p.key;
    default:
      return `${p.start} to ${p.end}`;
  }
}

export function buildProgressReport(input: ProgressInput): ProgressReport {
  const { ws, alliance, asOf, period, findings } = input;
  const lang = input.lang ?? 'zh';
  const l = chooser(lang);
  const a = alliance.data;
  const label = periodWord(period, lang);
  const wp = workplanSection(ws, alliance, asOf, period, input.withinDays ?? 14, lang);
  const q = quotaSection(ws, alliance, asOf, period, lang);
  const d = dispatchSection(ws, alliance, asOf, period, lang, input.withinDays ?? 14);
  const r = referralSection(ws, alliance, period, lang);
  const duties = dutySection({ ws, alliance, asOf, period, withinDays: input.withinDays ?? 14, lang, showFile: input.showFile ?? ((f) => f) });
  const iss = issueSection(ws, alliance, findings, lang, input.showFile);
  // numbered in order, so the 问题清单 is 五 or 六 as the 其他职责 section is there or not
  const sections = [wp.section, q.section, d.section, r.section, ...(duties ? [duties] : []), iss.section].map((s, i) => ({
    ...s,
    title: s.title.replace(/^(?:[一二三四五六七八九十]+、|\d+\. )/, lang === 'zh' ? `${'一二三四五六七八九十'[i]}、` : `${i + 1}. `),
  }));
  const parts = [
    a.document?.number ? l(`依据：${a.document.number}`, `Under ${a.document.number}`) : undefined,
    l(`报告期：${period.start} 至 ${period.end}`, `Period: ${period.start} to ${period.end}`),
    l(`截至 ${asOf}`, `as of ${asOf}`),
  ].filter(Boolean);
  return {
    lang,
    title: l(`${a.name}${label}工作进展报告`, `${a.name}: progress report, ${label}`),
    subtitle: parts.join(l('　', ' · ')),
    alliance: { ...(a.id ? { id: a.id } : {}), name: a.name },
    ...(a.document ? { document: { number: a.document.number, title: a.document.title } } : {}),
    period: { key: period.key, start: period.start, end: period.end, label },
    asOf,
    date: asOf,
    summary: sections.map((s) => s.lines[0]!),
    timeline: buildTimeline({ ws, alliance, asOf, period, items: wp.timeline, lang: input.lang ?? 'zh' }),
    sections,
    counts: {
      items: wp.items,
      byStatus: wp.byStatus,
      quotaRows: q.rows,
      quotaShortfalls: q.shortfalls,
      people: d.people,
      membersCovered: d.covered,
      members: d.members,
      referralsUp: r.up,
      referralsDown: r.down,
      issues: iss.counts.errors,
      warnings: iss.counts.warnings,
      infos: iss.counts.infos,
      noData: iss.counts.noData,
    },
  };
}
