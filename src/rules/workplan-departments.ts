// workplan-departments: a work-plan item's 牵头/配合科室 must be departments of the unit whose plan
// it is, when that unit lists its departments.
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { Unit, WorkItem, WorkPlan } from '../model/kinds.js';
import type { Workspace } from '../load/workspace.js';
import { RefIndex } from '../load/refs.js';
import { refProblem } from './references.js';
import type { Rule } from './rule.js';

/** A unit's departments by name and alias, when it lists them. */
export function departmentIndex(u: Unit): RefIndex<{ name: string; aliases?: string[] }> | undefined {
  if (!u.departments) return undefined;
  return new RefIndex(u.departments.map((d) => (typeof d === 'string' ? { name: d } : d)));
}

/** The department an item's `lead` names, spelled as the unit lists it (医务 → 医务科), so
 * findings group under one heading whatever short form the table used. */
export function canonicalLead(ws: Workspace, plan: WorkPlan, item: WorkItem): string {
  const a = ws.allianceFor(plan.alliance);
  if (!a) return item.lead;
  const ref = item.unit ?? plan.unit;
  const unit = ref ? a.units.get(ref) : a.data.units.find((u) => u.role === 'lead' && u.departments);
  return (unit && departmentIndex(unit)?.get(item.lead)?.name) ?? item.lead;
}

export const workplanDepartments: Rule = {
  id: 'workplan-departments',
  meta: {
    description: t('牵头、配合科室须为本单位科室', 'Lead and support departments exist'),
    defaultSeverity: 'error',
    // Raises the references rule's codes (references/unknown, …) through refProblem.
    codes: [],
  },
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
