// group-composition/count: count/min/max per role (组长 1 名, 副理事长 4–5 名 …);
// group-composition/each-unit: one member from each unit (各成员单位负责人为副组长, 理事由各成员单位…担任).
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { AllianceEntry } from '../load/workspace.js';
import type { CompositionRule, Group, Unit } from '../model/kinds.js';
import { owingUnits } from '../judge/units.js';
import { refProblem } from './references.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const GROUP_COMPOSITION_CODES = family('group-composition', t('结构', 'structure'), {
  count: {
    severity: 'error',
    description: t('工作组的人数不符合 composition 的要求。', 'A group\'s members do not match its composition.'),
    help: t('检查 members 中该角色的人数，或改正 composition。', 'Check how many members have that role, or correct the composition.'),
    deprecatedIds: ['structure/group-composition'],
    message: msg('「{group}」应有{role} {want} 名，实有 {count} 名。', '"{group}" needs {want} {role}, has {count}.'),
  },
  rule: {
    severity: 'error',
    description: t('composition 的人数规则自相矛盾。', 'A composition rule contradicts itself.'),
    help: t('用 count，或用 min/max，不要同时使用；min 不大于 max。', 'Use count or min/max, not both; min must not exceed max.'),
    deprecatedIds: ['structure/group-rule'],
    messages: {
      countAndRange: msg('count 不能与 min/max 同时使用。', 'Use count or min/max, not both.'),
      minAboveMax: msg('min（{min}）大于 max（{max}）。', 'min ({min}) is greater than max ({max}).'),
      eachMatchesNone: msg('「{group}」的 each 没有匹配到任何单位。', 'each: in "{group}" matches no unit.'),
      noRole: msg('写了 count/min/max 的规则要写 role（哪个角色的人数）。', 'A rule with count, min or max needs role: (whose number it is).'),
    },
  },
  'each-unit': {
    severity: 'error',
    label: t('单位无成员', 'unit unrepresented'),
    description: t('composition 的 each 要求每家单位都有成员（或该角色的成员），有单位没有；发现列出每一家。', 'A composition rule with each: wants a member (of the role) from every unit, and some units have none.'),
    help: t('在 members 中加一位 unit 为该单位、role 为该角色的成员；或改正 each。', 'Add a member with that unit and role, or correct each:.'),
    messages: {
      role: msg('「{group}」应有来自每家单位的{role}，以下单位没有：{units}。', '"{group}" needs a {role} from each unit; none from {units}.'),
      anyRole: msg('「{group}」应有来自每家单位的成员，以下单位没有：{units}。', '"{group}" needs a member from each unit; none from {units}.'),
    },
  },
  'duplicate-member': {
    severity: 'warning',
    description: t('同一人以同一角色在工作组中重复列出。', 'A person is listed twice with the same role in a group.'),
    help: t('删去重复的一行。', 'Remove the duplicate line.'),
    deprecatedIds: ['structure/duplicate-member'],
    message: msg('「{group}」中{role}「{name}」重复列出。', '{name} is listed twice as {role} in "{group}".'),
  },
});

/**
 * The units `each:` asks of a group. A group hosted by a lead unit (`unit:`) that other units name
 * as their `lead:` speaks for that lead's 医联体 only (梁平: two 医联体, a 领导小组 each), so a filter
 * is read within the lead and the units it leads; a list of units is taken as written.
 */
export function groupUnits(alliance: AllianceEntry, g: Group, each: NonNullable<CompositionRule['each']>): Unit[] {
  const owed = owingUnits(alliance, each, '9999-12-31');
  const host = g.unit ? alliance.units.get(g.unit) : undefined;
  if (!host || (typeof each === 'object' && 'units' in each)) return owed;
  const ledByHost = (u: Unit) => !!u.lead && alliance.units.get(u.lead) === host;
  if (!alliance.data.units.some(ledByHost)) return owed;
  return owed.filter((u) => u === host || ledByHost(u));
}

function eachUnit(a: AllianceEntry, g: Group, r: CompositionRule, each: NonNullable<CompositionRule['each']>): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (typeof each === 'object' && 'units' in each)
    each.units.forEach((ref, i) => {
      const p = refProblem(a.units, ref, 'unit', each.units, i);
      if (p) out.push(p);
    });
  const units = groupUnits(a, g, each);
  if (out.length) return out; // a misspelt unit is reported once, not again as "matches no unit"
  if (!units.length) {
    out.push(GROUP_COMPOSITION_CODES.raise('group-composition/rule', 'eachMatchesNone', { group: g.name }, where(r, 'each')));
    return out;
  }
  const covered = new Set(g.members.filter((m) => m.unit && (r.role === undefined || m.role === r.role)).map((m) => a.units.get(m.unit!)));
  // one finding naming every unit left out: the place to fix them is one list, the group's members
  const missing = units.filter((u) => !covered.has(u));
  if (!missing.length) return out;
  const names = missing.map((u) => u.name);
  const role = r.role ?? '';
  const first = missing[0]!.id ?? missing[0]!.name;
  const listed = t(names.join('、'), names.join(', '));
  const extra = {
    ...where(r, 'each'),
    hint: t(`在 members 中为每家补一位成员，如 unit: ${first}${role ? `、role: ${role}` : ''}。`, `Add a member for each, e.g. unit: ${first}${role ? ` and role: ${role}` : ''}.`),
    data: { group: g.id ?? g.name, units: names, ...(r.role !== undefined ? { role: r.role } : {}) },
  };
  out.push(
    r.role !== undefined
      ? GROUP_COMPOSITION_CODES.raise('group-composition/each-unit', 'role', { group: g.name, role: r.role, units: listed }, extra)
      : GROUP_COMPOSITION_CODES.raise('group-composition/each-unit', 'anyRole', { group: g.name, units: listed }, extra),
  );
  return out;
}

export const groupComposition: Rule = {
  id: 'group-composition',
  meta: { description: t('小组成员构成符合规定（人数、职务）', 'Group composition matches its rules'), defaultSeverity: 'error', codes: [GROUP_COMPOSITION_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const a of ws.alliances)
      for (const g of a.data.groups ?? []) {
        for (const r of g.rules ?? []) {
          if (r.each) out.push(...eachUnit(a, g, r, r.each));
          if (r.role === undefined) {
            if (r.count !== undefined || r.min !== undefined || r.max !== undefined)
              out.push(GROUP_COMPOSITION_CODES.raise('group-composition/rule', 'noRole', {}, where(r)));
            continue;
          }
          const n = g.members.filter((m) => m.role === r.role).length;
          const min = r.count ?? r.min;
          const max = r.count ?? r.max;
          const want =
            r.count !== undefined ? `${r.count}` : [r.min !== undefined ? `≥${r.min}` : '', r.max !== undefined ? `≤${r.max}` : ''].filter(Boolean).join(' 且 ');
          const wantEn =
            r.count !== undefined ? `exactly ${r.count}` : [r.min !== undefined ? `at least ${r.min}` : '', r.max !== undefined ? `at most ${r.max}` : ''].filter(Boolean).join(' and ');
          if ((min !== undefined && n < min) || (max !== undefined && n > max))
            out.push(
              GROUP_COMPOSITION_CODES.raise(
                'group-composition/count',
                { group: g.name, role: r.role, want: t(want, wantEn), count: n },
                { ...where(r), hint: t(`检查 members 中 role: ${r.role} 的人数。`, `Check the members with role: ${r.role}.`), data: { group: g.id ?? g.name, role: r.role, count: n } },
              ),
            );
          if (r.count !== undefined && (r.min !== undefined || r.max !== undefined))
            out.push(GROUP_COMPOSITION_CODES.raise('group-composition/rule', 'countAndRange', {}, where(r, 'count')));
          if (r.min !== undefined && r.max !== undefined && r.min > r.max)
            out.push(GROUP_COMPOSITION_CODES.raise('group-composition/rule', 'minAboveMax', { min: r.min, max: r.max }, where(r, 'min')));
        }
        const seen = new Map<string, object>();
        for (const m of g.members) {
          const key = `${m.name}\u0000${m.role}`;
          if (seen.has(key))
            out.push(GROUP_COMPOSITION_CODES.raise('group-composition/duplicate-member', { group: g.name, role: m.role, name: m.name }, where(m, 'name')));
          seen.set(key, m);
        }
      }
    return out;
  },
};
