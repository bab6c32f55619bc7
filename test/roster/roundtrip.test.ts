// roster → xlsx → import gives back an equal Roster, for every example that has one.
import { describe, expect, it } from 'vitest';
import { buildRosterReport } from '../../src/reports/roster.js';
import { renderRosterXlsx } from '../../src/render/xlsx-roster.js';
import { readGrid } from '../../src/io/xlsx-read.js';
import { importRoster } from '../../src/import/roster.js';
import { rosterSchema } from '../../src/model/kinds.js';
import { parse } from 'yaml';
import { loadRosterExamples, projection } from './helpers.js';

describe('round trip', async () => {
  const examples = await loadRosterExamples();
  it('finds examples with a roster', () => expect(examples.length).toBeGreaterThanOrEqual(2));
  for (const ex of examples)
    it(`${ex.dir}: roster → xlsx → import`, async () => {
      const report = buildRosterReport({ alliance: ex.alliance, roster: ex.roster, resolveUnit: ex.resolveUnit });
      const xlsx = await renderRosterXlsx(report);
      const res = importRoster(await readGrid(xlsx, { file: 'roster.xlsx' }), { resolveUnit: ex.resolveUnit, alliance: ex.alliance.id });
      expect(res.problems.filter((p) => p.severity !== 'info')).toEqual([]);
      expect(projection(res.roster, ex.resolveUnit)).toEqual(projection(ex.roster, ex.resolveUnit));
      // and the YAML text says the same
      const fromYaml = rosterSchema.parse(parse(res.yaml));
      expect(projection(fromYaml, ex.resolveUnit)).toEqual(projection(ex.roster, ex.resolveUnit));
    });

  it('keeps open-ended postings, posts, batches and people without a posting', async () => {
    const ex = examples[0]!;
    const roster = {
      ...ex.roster,
      people: [...ex.roster.people, { name: '待派人员', unit: ex.roster.people[0]!.unit, title: '主治医师' }],
      assignments: ex.roster.assignments.map((a, i) => (i === 0 ? { ...a, end: undefined, post: '第一院长', batch: '第一批' } : a)),
    };
    const xlsx = await renderRosterXlsx(buildRosterReport({ alliance: ex.alliance, roster, resolveUnit: ex.resolveUnit }));
    const res = importRoster(await readGrid(xlsx), { resolveUnit: ex.resolveUnit });
    expect(projection(res.roster, ex.resolveUnit)).toEqual(projection(roster, ex.resolveUnit));
  });
});
