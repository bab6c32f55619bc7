// 双向转诊: referrals up and down per month and per unit in the period, and the months with none. Pure.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import type { Lang } from '../model/diagnostic.js';
import { byCodePoint, byPinyin } from '../model/order.js';
import { periodsBetween, type Period } from '../time/periods.js';
import { chooser, table, type ReportSection } from './report-model.js';

export function referralSection(ws: Workspace, alliance: AllianceEntry, period: Period, lang: Lang): { section: ReportSection; up: number; down: number } {
  const l = chooser(lang);
  const from = period.start.slice(0, 7);
  const to = period.end.slice(0, 7);
  const order = new Map<string, number>(alliance.data.units.map((u, i) => [u.name, i]));
  const cells = new Map<string, { unit: string; month: string; up: number; down: number }>();
  for (const doc of ws.data('Referrals')) {
    if (ws.allianceFor(doc.alliance) !== alliance) continue;
    for (const e of doc.entries) {
      if (e.month < from || e.month > to) continue;
      const unit = alliance.units.get(e.unit)?.name ?? e.unit;
      const key = `${unit}\u0000${e.month}`;
      const c = cells.get(key) ?? { unit, month: e.month, up: 0, down: 0 };
      c.up += e.up;
      c.down += e.down;
      cells.set(key, c);
    }
  }
  const list = [...cells.values()].sort(
    (a, b) => (order.get(a.unit) ?? 1e9) - (order.get(b.unit) ?? 1e9) || byPinyin(a.unit, b.unit) || byCodePoint(a.month, b.month),
  );
  const months = [...new Set(list.map((c) => c.month))].sort();
  const byMonth = months.map((m) => {
    const xs = list.filter((c) => c.month === m);
    const up = xs.reduce((n, c) => n + c.up, 0);
    const down = xs.reduce((n, c) => n + c.down, 0);
    return { month: m, up, down, units: xs.length };
  });
  const up = byMonth.reduce((n, m) => n + m.up, 0);
  const down = byMonth.reduce((n, m) => n + m.down, 0);
  const silent = periodsBetween('month', period.start, period.end)
    .map((p) => p.key)
    .filter((m) => !months.includes(m));
  return {
    section: {
      id: 'referrals',
      title: l('四、双向转诊', '4. Referrals'),
      lines: list.length
        ? [
            l(
              `本报告期上转 ${up} 人次，下转 ${down} 人次，合计 ${up + down} 人次。${silent.length ? `${silent.join('、')} 没有转诊记录。` : ''}`,
              `${up} referred up and ${down} down in this period, ${up + down} in all.${silent.length ? ` No referrals recorded for ${silent.join(', ')}.` : ''}`,
            ),
          ]
        : [l('本报告期没有双向转诊记录（Referrals）。', 'No referrals (Referrals) in this period.')],
      tables: [
        table(
          'referrals-monthly',
          l('按月汇总', 'By month'),
          [
            [l('月份', 'Month'), 'text'],
            [l('报送单位数', 'Units reporting'), 'int'],
            [l('上转', 'Up'), 'int'],
            [l('下转', 'Down'), 'int'],
            [l('合计', 'Total'), 'int'],
          ],
          byMonth.map((m) => [m.month, m.units, m.up, m.down, m.up + m.down]),
          l('没有转诊记录。', 'No referrals.'),
          byMonth.length ? [l('合计', 'Total'), null, up, down, up + down] : undefined,
        ),
        table(
          'referrals-units',
          l('按单位、月份', 'By unit and month'),
          [
            [l('单位', 'Unit'), 'text'],
            [l('月份', 'Month'), 'text'],
            [l('上转', 'Up'), 'int'],
            [l('下转', 'Down'), 'int'],
            [l('合计', 'Total'), 'int'],
          ],
          list.map((c) => [c.unit, c.month, c.up, c.down, c.up + c.down]),
          l('没有转诊记录。', 'No referrals.'),
          list.length ? [l('合计', 'Total'), '', up, down, up + down] : undefined,
        ),
      ],
      charts: byMonth.length
        ? [
            {
              id: 'referrals-monthly',
              title: l('双向转诊人次（按月）', 'Referrals by month'),
              kind: 'vbar',
              categories: months,
              series: [
                { name: l('上转', 'Up'), values: byMonth.map((m) => m.up) },
                { name: l('下转', 'Down'), values: byMonth.map((m) => m.down) },
              ],
              valueType: 'int',
            },
          ]
        : [],
    },
    up,
    down,
  };
}
