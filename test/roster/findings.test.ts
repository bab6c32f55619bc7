// What the roster command says when the files do not add up: no Roster for the alliance, a
// person whose unit is not in the alliance, an assignment naming nobody on the roster, a posting
// to a unit that is not a member. Each is a finding with its code (yilian explain), not a gap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRosterReport } from '../../src/reports/roster.js';
import { runCli } from '../helpers/cli.js';
import { loadRosterExamples, type Example } from './helpers.js';

const out = mkdtempSync(path.join(tmpdir(), 'yilian-roster-findings-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let gs: Example;
beforeAll(async () => {
  gs = (await loadRosterExamples()).find((e) => e.dir === 'guangshan-2021')!;
});

describe('roster findings', () => {
  it('an alliance without a Roster: a warning, and the summary still lists the member units', async () => {
    const r = await runCli(['roster', 'examples/liangping-2018', '-o', path.join(out, 'lp.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[roster/no-roster]');
  });

  it('a unit, a person and a target the alliance does not know', () => {
    const first = gs.roster.people[0]!;
    const stranger = { ...first, id: undefined, name: '外院某', aliases: undefined, unit: '外地医院' };
    const roster = {
      ...gs.roster,
      people: [...gs.roster.people, stranger],
      assignments: [
        { person: '外院某', target: gs.roster.assignments[0]!.target, start: '2021-06-01' },
        { person: '无此人', target: gs.roster.assignments[0]!.target, start: '2021-06-01' },
        { person: first.name, target: '外地卫生院', start: '2021-06-01' },
      ],
    };
    const report = buildRosterReport({ alliance: gs.alliance, roster, resolveUnit: gs.resolveUnit });
    expect(report.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual([
      'roster/unknown-unit warning',
      'roster/unknown-person error',
      'roster/target-not-member warning',
    ]);
  });
});
