// refs/department: a work-plan item's 牵头/配合科室 must be departments of the unit whose plan
// it is, when that unit lists its departments.
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { Unit } from '../model/kinds.js';
import { RefIndex } from '../load/refs.js';
import { refProblem } from './references.js';
import type { Rule } from './rule.js';

function departmentIndex(u: Unit): RefIndex<{ name: string; aliases?: string[] }> | undefined {
  if (!u.departments) return undefined;
  return new RefIndex(u.departments.map((d) => (typeof d === 'string' ? { name: d } : d)));
}

export const workplanDepartments: Rule = {
  id: 'workplan-departments',
  meta: { description: t('牵头、配合科室须为本单位科室', 'Lead and support departments exist'), defaultSeverity: 'error' },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const plan of ws.data('WorkPlan')) {
      const a = ws.allianceFor(plan.alliance);
      if (!a) continue;
      const defaultUnit = plan.unit ? a.units.get(plan.unit) : a.data.units.find((u) => u.role === 'lead' && u.departments);
      if (plan.unit) {
        const p = refProblem(a.units, plan.unit, 'unit', plan, 'unit');
        if (p) out.push(p);
      }
      for (const item of plan.items) {
        let unit = defaultUnit;
        if (item.unit) {
          const p = refProblem(a.units, item.unit, 'unit', item, 'unit');
          if (p) out.push(p);
          unit = a.units.get(item.unit);
        }
        const idx = unit && departmentIndex(unit);
        if (!idx) continue;
        const p = refProblem(idx, item.lead, 'department', item, 'lead');
        if (p) out.push(p);
        item.support?.forEach((s, i) => {
          const q = refProblem(idx, s, 'department', item.support!, i);
          if (q) out.push(q);
        });
      }
    }
    return out;
  },
};
