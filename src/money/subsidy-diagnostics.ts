// The findings of a month's sheets: one per (reason, person, activity) that earned nothing, at the
// first such entry; one per capped person; and a warning when the month has no entries at all.
import { at, t, type Diagnostic } from '../model/diagnostic.js';
import { SUBSIDY_CODES } from '../codes/outputs.js';
import type { Person } from '../model/kinds.js';
import { locOf } from '../load/schema.js';
import { fenToYuanText } from './fen.js';
import type { CapHit } from './subsidy-caps.js';
import type { Uncounted } from './subsidy-charges.js';
import type { PersonIds } from './subsidy-model.js';

export function subsidyDiagnostics(
  month: string,
  uncounted: readonly Uncounted[],
  capped: ReadonlyMap<Person, CapHit>,
  inMonthEntries: number,
  ids: PersonIds,
): Diagnostic[] {
  const diagnostics = unpaidFindings(uncounted, ids);
  for (const [person, c] of capped) if (c.cutFen > 0) diagnostics.push(cappedFinding(person, c));
  if (inMonthEntries === 0)
    diagnostics.push(SUBSIDY_CODES.raise('subsidy/no-entries', { month }));
  return diagnostics;
}

function unpaidFindings(uncounted: readonly Uncounted[], ids: PersonIds): Diagnostic[] {
  const grouped = new Map<string, { u: Uncounted; n: number; halfDays: number }>();
  for (const u of uncounted) {
    const k = `${u.code}|${u.person ? ids.of(u.person) : u.entry.person}|${u.entry.type}|${u.reason.zh}`;
    const g = grouped.get(k);
    if (g) {
      g.n++;
      g.halfDays += u.entry.halfDays ?? 1;
    } else grouped.set(k, { u, n: 1, halfDays: u.entry.halfDays ?? 1 });
  }
  return [...grouped.values()].map(({ u, n, halfDays }): Diagnostic => {
    const words = { reason: u.reason, person: u.entry.person, activity: u.entry.type };
    const extra = {
      ...at(locOf(u.entry)),
      hint:
        u.code === 'subsidy/unknown-grade'
          ? t('在名单中写明职称（如 主治医师）或 grade。', 'give the person a title (e.g. 主治医师) or a grade in the roster.')
          : u.code === 'subsidy/no-rate'
            ? t('如该项应付费，请在 SubsidyPolicy 的 rates 中补上标准。', 'if it should be paid, add a rate to the SubsidyPolicy.')
            : undefined,
      data: { person: u.entry.person, activity: u.entry.type, entries: n, halfDays, date: u.entry.date },
    };
    return n > 1 ? SUBSIDY_CODES.raise(u.code, 'many', { ...words, entries: n, halfDays }, extra) : SUBSIDY_CODES.raise(u.code, 'one', words, extra);
  });
}

function cappedFinding(person: Person, c: CapHit): Diagnostic {
  const fen = fenToYuanText;
  return SUBSIDY_CODES.raise(
    'subsidy/capped',
    c.per === 'personMonth' ? 'personMonth' : 'personYear',
    { name: person.name, cap: fen(c.maxFen), cut: fen(c.cutFen), from: c.first.entry.date },
    { ...at(locOf(c.first.entry)), data: { person: person.name, capFen: c.maxFen, cutFen: c.cutFen, per: c.per } },
  );
}
