// duties/*: per-unit duties (`each: unit` on a work-plan item, FORMAT.md) must name units that
// exist and owe the item, so that the judgement (judge/units.ts) counts what the clerk meant.
// A key of `units:` that names no unit, or a unit the item does not ask of, would otherwise
// leave a unit silently "missing" while its date sits under a misspelt name.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { owingUnits } from '../judge/units.js';
import { refProblem } from './references.js';
import { didYouMean } from '../load/suggest.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises (through refProblem it also raises references/unknown). */
export const DUTIES_CODES = family('duties', t('按单位职责', 'per-unit duty'), {
  'units-without-each': {
    severity: 'error',
    label: t('缺 each', 'no each'),
    description: t('事项写了 units:（各单位完成日期），却没有写 each: unit。', 'An item has units: (dates per unit) but no each: unit.'),
    help: t('按单位逐一承担的事项写 each: unit；否则把日期写在 done: 或 held: 中。', 'Add each: unit to an item every unit owes; otherwise put the date in done: or held:.'),
    message: msg('第{no}项写了 units:（各单位完成日期），但没有写 each: unit，这些日期不会被核对。', 'Item {no} has units: (dates per unit) but no each: unit, so they are not checked.'),
  },
  'not-owed': {
    severity: 'error',
    label: t('非承担单位', 'not owed'),
    description: t('units: 中的单位不在 each: 所指的承担单位之内（如牵头单位）。', 'A unit under units: is not among the units each: asks it of (e.g. a lead).'),
    help: t('改正单位名称，或放宽 each: 的条件。', 'Correct the unit, or widen the each: filter.'),
    message: msg('第{no}项：「{unit}」不在该事项的承担单位之内（each: {each}），它的日期不计入。', 'Item {no}: "{unit}" is not among the units that owe it (each: {each}), so its dates do not count.'),
  },
  'unknown-deliverable': {
    severity: 'error',
    label: t('成果名称', 'deliverable name'),
    description: t('下派记录的 delivered: 中写了 Roster 的 deliverables 里没有的事项。', 'An assignment\'s delivered: names an item that no deliverable of the Roster lists.'),
    help: t('按 deliverables 的 items 原样书写事项名称。', 'Write the item exactly as the deliverables\' items list it.'),
    messages: {
      unknown: msg('「{item}」不是本名单 deliverables 中的事项。', '"{item}" is not an item of this Roster\'s deliverables.'),
      didYouMean: msg('「{item}」不是本名单 deliverables 中的事项。{suggestion}', '"{item}" is not an item of this Roster\'s deliverables. {suggestion}'),
    },
  },
  'no-result': {
    severity: 'error',
    label: t('缺考核结果', 'no result'),
    description: t('要求写结果的事项（如对下派人员的考核）记录了日期，但没有写结果，或结果不在规定的等次之内；这条记录不计为完成。', 'An item that asks a result (e.g. the assessment of a dispatched person) is recorded without one, or with a grade not listed; the record does not count.'),
    help: t('写成 { date: 日期, result: 结果 }；规定了等次的，结果写其中之一。', 'Write { date: …, result: … }; where grades are listed, the result is one of them.'),
    messages: {
      missing: msg('「{item}」要求写结果（{text}），这里只有日期：写成 { date: …, result: … }。', '"{item}" asks a result ({text}); there is only a date here: write { date: …, result: … }.'),
      grade: msg('「{item}」的结果「{result}」不在规定的等次（{grades}）之内。', 'The result "{result}" of "{item}" is not one of the grades listed ({grades}).'),
    },
  },
  'no-units': {
    severity: 'error',
    label: t('无承担单位', 'no unit owes'),
    description: t('each: 的条件没有匹配到任何单位。', 'The each: filter matches no unit.'),
    help: t('检查 each 中的 role、level，或直接列出单位：each: { units: [...] }。', 'Check role and level under each, or list the units: each: { units: [...] }.'),
    message: msg('第{no}项的 each: 没有匹配到任何单位，无法按单位核对。', 'Item {no}: each: matches no unit, so nothing can be checked per unit.'),
  },
});

export const duties: Rule = {
  id: 'duties',
  meta: { description: t('按单位承担的事项指明的单位存在且承担该事项', 'Per-unit duties name units that owe them'), defaultSeverity: 'error', codes: [DUTIES_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const plan of ws.data('WorkPlan')) {
      const alliance = ws.allianceFor(plan.alliance);
      for (const item of plan.items) {
        const data = { item: item.no };
        if (item.units && !item.each) {
          out.push(DUTIES_CODES.raise('duties/units-without-each', { no: item.no }, { ...where(item, 'units'), hint: t('加上 each: unit。', 'Add each: unit.'), data }));
          continue;
        }
        if (!item.each || !alliance) continue;
        const each = item.each;
        if (typeof each === 'object' && 'units' in each)
          each.units.forEach((ref, i) => {
            const p = refProblem(alliance.units, ref, 'unit', each.units, i);
            if (p) out.push(p);
          });
        const owed = new Set(owingUnits(alliance, each, '9999-12-31'));
        if (!owed.size) {
          out.push(DUTIES_CODES.raise('duties/no-units', { no: item.no }, { ...where(item, 'each'), data }));
          continue;
        }
        for (const ref of Object.keys(item.units ?? {})) {
          const p = refProblem(alliance.units, ref, 'unit', item.units!, ref);
          if (p) {
            out.push(p);
            continue;
          }
          const u = alliance.units.get(ref)!;
          if (!owed.has(u))
            out.push(
              DUTIES_CODES.raise('duties/not-owed', { no: item.no, unit: ref, each: typeof each === 'string' ? each : JSON.stringify(each) }, {
                ...where(item.units!, ref),
                hint: t('改正单位名称，或放宽 each: 的条件。', 'Correct the unit, or widen the each: filter.'),
                data: { ...data, unit: u.name },
              }),
            );
        }
      }
    }
    // delivered: on an assignment names an item of the Roster's deliverables, written as listed,
    // with the result a deliverable asks
    for (const r of ws.data('Roster')) {
      const items = [...new Set((r.deliverables ?? []).flatMap((d) => d.items))];
      for (const a of r.assignments)
        for (const key of Object.keys(a.delivered ?? {})) {
          if (items.includes(key)) {
            const d = r.deliverables!.find((x) => x.result && x.items.includes(key));
            const v = a.delivered![key]!;
            const result = typeof v === 'string' ? undefined : v.result;
            if (d && result === undefined)
              out.push(DUTIES_CODES.raise('duties/no-result', 'missing', { item: key, text: d.text }, { ...where(a.delivered!, key), data: { person: a.person, deliverable: key } }));
            else if (d && Array.isArray(d.result) && !d.result.includes(result!))
              out.push(DUTIES_CODES.raise('duties/no-result', 'grade', { item: key, result: result!, grades: t(d.result.join('、'), d.result.join(', ')) }, { ...where(v as object, 'result'), data: { person: a.person, deliverable: key } }));
            continue;
          }
          const s = didYouMean(key, items);
          const extra = {
            ...where(a.delivered!, key),
            hint: items.length ? t(`可写：${items.join('、')}。`, `One of: ${items.join(', ')}.`) : t('先在 Roster 写 deliverables:。', 'Declare deliverables: in the Roster first.'),
            data: { person: a.person, deliverable: key },
          };
          out.push(s ? DUTIES_CODES.raise('duties/unknown-deliverable', 'didYouMean', { item: key, suggestion: s }, extra) : DUTIES_CODES.raise('duties/unknown-deliverable', 'unknown', { item: key }, extra));
        }
    }
    return out;
  },
};
