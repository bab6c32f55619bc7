// A seeded province-scale workspace for `npm run bench` (DESIGN.md, Scale): ~100 alliances,
// ~5,000 units, ~5,000 dispatched people, ~500,000 activity entries (CSV, the format meant for
// large logs). Deterministic: the same scale gives the same files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

export async function generate(dir: string, scale: BenchScale, seed = 20210501): Promise<{ files: number; entries: number }> {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  await mkdir(path.join(dir, 'activity'), { recursive: true });
  let files = 0;
  let entries = 0;
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
    const rows = ['日期,人员,单位,类型,半天数'];
    for (let p = 0; p < scale.peoplePerAlliance; p++)
      for (let e = 0; e < scale.entriesPerPerson; e++) {
        rows.push(`${pick(days)},医${a}-${p},${personUnit[p]},${pick(TYPES)},${1 + Math.floor(rand() * 2)}`);
        entries++;
      }
    await writeFile(path.join(dir, 'activity', `${id}-activity.csv`), rows.join('\n') + '\n');
    files += 6;
  }
  return { files, entries };
}
