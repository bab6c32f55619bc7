// 下沉人员与覆盖: who was on dispatch in the period, per lead unit, which member units received
// someone, and who logged work. Pure.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import type { Lang } from '../model/diagnostic.js';
import type { Person, Roster } from '../model/kinds.js';
import { foldActivity } from '../rules/quota-measures.js';
import type { Period } from '../time/periods.js';
import { buildRosterReport } from './roster.js';
import { judgeCoverage } from '../judge/coverage.js';
import { chooser, overlaps, rate, table, type ReportCell, type ReportSection } from './report-model.js';

const FAR = '9999-12-31';

export function dispatchSection(ws: Workspace, alliance: AllianceEntry, asOf: string, period: Period, lang: Lang, withinDays = 14): { section: ReportSection; people: number; covered: number; members: number } {
  const l = chooser(lang);
  const rosters = ws.data('Roster').filter((r) => ws.allianceFor(r.alliance) === alliance);
  const inPeriod = (a: { start: string; end?: string }) => overlaps(a.start, a.end ?? FAR, period.start, period.end) && a.start <= asOf;
  const assignments = rosters.flatMap((r) => r.assignments).filter(inPeriod);
  const people = ws.peopleFor(alliance.data.id);
  const active = new Set<Person>();
  for (const a of assignments) {
    const p = people.get(a.person);
    if (p) active.add(p);
  }
  const roster: Roster = { kind: 'Roster', people: rosters.flatMap((r) => r.people).filter((p) => active.has(p)), assignments };
  const model = buildRosterReport({ alliance: alliance.data, roster, resolveUnit: (ref) => alliance.units.get(ref), all: true });

  // who did any logged work in the period (only said where the log covers the period)
  const fold = foldActivity(ws);
  const logMonths = fold.months.get(alliance);
  const covers = [...(logMonths ?? [])].some((m) => m >= period.start.slice(0, 7) && m <= period.end.slice(0, 7));
  const worked = (p: Person | undefined): boolean => {
    if (!p) return false;
    const to = period.end < asOf ? period.end : asOf;
    for (const agg of fold.byPersonUnit.get(p)?.values() ?? []) if (agg.any(period.start, to)) return true;
    return false;
  };

  const leads = alliance.data.units.filter((u) => u.role === 'lead');
  const single = leads.length === 1 ? leads[0]!.name : undefined;
  const memberRows = model.summary.units;
  const leadOf = (r: (typeof memberRows)[number]) => r.lead ?? single;
  const leadRows: ReportCell[][] = [];
  const sections = model.sections.length ? model.sections : [];
  const leadNames = [...new Set([...leads.map((u) => u.name), ...sections.map((s) => s.lead.name)])];
  let tPeople = 0;
  let tWorked = 0;
  let tMembers = 0;
  let tCovered = 0;
  for (const name of leadNames) {
    const s = sections.find((x) => x.lead.name === name);
    const names = [...new Set((s?.rows ?? []).map((r) => r.name))];
    const n = names.length;
    const w = covers ? names.filter((x) => worked(people.get(x))).length : null;
    const mine = memberRows.filter((r) => r.member && leadOf(r) === name);
    const cov = mine.filter((r) => r.count > 0).length;
    const gaps = mine.filter((r) => r.count === 0).map((r) => r.unit.name);
    if (!n && !mine.length) continue;
    leadRows.push([name, n, w, mine.length, cov, mine.length - cov, rate(cov, mine.length), gaps.join(l('、', ', '))]);
    tPeople += n;
    tWorked += w ?? 0;
    tMembers += mine.length;
    tCovered += cov;
  }
  // members whose lead is not a lead unit of the alliance (or unset with several leads)
  const orphan = memberRows.filter((r) => r.member && !leadNames.includes(leadOf(r) ?? ''));
  if (orphan.length) {
    const cov = orphan.filter((r) => r.count > 0).length;
    leadRows.push([l('（未指定牵头单位）', '(no lead unit)'), 0, covers ? 0 : null, orphan.length, cov, orphan.length - cov, rate(cov, orphan.length), orphan.filter((r) => r.count === 0).map((r) => r.unit.name).join(l('、', ', '))]);
    tMembers += orphan.length;
    tCovered += cov;
  }
  const allPeople = new Set(sections.flatMap((s) => s.rows.map((r) => r.name))).size;
  const unitRows = memberRows.map((r) => [r.unit.name, leadOf(r) ?? '', r.count, r.people.join(l('、', ', ')), !r.member ? l('非成员单位', 'not a member') : r.count > 0 ? l('已覆盖', 'covered') : l('未覆盖', 'not covered')] as ReportCell[]);
  const uncovered = memberRows.filter((r) => r.member && r.count === 0).map((r) => r.unit.name);
  return {
    section: {
      id: 'dispatch',
      title: l('三、下沉人员与覆盖', '3. Dispatch and coverage'),
      // without a roster nobody can be counted: say so, never "0/34 covered" (read as a failure)
      lines: [
        rosters.length
          ? l(
              `本报告期在岗下派 ${allPeople} 人，覆盖成员单位 ${tCovered}/${tMembers} 个${uncovered.length ? `，未覆盖：${uncovered.join('、')}` : '，全部覆盖'}。` +
                (covers ? `有下沉工作记录的 ${tWorked} 人。` : '本报告期没有下沉工作记录（ActivityLog），未统计实际下沉人数。'),
              `${allPeople} people on dispatch in this period, covering ${tCovered}/${tMembers} member units${uncovered.length ? `; not covered: ${uncovered.join(', ')}` : ', all covered'}. ` +
                (covers ? `${tWorked} have logged work.` : 'No activity log (ActivityLog) in this period, so work done is not counted.'),
            )
          : l('没有下派人员名单（Roster），未统计下派人员和成员单位覆盖。', 'No roster (Roster): dispatch and coverage are not counted.'),
        ...regionLines(ws, alliance, asOf, withinDays, lang),
      ],
      tables: [
        table(
          'dispatch-leads',
          l('按牵头单位', 'By lead unit'),
          [
            [l('牵头单位', 'Lead unit'), 'text'],
            [l('下派人数', 'People'), 'int'],
            [l('有工作记录人数', 'With logged work'), 'int'],
            [l('成员单位数', 'Member units'), 'int'],
            [l('已覆盖', 'Covered'), 'int'],
            [l('未覆盖', 'Not covered'), 'int'],
            [l('覆盖率', 'Coverage'), 'percent'],
            [l('未覆盖单位', 'Units not covered'), 'text'],
          ],
          rosters.length ? leadRows : [],
          rosters.length ? l('没有牵头单位。', 'No lead unit.') : l('没有下派人员名单。', 'No roster.'),
          rosters.length && leadRows.length > 1 ? [l('合计', 'Total'), allPeople, covers ? tWorked : null, tMembers, tCovered, tMembers - tCovered, rate(tCovered, tMembers), ''] : undefined,
        ),
        table(
          'dispatch-units',
          l('成员单位覆盖情况', 'Member units'),
          [
            [l('成员单位', 'Member unit'), 'text'],
            [l('所属牵头单位', 'Lead unit'), 'text'],
            [l('接收人数', 'People received'), 'int'],
            [l('下派人员', 'Dispatched'), 'text'],
            [l('状态', 'Status'), 'status'],
          ],
          rosters.length ? unitRows : [],
          rosters.length ? l('没有成员单位。', 'No member units.') : l('没有下派人员名单。', 'No roster.'),
        ),
      ],
      charts: [],
    },
    people: allPeople,
    covered: rosters.length ? tCovered : 0,
    members: rosters.length ? tMembers : 0,
  };
}

/**
 * Region coverage (区域内医联体全覆盖) as check judges it: a separate sentence, so the members
 * that received nobody above are never read as the Region's coverage.
 */
function regionLines(ws: Workspace, alliance: AllianceEntry, asOf: string, withinDays: number, lang: Lang): string[] {
  const l = chooser(lang);
  return judgeCoverage(ws, { asOf, withinDays })
    .filter((c) => c.coverage.units.some((u) => u.homes.includes(alliance)))
    .map((c) => {
      const n = c.coverage.units.length;
      const gaps = [...c.uncovered.map((u) => u.name), ...c.multiple.map((m) => m.unit.name)];
      const name = c.region.name;
      if (c.state === 'complete') return l(`区域覆盖：${name} ${n}/${n} 个单位均已加入医联体（要求 ${c.by} 前全覆盖）。`, `Region coverage: ${name}, ${n}/${n} units in an alliance (full coverage due ${c.by}).`);
      const list = gaps.slice(0, 10).join(l('、', ', ')) + (gaps.length > 10 ? l(` 等 ${gaps.length} 个`, ` and ${gaps.length - 10} more`) : '');
      return c.state === 'incomplete'
        ? l(`区域覆盖：${name} 到 ${c.by} 未实现全覆盖，${n - gaps.length}/${n} 个单位恰好属于一个医联体；未覆盖或重复：${list}。`, `Region coverage: ${name} was not fully covered by ${c.by}; ${n - gaps.length}/${n} units in exactly one alliance; not: ${list}.`)
        : l(`区域覆盖：${name} ${n - gaps.length}/${n} 个单位已加入医联体，须在 ${c.by} 前全覆盖；尚未：${list}。`, `Region coverage: ${name}, ${n - gaps.length}/${n} units in an alliance; full coverage due ${c.by}; not yet: ${list}.`);
    });
}
