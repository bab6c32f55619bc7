// Each rule raises only the codes it declares (meta.codes), as eslint-plugin-eslint-plugin checks
// a rule's messageIds: every rule is run over the examples (at several dates) and over each entry
// of the bad-input corpus, and what it raises must be declared on it. So a code's declaration sits
// with the rule that raises it, and `yilian explain <rule>` lists everything the rule can say.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/io/workspace.js';
import { RULE_IDS, ruleById } from '../../src/rules/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * Codes a rule raises but another declares: refProblem (references) words an unknown or ambiguous
 * name the same wherever it is met; calendar/gap (a year without a calendar) is declared with its
 * family on the calendar rule, and raised by the quota rule (and by check itself).
 */
const BORROWED: Record<string, RegExp> = {
  'workplan-departments': /^references\/(unknown|ambiguous)$/,
  duties: /^references\/(unknown|ambiguous)$/,
  quota: /^calendar\/gap$/,
};

const examples = readdirSync(path.join(ROOT, 'examples')).map((d) => path.join(ROOT, 'examples', d));
const corpus = readdirSync(path.join(ROOT, 'test', 'fixtures', 'bad')).map((d) => path.join(ROOT, 'test', 'fixtures', 'bad', d));
const DATES = ['2017-12-31', '2018-11-01', '2019-06-30', '2021-07-01', '2022-05-01'];

describe('rules raise only the codes they declare', () => {
  it('over the examples at several dates and over the bad-input corpus', async () => {
    const raised = new Map<string, Set<string>>();
    let runs = 0;
    for (const dir of [...examples, ...corpus]) {
      const { workspace } = await loadWorkspace([dir]);
      for (const id of RULE_IDS())
        for (const asOf of dir.includes(`${path.sep}examples${path.sep}`) ? DATES : [DATES[3]!]) {
          runs++;
          for (const d of ruleById(id)!.check(workspace, { asOf, withinDays: 30 })) {
            if (!raised.has(id)) raised.set(id, new Set());
            raised.get(id)!.add(d.code);
          }
        }
    }
    expect(runs).toBeGreaterThan(500);
    expect(raised.size).toBeGreaterThan(10);
    const undeclared: string[] = [];
    for (const [id, codes] of raised) {
      const declared = new Set(ruleById(id)!.meta.codes.flatMap((f) => f.codes.map((c) => c.id)));
      for (const code of codes) if (!declared.has(code) && !BORROWED[id]?.test(code)) undeclared.push(`${id}: ${code}`);
    }
    // Declare the code on the rule that raises it (src/rules/<rule>.ts, meta.codes).
    expect(undeclared.sort()).toEqual([]);
  });
});
