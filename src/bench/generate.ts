// A seeded province-scale workspace for `npm run bench` (DESIGN.md, Scale): ~100 alliances,
// ~5,000 units, ~5,000 dispatched people, ~500,000 activity entries in one log, written either
// as CSV or as YAML in the form `yilian import activity` writes (one flow map per line, the
// source row in a comment). Deterministic: the same scale gives the same files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { comment, flowMap } from '../import/common.js';
import { addDays, weekday } from '../time/dates.js';

/** Mulberry32: small, seeded, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchScale {
  alliances: number;
  unitsPerAlliance: number;
  peoplePerAlliance: number;
  entriesPerPerson: number;
}

export const FULL_SCALE: BenchScale = { alliances: 100, unitsPerAlliance: 50, peoplePerAlliance: 50, entriesPerPerson: 100 };

const TYPES = ['门诊', '查房', '带教', '培训', '会诊', '讲座'];
const TITLES = ['主任医师', '副主任医师', '主治医师', '住院医师', '主管护师'];

export type LogFormat = 'csv' | 'yaml';

/** The log's text: a CSV with Chinese headers, or YAML as `import activity` writes it. */
function logText(rows: { date: string; person: string; unit: string; type: string; halfDays: number }[], format: LogFormat): string {
  if (format === 'csv') return ['日期,人员,单位,类型,半天数', ...rows.map((r) => `${r.date},${r.person},${r.unit},${r.type},${r.halfDays}`)].join('\n') + '\n';
  const out = [`# 下沉工作记录 — 由 yilian import activity 从 activity.xlsx 导入（${rows.length} 条）。行尾注释写明来源行。`, 'kind: ActivityLog', 'version: 1', 'entries:'];
  rows.forEach((r, i) => out.push(`  - ${flowMap({ ...r })}  # ${comment(`第${i + 2}行`)}`));
  return out.join('\n') + '\n';
}

export async function generate(dir: string, scale: BenchScale, format: LogFormat = 'csv', seed = 20210501): Promise<{ files: number; entries: number; logBytes: number }> {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  await mkdir(path.join(dir, 'activity'), { recursive: true });
  let files = 0;
  const log: Parameters<typeof logText>[0] = [];
  // Working days of 2021 that a log may use (weekdays; the calendar decides the rest).
  const days: string[] = [];
  for (let d = '2021-01-04'; d <= '2021-12-31'; d = addDays(d, 1)) if (weekday(d) >= 1 && weekday(d) <= 5) days.push(d);
  for (let a = 0; a < scale.alliances; a++) {
    const id = `a${String(a).padStart(3, '0')}`;
    const leads = [`${id}-lead1`, `${id}-lead2`];
    const members: string[] = [];
    const units: string[] = [
      `  - { id: ${leads[0]}, name: 第${a}县人民医院, role: lead, level: county }`,
      `  - { id: ${leads[1]}, name: 第${a}县中医院, role: lead, level: county }`,
    ];
    for (let u = 2; u < scale.unitsPerAlliance; u++) {
      const uid = `${id}-u${u}`;
      members.push(uid);
      units.push(`  - { id: ${uid}, name: 第${a}县第${u}乡镇卫生院, role: member, level: township, lead: ${leads[u % 2]}, staff: { professional: ${20 + Math.floor(rand() * 60)} } }`);
    }
    await writeFile(
      path.join(dir, `${id}-alliance.yaml`),
      `kind: Alliance\nversion: 1\nid: ${id}\nname: 第${a}县医疗服务集团\ntype: 医共体\ncycle: { start: 2021-01-01, end: 2021-12-31 }\nunits:\n${units.join('\n')}\n` +
        `groups:\n  - id: leading\n    name: 领导小组\n    type: leadership\n    members:\n      - { name: 组长${a}, role: 组长 }\n      - { name: 副组长${a}, role: 副组长 }\n    rules: [ { role: 组长, count: 1 } ]\n`,
    );
    const people: string[] = [];
    const assignments: string[] = [];
    const personUnit: string[] = [];
    for (let p = 0; p < scale.peoplePerAlliance; p++) {
      const name = `医${a}-${p}`;
      const target = members[p % members.length]!;
      personUnit.push(target);
      people.push(`  - { name: ${name}, gender: ${p % 2 ? '男' : '女'}, unit: ${leads[p % 2]}, specialty: 内科, title: ${pick(TITLES)}, phone: "138${String(a * 1000 + p).padStart(8, '0')}" }`);
      assignments.push(`  - { person: ${name}, target: ${target}, start: 2021-01-01, end: 2021-12-31 }`);
    }
    await writeFile(path.join(dir, `${id}-roster.yaml`), `kind: Roster\nversion: 1\nalliance: ${id}\npeople:\n${people.join('\n')}\nassignments:\n${assignments.join('\n')}\n`);
    const items: string[] = [];
    for (let i = 1; i <= 20; i++)
      items.push(`  - { no: ${i}, task: 工作事项${i}, due: ${pick(['4月底', '6月底', '年底', '每季度', '全年', '择时实施'])}, lead: 医务科${rand() < 0.5 ? `, done: 2021-0${1 + Math.floor(rand() * 9)}-15` : ''} }`);
    await writeFile(path.join(dir, `${id}-workplan.yaml`), `kind: WorkPlan\nversion: 1\nalliance: ${id}\nyear: 2021\nitems:\n${items.join('\n')}\n`);
    await writeFile(
      path.join(dir, `${id}-quotas.yaml`),
      `kind: Quotas\nversion: 1\nalliance: ${id}\nrules:\n  - { id: onsite-days, text: 每月下沉值诊带教不少于4个工作日, each: person, per: month, measure: workdays, activities: [门诊, 查房, 带教], min: 4 }\n  - { id: monthly-training, text: 技能培训每月不少于1次, each: person, per: month, measure: count, activities: [培训], min: 1 }\n`,
    );
    await writeFile(
      path.join(dir, `${id}-subsidy.yaml`),
      `kind: SubsidyPolicy\nversion: 1\nid: ${id}-2021\nalliance: ${id}\neffective: 2021-01-01\nrates:\n  - { activities: [查房, 门诊, 会诊], grade: 正高, amount: 250, per: halfDay, payer: host }\n  - { activities: [查房, 门诊, 会诊], grade: 副高, amount: 200, per: halfDay, payer: host }\n  - { activities: [查房, 门诊, 会诊, 带教], grade: 中级, amount: 100, per: halfDay, payer: host }\nallowances:\n  - { name: 交通补贴, amount: 100, per: trip, payer: lead }\n`,
    );
    for (let p = 0; p < scale.peoplePerAlliance; p++)
      for (let e = 0; e < scale.entriesPerPerson; e++)
        log.push({ date: pick(days), person: `医${a}-${p}`, unit: personUnit[p]!, type: pick(TYPES), halfDays: 1 + Math.floor(rand() * 2) });
    files += 5;
  }
  // One log for the province: the shape that outgrew the size limit and the heap (issue 9).
  const text = logText(log, format);
  await writeFile(path.join(dir, 'activity', `activity.${format}`), text);
  return { files: files + 1, entries: log.length, logBytes: Buffer.byteLength(text) };
}
