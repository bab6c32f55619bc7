// group-composition/count: count/min/max per role (组长 1 名, 副理事长 4–5 名 …).
import { t, type Diagnostic } from '../model/diagnostic.js';
import { diagAt } from './report.js';
import type { Rule } from './rule.js';
import { family } from '../codes/declare.js';

/** The codes this rule raises. */
export const GROUP_COMPOSITION_CODES = family('group-composition', t('结构', 'structure'), {
  count: {
    severity: 'error',
    description: t('工作组的人数不符合 composition 的要求。', 'A group\'s members do not match its composition.'),
    help: t('检查 members 中该角色的人数，或改正 composition。', 'Check how many members have that role, or correct the composition.'),
    deprecatedIds: ['structure/group-composition'],
  },
  rule: {
    severity: 'error',
    description: t('composition 的人数规则自相矛盾。', 'A composition rule contradicts itself.'),
    help: t('用 count，或用 min/max，不要同时使用；min 不大于 max。', 'Use count or min/max, not both; min must not exceed max.'),
    deprecatedIds: ['structure/group-rule'],
  },
  'duplicate-member': {
    severity: 'warning',
    description: t('同一人以同一角色在工作组中重复列出。', 'A person is listed twice with the same role in a group.'),
    help: t('删去重复的一行。', 'Remove the duplicate line.'),
    deprecatedIds: ['structure/duplicate-member'],
  },
});

export const groupComposition: Rule = {
  id: 'group-composition',
  meta: { description: t('小组成员构成符合规定（人数、职务）', 'Group composition matches its rules'), defaultSeverity: 'error', codes: [GROUP_COMPOSITION_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const a of ws.alliances)
      for (const g of a.data.groups ?? []) {
        for (const r of g.rules ?? []) {
          const n = g.members.filter((m) => m.role === r.role).length;
          const min = r.count ?? r.min;
          const max = r.count ?? r.max;
          const want =
            r.count !== undefined ? `${r.count}` : [r.min !== undefined ? `≥${r.min}` : '', r.max !== undefined ? `≤${r.max}` : ''].filter(Boolean).join(' 且 ');
          const wantEn =
            r.count !== undefined ? `exactly ${r.count}` : [r.min !== undefined ? `at least ${r.min}` : '', r.max !== undefined ? `at most ${r.max}` : ''].filter(Boolean).join(' and ');
          if ((min !== undefined && n < min) || (max !== undefined && n > max))
            out.push(
              diagAt(
                'group-composition/count',
                'error',
                r,
                undefined,
                t(`「${g.name}」应有${r.role} ${want} 名，实有 ${n} 名。`, `"${g.name}" needs ${wantEn} ${r.role}, has ${n}.`),
                { hint: t(`检查 members 中 role: ${r.role} 的人数。`, `Check the members with role: ${r.role}.`), data: { group: g.id ?? g.name, role: r.role, count: n } },
              ),
            );
          if (r.count !== undefined && (r.min !== undefined || r.max !== undefined))
            out.push(diagAt('group-composition/rule', 'error', r, 'count', t('count 不能与 min/max 同时使用。', 'Use count or min/max, not both.')));
          if (r.min !== undefined && r.max !== undefined && r.min > r.max)
            out.push(diagAt('group-composition/rule', 'error', r, 'min', t(`min（${r.min}）大于 max（${r.max}）。`, `min (${r.min}) is greater than max (${r.max}).`)));
        }
        const seen = new Map<string, object>();
        for (const m of g.members) {
          const key = `${m.name}\u0000${m.role}`;
          if (seen.has(key))
            out.push(diagAt('group-composition/duplicate-member', 'warning', m, 'name', t(`「${g.name}」中${m.role}「${m.name}」重复列出。`, `${m.name} is listed twice as ${m.role} in "${g.name}".`)));
          seen.set(key, m);
        }
      }
    return out;
  },
};
