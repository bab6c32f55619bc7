// Which policy and which rate pay an entry, and how many units of the rate's `per` it counts
// (the choices are listed in subsidy.ts's header comment).
import type { ActivityType, Grade, SubsidyPolicy } from '../model/kinds.js';
import type { Per } from './subsidy-model.js';

export type Rate = SubsidyPolicy['rates'][number];

/** The policy in force on a day: effective ≤ day ≤ until; the latest effective wins. */
export function policyOn(policies: readonly SubsidyPolicy[], day: string): SubsidyPolicy | undefined {
  let best: SubsidyPolicy | undefined;
  for (const p of policies)
    if (p.effective <= day && (p.until === undefined || day <= p.until) && (!best || p.effective > best.effective)) best = p;
  return best;
}

/**
 * The rate an activity earns a person of this grade: one for the grade beats one without a grade;
 * the first listed wins a tie. `listed` counts the rates that list the activity at all, so the
 * caller can tell "no rate for this grade" from "no rate for this activity".
 */
export function rateFor(policy: SubsidyPolicy, type: ActivityType, grade: Grade | undefined): { rate?: { r: Rate; i: number }; listed: number } {
  const candidates = policy.rates.map((r, i) => ({ r, i })).filter(({ r }) => r.activities.includes(type));
  const rate = (grade && candidates.find(({ r }) => r.grade === grade)) || candidates.find(({ r }) => r.grade === undefined);
  return { ...(rate ? { rate } : {}), listed: candidates.length };
}

/** How many units of `per` one entry of `halfDays` half-days is (trip and month: 1, deduplicated by the caller). */
export function quantityOf(per: Per, halfDays: number): number {
  switch (per) {
    case 'halfDay':
      return halfDays;
    case 'day':
      return Math.ceil(halfDays / 2);
    default:
      return 1;
  }
}
