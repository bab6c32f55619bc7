// A one-lead alliance with named departments and a WorkPlan for it, shared by the deadline and
// recurrence rule tests.
export const PLAN_ALLIANCE = `
  kind: Alliance
  id: a
  name: 甲医联体
  type: 医联体
  units:
    - { id: lead, name: 甲医院, role: lead, departments: [外联办, { name: 医务科, aliases: [医务] }] }
`;

/** alliance.yaml (PLAN_ALLIANCE) and plan.yaml, a 2017 WorkPlan with these items. */
export const planFiles = (items: string) => ({ 'alliance.yaml': PLAN_ALLIANCE, 'plan.yaml': `
  kind: WorkPlan
  alliance: a
  year: 2017
  items:
${items}` });
