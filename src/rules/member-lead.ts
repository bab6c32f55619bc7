// member-lead/invalid: a member's `lead` must be a lead unit of the same alliance.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { diagAt } from './report.js';
import type { Rule } from './rule.js';

export const memberLead: Rule = {
  id: 'member-lead',
  meta: { description: t('成员单位的牵头单位须为本医联体的牵头单位', "A member's lead is a lead unit of its alliance"), defaultSeverity: 'error' },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const a of ws.alliances) {
      const leads = a.data.units.filter((u) => u.role === 'lead');
      if (!leads.length)
        out.push(diagAt('member-lead/no-lead', 'error', a.data, 'units', t(`「${a.data.name}」没有牵头单位（role: lead）。`, `"${a.data.name}" has no lead unit (role: lead).`)));
      for (const u of a.data.units) {
        if (!u.lead) continue;
        const target = a.units.get(u.lead);
        if (!target) continue; // reported by references
        if (u.role === 'lead')
          out.push(diagAt('member-lead/invalid', 'error', u, 'lead', t(`牵头单位「${u.name}」不应再填写 lead。`, `Lead unit "${u.name}" should not have a lead.`)));
        else if (target.role !== 'lead')
          out.push(
            diagAt('member-lead/invalid', 'error', u, 'lead', t(`「${u.name}」的 lead「${u.lead}」不是牵头单位。`, `The lead "${u.lead}" of "${u.name}" is not a lead unit.`), {
              hint: t(`可选：${leads.map((l) => l.id ?? l.name).join('、')}。`, `One of: ${leads.map((l) => l.id ?? l.name).join(', ')}.`),
            }),
          );
      }
      if (leads.length > 1)
        for (const u of a.data.units)
          if (u.role === 'member' && !u.lead)
            out.push(
              diagAt('member-lead/invalid', 'warning', u, undefined, t(`「${a.data.name}」有多个牵头单位，请为「${u.name}」填写 lead。`, `"${a.data.name}" has several leads; give "${u.name}" a lead.`)),
            );
    }
    return out;
  },
};
