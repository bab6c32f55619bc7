// partners/*: one-to-one department pairings (科室对接). A unit's `partners:` pairs one of its
// departments with another unit, or with one of that unit's departments (绍兴「总院重点科室与成员单位
// 形成一对一的对接关系，并明确联络人」, 务川「重点派出科室与…对接科室形成一对一的扶持关系」). Neither
// side may be paired twice; the Alliance's `pairing:` may ask that every unit of a filter is paired
// and that each pairing names its contact (联络人).
import { t, type Diagnostic } from '../model/diagnostic.js';
import type { AllianceEntry } from '../load/workspace.js';
import type { Partner, Unit } from '../model/kinds.js';
import { owingUnits } from '../judge/units.js';
import { refProblem } from './references.js';
import { departmentIndex } from './workplan-departments.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises (through refProblem it also raises references/unknown). */
export const PARTNERS_CODES = family('partners', t('科室对接', 'pairing'), {
  twice: {
    severity: 'error',
    label: t('非一对一', 'not one-to-one'),
    description: t('对接关系应一对一，同一科室（或同一对接单位、对接科室）出现在两组对接中。', 'Pairings are one-to-one, and a department (or a partner unit or department) is paired twice.'),
    help: t('每个科室只与一个单位（或科室）对接；删去或改正多出的一组。', 'Pair each department with one unit (or department) only; remove or correct the extra pairing.'),
    message: msg('对接应一对一：{side}已与{other}对接，这里又与另一方对接。', 'Pairings are one-to-one: {side} is already paired with {other}, and is paired again here.'),
  },
  'no-contact': {
    severity: 'warning',
    label: t('缺联络人', 'no contact'),
    description: t('Alliance 的 pairing 要求写明联络人（contact: true），这组对接没有写。', 'The Alliance\'s pairing: asks for a contact (contact: true), and a pairing names none.'),
    help: t('在这组对接中写 contact: 联络人姓名。', 'Add contact: with the name of the person who keeps in touch.'),
    message: msg('「{unit}」{department}与「{partner}」的对接没有写联络人。', 'The pairing of {department} ({unit}) with {partner} names no contact.'),
  },
  unpaired: {
    severity: 'warning',
    label: t('未对接', 'unpaired'),
    description: t('Alliance 的 pairing 要求每家单位都有对接科室（each），有单位没有；发现列出每一家。', 'The Alliance\'s pairing: asks that every unit of each: is paired, and a unit is not.'),
    help: t('在牵头单位的 partners: 中为该单位写一组对接：{ department: 科室, partner: 单位, contact: 联络人 }。', 'Add a pairing for the unit to the lead unit\'s partners: { department, partner, contact }.'),
    message: msg('还没有一对一对接科室的单位：{units}。', 'No one-to-one pairing yet for {units}.'),
  },
});

interface Pair {
  unit: Unit;
  p: Partner;
  partner?: Unit;
}

/** The pairs whose units resolve, with reference findings for the rest. */
function resolve(a: AllianceEntry, out: Diagnostic[]): Pair[] {
  const pairs: Pair[] = [];
  for (const unit of a.data.units)
    for (const p of unit.partners ?? []) {
      const own = departmentIndex(unit);
      const d = own && refProblem(own, p.department, 'department', p, 'department');
      if (d) out.push(d);
      const r = refProblem(a.units, p.partner, 'unit', p, 'partner');
      if (r) out.push(r);
      const partner = r ? undefined : a.units.get(p.partner);
      const theirs = partner && p.partnerDepartment !== undefined ? departmentIndex(partner) : undefined;
      const q = theirs && refProblem(theirs, p.partnerDepartment!, 'department', p, 'partnerDepartment');
      if (q) out.push(q);
      pairs.push({ unit, p, partner });
    }
  return pairs;
}

/** A department as its unit lists it (医务 → 医务科), so two spellings of one department are one key. */
function deptName(u: Unit, name: string): string {
  return departmentIndex(u)?.get(name)?.name ?? name;
}

function oneToOne(pairs: Pair[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sides = new Map<string, Pair>();
  // `mine` is the side seen twice; the message names the other side of its first pairing
  const twice = (key: string, pair: Pair, field: 'department' | 'partner', mine: { zh: string; en: string }, other: (first: Pair) => { zh: string; en: string }) => {
    const first = sides.get(key);
    if (!first) return void sides.set(key, pair);
    const o = other(first);
    out.push(
      PARTNERS_CODES.raise('partners/twice', { side: mine, other: o }, {
        ...where(pair.p, field),
        hint: t('删去或改正多出的一组对接。', 'Remove or correct the extra pairing.'),
        data: { unit: pair.unit.name, department: pair.p.department, partner: pair.partner?.name ?? pair.p.partner },
      }),
    );
  };
  const theirSide = (x: Pair) => {
    const name = x.partner?.name ?? x.p.partner;
    const d = x.p.partnerDepartment;
    return { zh: `「${name}」${d ?? ''}`, en: d ? `${d} of ${name}` : name };
  };
  const ownSide = (x: Pair) => ({ zh: `「${x.unit.name}」${x.p.department}`, en: `${x.p.department} of ${x.unit.name}` });
  for (const pair of pairs) {
    const dept = deptName(pair.unit, pair.p.department);
    twice(`own\u0000${pair.unit.name}\u0000${dept}`, pair, 'department', { zh: `「${pair.unit.name}」${dept}`, en: `${dept} of ${pair.unit.name}` }, theirSide);
    if (!pair.partner) continue;
    const theirs = pair.p.partnerDepartment === undefined ? undefined : deptName(pair.partner, pair.p.partnerDepartment);
    // a partner unit without a department is one side too: 成员单位 ↔ 总院一个重点科室
    const key = `their\u0000${pair.unit.name}\u0000${pair.partner.name}\u0000${theirs ?? ''}`;
    const mine = theirs ? { zh: `「${pair.partner.name}」${theirs}`, en: `${theirs} of ${pair.partner.name}` } : { zh: `「${pair.partner.name}」`, en: pair.partner.name };
    twice(key, pair, 'partner', mine, ownSide);
  }
  return out;
}

function checkAlliance(a: AllianceEntry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pairs = resolve(a, out);
  out.push(...oneToOne(pairs));
  const want = a.data.pairing;
  if (want?.contact)
    for (const { unit, p } of pairs)
      if (!p.contact?.trim())
        out.push(
          PARTNERS_CODES.raise('partners/no-contact', { unit: unit.name, department: p.department, partner: p.partner }, {
            ...where(p, 'department'),
            hint: t('在这组对接中写 contact: 联络人姓名。', 'Add contact: with the contact\'s name.'),
            data: { unit: unit.name, department: p.department, partner: p.partner },
          }),
        );
  if (want?.each) {
    const each = want.each;
    if (typeof each === 'object' && 'units' in each)
      each.units.forEach((ref, i) => {
        const q = refProblem(a.units, ref, 'unit', each.units, i);
        if (q) out.push(q);
      });
    const paired = new Set(pairs.flatMap((x) => (x.partner ? [x.partner, x.unit] : [])));
    // one finding for the lot: the place to fix them is one list, the lead unit's partners:
    const unpaired = owingUnits(a, each, '9999-12-31').filter((u) => !paired.has(u));
    const names = unpaired.map((u) => u.name);
    const leads = a.data.units.filter((u) => u.role === 'lead');
    const listWhere = leads.length === 1 ? t(`「${leads[0]!.name}」的 partners: `, `the partners: of ${leads[0]!.name}`) : t('牵头单位的 partners: ', "the lead unit's partners:");
    if (unpaired.length)
      out.push(
        PARTNERS_CODES.raise('partners/unpaired', { units: t(names.join('、'), names.join(', ')) }, {
          ...where(want, 'each'),
          hint: t(`在${listWhere.zh}中逐一写 { department: 科室, partner: ${unpaired[0]!.id ?? unpaired[0]!.name}${want.contact ? ', contact: 联络人' : ''} }。`, `Add { department, partner: ${unpaired[0]!.id ?? unpaired[0]!.name}${want.contact ? ', contact' : ''} } for each to ${listWhere.en}.`),
          data: { units: names },
        }),
      );
  }
  return out;
}

export const partners: Rule = {
  id: 'partners',
  meta: { description: t('科室对接一对一，并按要求写明联络人', 'Department pairings are one-to-one, with contacts where required'), defaultSeverity: 'error', codes: [PARTNERS_CODES] },
  check: (ws) => ws.alliances.flatMap(checkAlliance),
};
