// 劳务费/补贴发放表 as a format-neutral report model: fold one month of activity-log entries
// through the SubsidyPolicy in force on each entry's date into charges, then into one table per
// payer (the unit that pays), with totals in integer fen and 大写金额. Pure: no file system, no
// clock, no console; the entries arrive as an iterable and are folded one at a time.
//
// This module puts the steps together; each is a module of its own: which entries are paid and
// for how much (subsidy-charges.ts, with the policy and rate choice in subsidy-rates.ts), the caps
// (subsidy-caps.ts), the payers' sheets and per-person rows (subsidy-payers.ts), the 明细 rows
// (subsidy-details.ts), the findings (subsidy-diagnostics.ts) and the assumed-amount notes
// (subsidy-assumed.ts); the model they build is in subsidy-model.ts.
//
// The rules (FORMAT.md "SubsidyPolicy", seed 000 三(二)8), and the choices made where the format
// leaves room:
// - Policy: the one in force on the entry's date (effective ≤ date ≤ until, both inclusive); of
//   several, the latest `effective` wins (the earlier one listed wins a tie). None in force: the
//   entry earns nothing and is reported (`subsidy/no-policy`).
// - Rate: among the policy's rates listing the entry's activity, one for the person's grade
//   beats one without a grade (any grade); the first listed wins a tie. No rate: reported
//   (`subsidy/no-rate`); no rate because the person's grade is unknown while only graded rates
//   exist for the activity: reported as `subsidy/unknown-grade`. Never silently dropped: every
//   such entry is also a 明细 line marked 未计费 with the reason.
// - Quantity by `per`: halfDay = the entry's halfDays (default 1, 每次以半天为计算单位);
//   session = 1 per entry; day = ceil(halfDays / 2) per entry (a day is two half-days; a started
//   day counts); trip = once per trip, a trip being one person at one unit on one date
//   (FORMAT.md) however many entries that day has; month = once per person, payer and month.
// - Allowances (交通补贴 …) follow the same `per` rules, for the activities they list (all
//   activities when they list none). A trip earns its allowance whether or not its activities
//   earned a fee: the allowance pays for the journey.
// - Payer: host = the unit where the work was done (the entry's unit); lead = the person's own
//   (dispatching) unit (Person.unit). A reference that does not resolve is shown as written.
// - Caps limit the 劳务费 (rates) only, not allowances: personMonth = a person's fees in a
//   calendar month across all payers; personYear = in a calendar year (entries before the month
//   are read to know what was already paid). Rule: first come, first paid. The person's fees
//   are taken in date order (log order within a day); the charge that crosses the cap is cut to
//   what is left and later ones to zero. This keeps every amount an exact integer (no
//   proportional rounding), and reads the way offices explain it: work after the cap was
//   reached is not paid. The cap applied to a charge is that of the charge's own policy.
//   Each capped person is reported (`subsidy/capped`, info).
// - A rate or allowance whose amount is marked `assumed` (not in the source document) flags
//   every 明细 line and payee row it pays, and each payer carries one note naming those amounts,
//   so no sheet prints an assumed amount as if the document set it.
import type { SubsidyPolicy } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { daxie } from './daxie.js';
import { sumFen } from './fen.js';
import { applyCaps, chargeOrder } from './subsidy-caps.js';
import { collectCharges, type Charge } from './subsidy-charges.js';
import { detailRows } from './subsidy-details.js';
import { subsidyDiagnostics } from './subsidy-diagnostics.js';
import { LABOUR_ITEM, lastDayOf, PersonIds, uniq, unitLabeller, type SubsidyInput, type SubsidyReport } from './subsidy-model.js';
import { payerSheets } from './subsidy-payers.js';

export * from './subsidy-model.js';
export { payerCounts, summarizeActivities, type QuantityColumn } from './subsidy-payers.js';
export { policyOn, quantityOf } from './subsidy-rates.js';

export function computeSubsidy(input: SubsidyInput): SubsidyReport {
  const { month, policies } = input;
  const last = lastDayOf(month);
  const label = unitLabeller(input.resolveUnit);
  const ids = new PersonIds();

  const { charges, uncounted, inMonthEntries } = collectCharges(input, ids, label);
  const capped = applyCaps(charges, month, ids);
  const mine = charges.filter((c) => c.entry.date.startsWith(month)).sort(chargeOrder);

  const itemOrder: string[] = [LABOUR_ITEM];
  for (const p of policies) for (const a of p.allowances) if (!itemOrder.includes(a.name)) itemOrder.push(a.name);
  const usedItems = itemOrder.filter((i) => mine.some((c) => c.item === i));
  const items = usedItems.length ? usedItems : [LABOUR_ITEM];

  const payers = payerSheets(mine, itemOrder, input.alliance?.units ?? [], label);
  const grandTotalFen = sumFen(payers.map((p) => p.totalFen));
  const itemTotals = items.map((item) => ({
    item,
    amountFen: sumFen(payers.map((p) => p.itemTotals.find((x) => x.item === item)?.amountFen ?? 0)),
  }));
  const details = detailRows(mine, uncounted, ids);
  const diagnostics = subsidyDiagnostics(month, uncounted, capped, inMonthEntries, ids);
  const usedList = policiesUsed(policies, mine, month, last);

  return {
    month,
    date: last,
    ...(input.alliance
      ? {
          alliance: {
            id: input.alliance.id,
            name: input.alliance.name,
            ...(input.alliance.document?.number ? { documentNumber: input.alliance.document.number } : {}),
          },
        }
      : {}),
    policyBasis: uniq([
      ...usedList.map((p) => p.basis).filter((b): b is string => !!b),
      ...mine.map((c) => c.basis).filter((b): b is string => !!b),
    ]),
    policies: usedList.map((p) => ({ id: p.id, basis: p.basis, effective: p.effective, until: p.until })),
    items,
    payers,
    people: new Set(mine.map((c) => c.person)).size,
    itemTotals,
    grandTotalFen,
    grandDaxie: daxie(grandTotalFen),
    details,
    diagnostics,
  };
}

/** The policies the month's charges rest on; with no charges, those in force during the month. Oldest first. */
function policiesUsed(policies: readonly SubsidyPolicy[], mine: readonly Charge[], month: string, last: string): SubsidyPolicy[] {
  const used = new Set(mine.map((c) => c.policy));
  if (!used.size) for (const p of policies) if (p.effective <= last && (p.until === undefined || p.until >= `${month}-01`)) used.add(p);
  return policies.filter((p) => used.has(p)).sort((a, b) => byCodePoint(a.effective, b.effective));
}
