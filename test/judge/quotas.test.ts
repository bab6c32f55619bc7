// The quota judgement (judge/quotas.ts): each rule × period is closed, open or not yet owed; a
// subject in a closed period is satisfied or short, in the open one it shows what is measured so
// far and what is still needed; a period without data or calendar says so; evidence names the
// files. And calendar/gap is raised once per missing year, at the first quota that needed it,
// even when check's --within in working days needs the same year.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { judgeQuotas, quotaHorizon } from '../../src/judge/quotas.js';
import { captureIo } from '../helpers/io.js';
import { dedent, loadInline } from '../helpers/test-rule.js';

const ALLIANCE = `
  kind: Alliance
  id: gs
  name: 光山县医疗服务集团
  type: 医共体
  cycle: { start: 2021-05-01, end: 2022-04-30 }
  units:
    - { id: gs-rmyy, name: 光山县人民医院, role: lead, level: county }
    - { id: zhaihe, name: 寨河镇分院, aliases: [寨河], role: member, level: township, lead: gs-rmyy }
    - { id: pohe, name: 泼河镇分院, aliases: [泼河], role: member, level: township, lead: gs-rmyy }
`;
const ROSTER = `
  kind: Roster
  alliance: gs
  people:
    - { name: 甲, unit: 光山县人民医院, title: 主治医师 }
    - { name: 乙, unit: 光山县人民医院, title: 住院医师 }
  assignments:
    - { person: 甲, target: 寨河, start: 2021-05-01, end: 2022-04-30 }
    - { person: 乙, target: 泼河, start: 2021-05-01, end: 2022-04-30 }
`;
const QUOTAS = `
  kind: Quotas
  alliance: gs
  rules:
    - { id: onsite-days, text: 每月下沉值诊带教不少于4个工作日, each: person, per: month, measure: workdays, activities: [门诊], min: 4 }
`;
const days = (who: string, unit: string, ds: string[]) => ds.map((d) => `    - { date: ${d}, person: ${who}, unit: ${unit}, type: 门诊 }`).join('\n');
const log = (month: string, entries: string) => `
  kind: ActivityLog
  alliance: gs
  month: ${month}
  entries:
${entries}
`;
const FILES = {
  'alliance.yaml': ALLIANCE,
  'roster.yaml': ROSTER,
  'quotas.yaml': QUOTAS,
  'log-06.yaml': log('2021-06', days('甲', '寨河', ['2021-06-01', '2021-06-02', '2021-06-03', '2021-06-04']) + '\n' + days('乙', '泼河', ['2021-06-01'])),
  'log-07.yaml': log('2021-07', days('甲', '寨河', ['2021-07-01', '2021-07-02'])),
};

describe('quota periods as judgements', () => {
  const { workspace } = loadInline(FILES);
  const v = judgeQuotas(workspace, '2021-07-15');
  const byKey = new Map(v.periods.map((p) => [p.period.key, p]));

  it('enumerates the periods from the cycle start to 12 months ahead, within the cycle', () => {
    expect(quotaHorizon('2021-07-15')).toBe('2022-07-31');
    expect(quotaHorizon('2024-01-31')).toBe('2025-01-31');
    expect([...byKey.keys()]).toEqual(['2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04']);
    expect(v.periods.map((p) => p.time).join(' ')).toBe(['closed', 'closed', 'open', ...Array(9).fill('not-yet-owed')].join(' '));
  });

  it('a closed month without a log cannot be judged: no data, nobody judged', () => {
    expect(byKey.get('2021-05')).toMatchObject({ time: 'closed', subjects: [], noData: ['no-log'] });
  });

  it('a closed month: satisfied and short, with the measured and required values and the evidence', () => {
    const june = byKey.get('2021-06')!;
    expect(june.subjects.map((j) => [j.subject, j.state, j.value, j.required])).toEqual([
      ['甲', 'satisfied', 4, 4],
      ['乙', 'short', 1, 4],
    ]);
    expect(june.subjects[1]!.evidence).toEqual({ source: 'ActivityLog', records: 1, files: ['log-06.yaml'] });
  });

  it('the open month shows what is measured so far and what is still needed; later months are not yet owed', () => {
    const july = byKey.get('2021-07')!;
    expect(july.subjects.map((j) => [j.subject, j.state, j.value, j.stillNeeded])).toEqual([
      ['甲', 'open', 2, 2],
      ['乙', 'open', 0, 4],
    ]);
    expect(byKey.get('2021-08')!.subjects).toEqual([]);
  });

  it('a person posted part of a month is held to a prorated requirement', () => {
    const { workspace: ws } = loadInline({ ...FILES, 'roster.yaml': ROSTER.replace('start: 2021-05-01, end: 2022-04-30 }\n    - { person: 乙', 'start: 2021-06-16, end: 2022-04-30 }\n    - { person: 乙') });
    const june = judgeQuotas(ws, '2021-07-15').periods.find((p) => p.period.key === '2021-06')!;
    const jia = june.subjects.find((j) => j.subject === '甲')!;
    // 2021-06 has 21 working days (端午 06-14); 06-16..06-30 has 11: 4 × 11/21 → 2
    expect([jia.prorated, jia.pro?.wa, jia.pro?.wp, jia.required, jia.value, jia.state]).toEqual([true, 11, 21, 2, 0, 'short']);
  });
});

describe('calendar/gap is raised once', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  const in2030 = (s: string) => s.replace(/2021-05-01/g, '2030-01-01').replace(/2022-04-30/g, '2030-12-31');

  it('one finding for the missing year, at the first quota that needs it, with --within in working days too', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yilian-gap-'));
    dirs.push(dir);
    const files: Record<string, string> = {
      'alliance.yaml': in2030(ALLIANCE),
      'roster.yaml': in2030(ROSTER),
      // two rules need working days in 2030
      'quotas.yaml': QUOTAS + '    - { id: teaching, text: 每月带教不少于2个工作日, each: person, per: month, measure: workdays, activities: [门诊], min: 2 }\n',
      'log.yaml': log('2030-01', days('甲', '寨河', ['2030-01-07'])),
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), dedent(text));
    for (const within of ['14d', '5wd']) {
      const c = captureIo();
      await main(['node', 'yilian', 'check', dir, '--as-of', '2030-02-01', '--within', within, '--format', 'json'], c.io);
      const gaps = (JSON.parse(c.out.join('')) as { findings: { code: string; file?: string; line?: number; data?: { year?: number; quota?: string } }[] }).findings.filter((f) => f.code === 'calendar/gap');
      expect(gaps, `--within ${within}`).toHaveLength(1);
      expect(gaps[0]).toMatchObject({ file: 'quotas.yaml', line: 4 });
      expect(c.out.join('')).toContain('2030年没有官方工作日历');
    }
  });
});
