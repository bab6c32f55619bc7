// date-order/reversed: every start is on or before its end.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises. */
export const DATE_ORDER_CODES = family('date-order', t('结构', 'structure'), {
  reversed: {
    severity: 'error',
    description: t('结束日期早于开始日期。', 'An end date is before its start date.'),
    help: t('对调或改正 start 和 end。', 'Swap or correct start and end.'),
    deprecatedIds: ['structure/date-order'],
    message: msg('结束日期 {end} 早于开始日期 {start}。', 'End {end} is before start {start}.'),
  },
});

function check(obj: object, startKey: string, endKey: string, start: string | undefined, end: string | undefined, out: Diagnostic[]): void {
  if (start && end && start > end)
    out.push(
      DATE_ORDER_CODES.raise('date-order/reversed', { end, start }, {
        ...where(obj, endKey),
        hint: t(`检查 ${startKey} 和 ${endKey} 是否写反。`, `Check whether ${startKey} and ${endKey} are swapped.`),
      }),
    );
}

export const dateOrder: Rule = {
  id: 'date-order',
  meta: { description: t('开始日期不晚于结束日期', 'Start is not after end'), defaultSeverity: 'error', codes: [DATE_ORDER_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    for (const a of ws.alliances) {
      const c = a.data.cycle;
      if (c) check(c, 'start', 'end', c.start, c.end, out);
    }
    for (const r of ws.data('Roster')) for (const a of r.assignments) check(a, 'start', 'end', a.start, a.end, out);
    for (const tr of ws.data('Training')) for (const e of tr.entries) check(e, 'start', 'end', e.start, e.end, out);
    for (const p of ws.data('SubsidyPolicy')) check(p, 'effective', 'until', p.effective, p.until, out);
    return out;
  },
};
