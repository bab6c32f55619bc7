// Inline workspaces for the subsidy tests: units, people and policies as plain objects.
import { subsidyPolicySchema, type ActivityEntry, type Person, type SubsidyPolicy, type Unit } from '../../src/model/kinds.js';
import { computeSubsidy, type SubsidyInput } from '../../src/money/subsidy.js';

export const UNITS: Unit[] = [
  { id: 'lead', name: '县人民医院', role: 'lead' },
  { id: 'a', name: '甲镇卫生院', aliases: ['甲镇'], role: 'member' },
  { id: 'b', name: '乙镇卫生院', aliases: ['乙镇'], role: 'member' },
];

export const PEOPLE: Person[] = [
  { name: '张正高', unit: '县人民医院', title: '主任医师' },
  { name: '李副高', unit: '县人民医院', title: '副主任中医师' },
  { name: '王中级', unit: '县人民医院', title: '主治医师' },
  { name: '赵执业', unit: '县人民医院', title: '中医执业医师' }, // a qualification, not a title: grade unknown
];

export function policy(p: Record<string, unknown>): SubsidyPolicy {
  return subsidyPolicySchema.parse({ kind: 'SubsidyPolicy', ...p });
}

/** The shape of 绍市中医〔2017〕39号 三(二)8. */
export const POLICY = policy({
  id: 'p2021',
  basis: '某卫〔2021〕1号',
  effective: '2021-01-01',
  rates: [
    { activities: ['查房', '门诊', '会诊'], grade: '正高', amount: 250, per: 'halfDay', payer: 'host' },
    { activities: ['查房', '门诊', '会诊'], grade: '副高', amount: 200, per: 'halfDay', payer: 'host' },
    { activities: ['讲座'], grade: '正高', amount: 500, per: 'session', payer: 'host' },
    { activities: ['讲座'], amount: 100, per: 'session', payer: 'host' }, // any other grade
    { activities: ['手术示教'], amount: 300, per: 'day', payer: 'lead' },
  ],
  allowances: [{ name: '交通补贴', amount: 100, per: 'trip', payer: 'lead' }],
});

export function entry(date: string, person: string, unit: string, type: string, halfDays?: number): ActivityEntry {
  return { date, person, unit, type: type as ActivityEntry['type'], ...(halfDays ? { halfDays } : {}) };
}

const byRef = <T extends { name: string; id?: string; aliases?: string[] }>(xs: T[]) => (ref: string) =>
  xs.find((x) => x.name === ref || x.id === ref || x.aliases?.includes(ref));

export function compute(entries: ActivityEntry[], opts: Partial<SubsidyInput> = {}) {
  return computeSubsidy({
    month: '2021-06',
    policies: [POLICY],
    entries,
    resolvePerson: byRef(PEOPLE),
    resolveUnit: byRef(UNITS),
    alliance: { id: 'x', name: '某县医共体', units: UNITS },
    ...opts,
  });
}

export const payerTotal = (r: ReturnType<typeof compute>, name: string) => r.payers.find((p) => p.payer.name === name)?.totalFen;
export const item = (row: { items: { item: string; amountFen: number }[] }, name: string) => row.items.find((i) => i.item === name)?.amountFen ?? 0;
