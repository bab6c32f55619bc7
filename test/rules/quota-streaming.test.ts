// check words each quota judgement as it is made and keeps none (rules/quota.ts with
// judgeEachRule's sink); report and the calendar word the judgements kept in their periods
// (judgeQuotas, cached). Both must give the same findings, in the same order, on every example
// at dates across their years, and the kept path must be the one taken once verdicts are cached.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/io/workspace.js';
import { judgeQuotas } from '../../src/judge/quotas.js';
import { quota, quotaFindings } from '../../src/rules/quota.js';
import { ROOT } from '../helpers/cli.js';

const DATES = ['2017-09-30', '2018-07-10', '2019-06-30', '2020-01-05', '2021-07-01', '2022-03-31'];

describe('quota findings worded as judged', () => {
  it('are the findings of the judgements kept whole, on every example at six dates', async () => {
    const examples = readdirSync(path.join(ROOT, 'examples')).map((d) => path.join(ROOT, 'examples', d));
    let findings = 0;
    for (const dir of examples)
      for (const asOf of DATES) {
        // a fresh workspace each time: nothing cached, so the rule words as it judges
        const streamed = quota.check((await loadWorkspace([dir])).workspace, { asOf });
        const { workspace } = await loadWorkspace([dir]);
        const kept = quotaFindings(judgeQuotas(workspace, asOf));
        expect(streamed, `${path.basename(dir)} ${asOf}`).toEqual(kept);
        // once judged whole (report does so first), the rule words those verdicts
        expect(quota.check(workspace, { asOf })).toEqual(kept);
        findings += kept.length;
      }
    // the examples do fall short: the comparison is not of empty lists
    expect(findings).toBeGreaterThan(50);
  });
});
