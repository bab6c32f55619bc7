// phone-format/invalid: mainland mobile (1[3-9] + 9 digits) or landline with area code.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const PHONE_FORMAT_CODES = family('phone-format', t('结构', 'structure'), {
  invalid: {
    severity: 'error',
    description: t('电话不是有效的手机号或座机号。', 'A phone is not a valid mobile or landline number.'),
    help: t('写 11 位手机号，或带区号的座机号如 0376-1234567。', 'Write an 11-digit mobile or a landline with its area code, e.g. 0376-1234567.'),
    deprecatedIds: ['structure/phone-format'],
    message: msg('「{name}」的电话「{phone}」不是有效的手机号或座机号。', 'Phone "{phone}" of {name} is not a valid mobile or landline number.'),
  },
});

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function isValidPhone(raw: string): boolean {
  const s = raw.replace(/[\s\u3000]/g, '').replace(/^\+?86-?/, '');
  return MOBILE.test(s) || LANDLINE.test(s);
}

export const phoneFormat: Rule = {
  id: 'phone-format',
  meta: { description: t('电话号码为手机号或带区号的座机', 'Phone numbers are mobile or landline with area code'), defaultSeverity: 'error', codes: [PHONE_FORMAT_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    const visit = (obj: { phone?: string; name: string }) => {
      if (obj.phone !== undefined && !isValidPhone(obj.phone))
        out.push(
          PHONE_FORMAT_CODES.raise('phone-format/invalid', { name: obj.name, phone: obj.phone }, {
            ...where(obj, 'phone'),
            hint: t('手机号 11 位（如 13800000001），座机须带区号（如 0376-8888888）。', 'Mobile: 11 digits (13800000001); landline with area code (0376-8888888).'),
          }),
        );
    };
    for (const r of ws.data('Roster')) r.people.forEach(visit);
    for (const a of ws.alliances) for (const g of a.data.groups ?? []) g.members.forEach(visit);
    return out;
  },
};
