// group-disjoint/overlap: 监事会成员不与理事会成员交叉任职 (disjointFrom).
import { t, type Diagnostic } from '../model/diagnostic.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const GROUP_DISJOINT_CODES = family('group-disjoint', t('结构', 'structure'), {
  overlap: {
    severity: 'error',
    description: t('同一人在两个不得交叉的工作组中任职。', 'A person sits on two groups that must not overlap.'),
    help: t('从其中一个工作组中删去此人，或改正 disjointFrom。', 'Remove the person from one of the groups, or correct disjointFrom.'),
    deprecatedIds: ['structure/group-disjoint'],
    message: msg('「{name}」同时在「{group}」和「{other}」任职，两者不得交叉。', '{name} sits on both "{group}" and "{other}", which must not overlap.'),
  },
});

export const groupDisjoint: Rule = {
  id: 'group-disjoint',
  meta: { description: t('互斥小组不得交叉任职', 'Disjoint groups share no member'), defaultSeverity: 'error', codes: [GROUP_DISJOINT_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const a of ws.alliances)
      for (const g of a.data.groups ?? [])
        for (const ref of g.disjointFrom ?? []) {
          const other = a.groups.get(ref);
          if (!other) continue; // reported by references
          const names = new Set(other.members.map((m) => m.name));
          for (const m of g.members)
            if (names.has(m.name))
              out.push(GROUP_DISJOINT_CODES.raise('group-disjoint/overlap', { name: m.name, group: g.name, other: other.name }, where(m, 'name')));
        }
    return out;
  },
};
