// Promotion preconditions (荆门「龙头医院医务人员在晋升中、高级专业技术职务前，必须在基层医疗卫生机构
// 工作至少半年」, 绍兴 清单第11项「晋升前下乡人员」): for each promotion a person has, planned or done,
// the days served at 基层 units before it, from their assignments. Half a year is written in the
// Quotas as `minDays: 183` (half of 365, rounded up), so the number a clerk sees is the one
// judged. Pure: the as-of date is a parameter.
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { locOf } from '../load/schema.js';
import { at, t } from '../model/diagnostic.js';
import { isAssumed } from '../model/assumed.js';
import type { Person, PromotionRule, Unit } from '../model/kinds.js';
import { byCodePoint } from '../model/order.js';
import { unitMatches } from '../rules/quota-measures.js';
import { addDays, daysBetween } from '../time/dates.js';
import type { Proof } from './evidence.js';

export type Promotion = NonNullable<Person['promotions']>[number];

export interface PromotionJudgement {
  rule: PromotionRule;
  alliance: AllianceEntry;
  person: Person;
  promotion: Promotion;
  /** Days served at the counted units before the promotion date (each day once). */
  served: number;
  required: number;
  /** 'met'; 'short' (the promotion has happened by the as-of date); 'planned-short' (it is ahead). */
  state: 'met' | 'short' | 'planned-short';
  /** The assignments that counted, with where they are written. */
  proofs: Proof[];
  /** The promotion's date is illustrative (`assumed:` on it, its person's promotions or the Roster). */
  dateAssumed: boolean;
}

const isLead = (u: Unit) => u.role === 'lead';

/** Every promotion bound by a precondition of the alliance's Quotas, judged as of a date. */
export function judgePromotions(ws: Workspace, asOf: string): PromotionJudgement[] {
  const out: PromotionJudgement[] = [];
  for (const q of ws.data('Quotas')) {
    const alliance = ws.allianceFor(q.alliance);
    if (!alliance) continue;
    for (const rule of q.promotions ?? []) {
      for (const r of ws.data('Roster')) {
        if (ws.allianceFor(r.alliance) !== alliance) continue;
        const units = alliance.units;
        for (const person of r.people) {
          const own = units.get(person.unit);
          if (!own || !(rule.people ? unitMatches({ units: rule.people }, own) : isLead(own))) continue;
          for (const promotion of person.promotions ?? []) {
            if (!rule.grades.includes(promotion.grade)) continue;
            const last = addDays(promotion.date, -1);
            const days = new Set<string>();
            const proofs: Proof[] = [];
            for (const a of r.assignments) {
              if (ws.peopleFor(r.alliance).get(a.person) !== person) continue;
              const target = units.get(a.target);
              if (!target || !(rule.at ? unitMatches({ units: rule.at }, target) : !isLead(target))) continue;
              // an assignment with no end counts up to the day before the promotion
              const end = a.end && a.end < last ? a.end : last;
              if (a.start > end) continue;
              const n = daysBetween(a.start, end) + 1;
              for (let i = 0; i < n; i++) days.add(addDays(a.start, i));
              proofs.push({ kind: 'dispatch', date: a.start, text: t(`${a.start} 至 ${end} 在${a.target} ${n} 天`, `${n} days at ${a.target}, ${a.start} to ${end}`), ...at(locOf(a, 'start')) });
            }
            proofs.sort((x, y) => byCodePoint(x.date!, y.date!));
            const required = rule.minDays ?? 1;
            const state = days.size >= required ? 'met' : promotion.date <= asOf ? 'short' : 'planned-short';
            const dateAssumed = isAssumed(r) || isAssumed(person, 'promotions') || isAssumed(promotion, 'date');
            out.push({ rule, alliance, person, promotion, served: days.size, required, state, proofs, dateAssumed });
          }
        }
      }
    }
  }
  return out;
}
