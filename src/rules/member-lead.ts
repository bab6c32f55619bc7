// member-lead/invalid: a member's `lead` must be a lead unit of the same alliance.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const MEMBER_LEAD_CODES = family('member-lead', t('结构', 'structure'), {
  'no-lead': {
    severity: 'error',
    description: t('医联体没有牵头单位。', 'The alliance has no lead unit.'),
    help: t('在 units 中给牵头单位写 role: lead。', 'Give the lead unit role: lead under units.'),
    deprecatedIds: ['structure/no-lead'],
    message: msg('「{alliance}」没有牵头单位（role: lead）。', '"{alliance}" has no lead unit (role: lead).'),
  },
  invalid: {
    severity: 'error',
    description: t('成员单位的 lead 写法不对：牵头单位写了 lead，或 lead 不是牵头单位，或多个牵头单位时没写 lead。', 'A member\'s lead is wrong: a lead unit has one, it names a non-lead unit, or it is missing where there are several leads.'),
    help: t('lead 只写在成员单位上，并指向 role: lead 的单位。', 'Write lead on member units only, naming a unit with role: lead.'),
    deprecatedIds: ['structure/member-lead'],
    messages: {
      leadHasLead: msg('牵头单位「{unit}」不应再填写 lead。', 'Lead unit "{unit}" should not have a lead.'),
      notLead: msg('「{unit}」的 lead「{lead}」不是牵头单位。', 'The lead "{lead}" of "{unit}" is not a lead unit.'),
      severalLeads: msg('「{alliance}」有多个牵头单位，请为「{unit}」填写 lead。', '"{alliance}" has several leads; give "{unit}" a lead.'),
    },
  },
});

export const memberLead: Rule = {
  id: 'member-lead',
  meta: { description: t('成员单位的牵头单位须为本医联体的牵头单位', "A member's lead is a lead unit of its alliance"), defaultSeverity: 'error', codes: [MEMBER_LEAD_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const a of ws.alliances) {
      const leads = a.data.units.filter((u) => u.role === 'lead');
      if (!leads.length)
        out.push(MEMBER_LEAD_CODES.raise('member-lead/no-lead', { alliance: a.data.name }, where(a.data, 'units')));
      for (const u of a.data.units) {
        if (!u.lead) continue;
        const target = a.units.get(u.lead);
        if (!target) continue; // reported by references
        if (u.role === 'lead')
          out.push(MEMBER_LEAD_CODES.raise('member-lead/invalid', 'leadHasLead', { unit: u.name }, where(u, 'lead')));
        else if (target.role !== 'lead')
          out.push(
            MEMBER_LEAD_CODES.raise('member-lead/invalid', 'notLead', { unit: u.name, lead: u.lead }, {
              ...where(u, 'lead'),
              hint: t(`可选：${leads.map((l) => l.id ?? l.name).join('、')}。`, `One of: ${leads.map((l) => l.id ?? l.name).join(', ')}.`),
            }),
          );
      }
      if (leads.length > 1)
        for (const u of a.data.units)
          if (u.role === 'member' && !u.lead)
            out.push(
              MEMBER_LEAD_CODES.raise('member-lead/invalid', 'severalLeads', { alliance: a.data.name, unit: u.name }, { ...where(u), severity: 'warning' }),
            );
    }
    return out;
  },
};
