// Facts encoded from the seeds in this round that `check` already judges (docs/SEED-FACTS.md):
// as-of date → the exact findings for those facts, each row citing the seed sentence that makes
// the finding owed. Findings about other facts are left to their own tests.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

interface F {
  code: string;
  message: string;
  item?: number | string;
  quota?: string;
  period?: string;
  subject?: string;
  post?: string;
  unit?: string;
  units?: string[];
}

const runs = new Map<string, Promise<F[]>>(); // one CLI run per example and date
function findings(example: string, asOf: string): Promise<F[]> {
  const k = `${example}@${asOf}`;
  if (!runs.has(k))
    runs.set(k, runCli(['check', `examples/${example}`, '--as-of', asOf, '--format', 'json']).then((r) => (JSON.parse(r.stdout) as { findings: F[] }).findings));
  return runs.get(k)!;
}

const SX_MEMBERS_BUT_TAOYAN = [
  '越城区府山社区卫生服务中心',
  '越城区蕺山社区卫生服务中心',
  '越城区富盛社区卫生服务中心',
  '越城区北海社区卫生服务中心',
  '越城区稽山社区卫生服务中心',
  '新昌县中医院',
  '斗门卫生院',
];

interface Row {
  example: string;
  asOf: string;
  /** Which findings the row is about. */
  about: (f: F) => boolean;
  /** code, item or quota, subject or period — exactly these, nothing more. */
  expected: string[];
}

// a structural finding (no item) is about a unit, or the units it lists
const key = (f: F) =>
  [f.code, f.quota ?? f.post ?? (f.item !== undefined ? `item ${f.item}` : ''), f.subject ?? f.period ?? (f.item === undefined ? (f.unit ?? f.units?.join('、')) : undefined) ?? ''].join(' | ');

// 003 附件1/附件2: the township branches, each of which needs a 第一院长.
const GS_TOWNSHIPS = [
  ...['寨河镇', '晏河乡', '罗陈乡', '紫水办事处', '弦山办事处', '北向南乡', '仙居乡', '十里镇', '殷棚乡', '南向南乡', '文殊乡', '马畈镇', '大苏山森林公园管理区', '孙铁铺镇'].map((n) => `光山县人民医院${n}分院`),
  ...['泼河镇', '斛山乡', '白奎', '凉亭乡', '砖桥镇', '槐店乡'].map((n) => `光山县中医院${n}分院`),
];

const ROWS: Record<string, Row> = {
  // 000 三（二）4「每年每个基层医院至少确定一个重点需要扶持科室」: 2017 has not closed yet.
  'shaoxing 1+X, 2017-12-31: nothing owed yet': {
    example: 'shaoxing-tcm-2017',
    asOf: '2017-12-31',
    about: (f) => f.quota === 'key-departments',
    expected: [],
  },
  // 000 三（二）4 (same): 稽山 named no key department for 2017 (indicators.yaml).
  'shaoxing 1+X, 2018-01-05: 稽山 is short': {
    example: 'shaoxing-tcm-2017',
    asOf: '2018-01-05',
    about: (f) => f.quota === 'key-departments',
    expected: ['quota/below | key-departments | 绍兴市中医院医联体（双下沉）'],
  },
  // 000 清单第10项「接收各医联体（协作单位）医务人员免费进修学习三个月（2名/家）」: the 2017
  // checklist year is judged whole — 陶堰 trained 2, 斗门 1, the rest none.
  'shaoxing 2名/家, 2018-01-05: every member but 陶堰': {
    example: 'shaoxing-tcm-2017',
    asOf: '2018-01-05',
    about: (f) => f.quota === 'trainees',
    expected: SX_MEMBERS_BUT_TAOYAN.map((s) => `quota/below | trainees | ${s}`),
  },
  // 001 一「到2020年，区域医联体内部建立…分工协作机制」: due soon in late December 2020…
  'liangping 到2020年, 2020-12-25: due soon': {
    example: 'liangping-2018',
    asOf: '2020-12-25',
    about: (f) => f.item === 8,
    expected: ['deadline/due-soon | item 8 | '],
  },
  // …and overdue once 2020 is over (nothing marks it done).
  'liangping 到2020年, 2021-01-15: overdue': {
    example: 'liangping-2018',
    asOf: '2021-01-15',
    about: (f) => f.item === 8,
    expected: ['deadline/overdue | item 8 | '],
  },
  // 001 四（五）、五（一）、五（二）: the duties with no deadline stay listed as open.
  'liangping duties without a deadline, 2019-01-15: listed open': {
    example: 'liangping-2018',
    asOf: '2019-01-15',
    about: (f) => [9, 10, 11, 12].includes(Number(f.item)),
    expected: [9, 10, 11, 12].map((n) => `deadline/open | item ${n} | `),
  },
  // 004 七、2「龙头医院医务人员在晋升中、高级专业技术职务前，必须在基层医疗卫生机构工作至少半年」:
  // 张晓华 served 184 days at 牌楼 before becoming 副高 on 2024-12-01 (met); 李文静's planned
  // promotion on 2027-07-01 has 92 days arranged (roster.yaml, assumed) — a warning ahead of it…
  'jingmen 晋升前基层半年, 2024-12-20: the planned promotion is short': {
    example: 'jingmen-dongbao',
    asOf: '2024-12-20',
    about: (f) => f.code.startsWith('promotions/'),
    expected: ['promotions/planned-short | basic-service | 李文静'],
  },
  // …and an error once she has been promoted without the half year.
  'jingmen 晋升前基层半年, 2027-07-02: promoted short': {
    example: 'jingmen-dongbao',
    asOf: '2027-07-02',
    about: (f) => f.code.startsWith('promotions/'),
    expected: ['promotions/short-service | basic-service | 李文静'],
  },
  // 002 三（二）「每批次下派的专家达到“五个一”要求」and「下派期间专家帮助对方组织一次综合质量管理检查」:
  // owed by the batch's end. On 2017-10-08 the first batch (ends 10-17) still lacks items: due soon…
  'wuchuan 五个一 and the inspection, 2017-10-08: due soon': {
    example: 'wuchuan-2017',
    asOf: '2017-10-08',
    about: (f) => f.code.startsWith('deliverables/'),
    expected: ['deliverables/due-soon | five-ones | 第一批', 'deliverables/due-soon | quality-inspection | 第一批'],
  },
  // …once it has ended, only 俞晓东's 示范讲演一堂学术管理课 is missing (roster.yaml, assumed); the
  // later batches delivered everything. 三（二）5「对下派人员的履职情况和工作质量进行考核」: 章建平 of
  // 第三批 has no assessment recorded, owed a month after the batch ended (2018-11-02, assumed).
  'wuchuan 五个一, 2019-04-01: 第一批 still owes one lecture, 第三批 an assessment': {
    example: 'wuchuan-2017',
    asOf: '2019-04-01',
    about: (f) => f.code.startsWith('deliverables/'),
    expected: ['deliverables/missing | five-ones | 第一批', 'deliverables/missing | assessment | 第三批'],
  },
  // 三（二）5 (same): the assessment is not owed at the batch's end but a month after it — due soon
  // on 2018-10-25…
  'wuchuan 考核, 2018-10-25: 第三批 due soon': {
    example: 'wuchuan-2017',
    asOf: '2018-10-25',
    about: (f) => f.quota === 'assessment',
    expected: ['deliverables/due-soon | assessment | 第三批'],
  },
  // 000 三（二）8「对下派人员的出勤情况和工作质量进行考核」: three of four experts were assessed in
  // January 2018 (roster.yaml, assumed); 宣佳敏 is due soon on 20 January, missing from 1 February.
  'shaoxing 考核, 2017-12-31: nothing owed yet': {
    example: 'shaoxing-tcm-2017',
    asOf: '2017-12-31',
    about: (f) => f.quota === 'assessment',
    expected: [],
  },
  'shaoxing 考核, 2018-01-20: due soon': {
    example: 'shaoxing-tcm-2017',
    asOf: '2018-01-20',
    about: (f) => f.quota === 'assessment',
    expected: ['deliverables/due-soon | assessment | 2017-06-01'],
  },
  'shaoxing 考核, 2018-02-01: 宣佳敏 has none': {
    example: 'shaoxing-tcm-2017',
    asOf: '2018-02-01',
    about: (f) => f.quota === 'assessment',
    expected: ['deliverables/missing | assessment | 2017-06-01'],
  },
  // 004 七、6「100%的社区卫生服务站、80%的村卫生室能规范熟练开展4类6项以上中医药适宜技术服务」: the
  // facilities listed (alliance.yaml, assumed) meet both shares — 2/2 stations, 12/14 clinics.
  'jingmen 4类6项 shares, 2025-01-02: both met': {
    example: 'jingmen-dongbao',
    asOf: '2025-01-02',
    about: (f) => f.code.startsWith('facilities/'),
    expected: [],
  },
  // 000 清单第11项「统筹安排晋升前下乡人员」: 钱慧芳 (正高, 2018-12-01) went down to 府山 in 2017: nothing owed.
  'shaoxing 晋升前下乡, 2019-01-02: served before the promotion': {
    example: 'shaoxing-tcm-2017',
    asOf: '2019-01-02',
    about: (f) => f.code.startsWith('promotions/'),
    expected: [],
  },
  // 001 四（六）「全区所有贫困人口纳入签约范围」: a district figure (indicators.yaml, alliance:, assumed);
  // the year 2018 has not closed on 31 December…
  'liangping 全区贫困人口签约, 2018-12-31: nothing owed yet': {
    example: 'liangping-2018',
    asOf: '2018-12-31',
    about: (f) => f.quota === 'poor-signed',
    expected: [],
  },
  // …then 21107 of 21386 signed is below 100%.
  'liangping 全区贫困人口签约, 2019-01-02: below 100%': {
    example: 'liangping-2018',
    asOf: '2019-01-02',
    about: (f) => f.quota === 'poor-signed',
    expected: ['quota/below | poor-signed | 梁平区医疗联合体（区人民医院医联体、区中医医院医联体）'],
  },
  // 003 一（一）「基层就诊比例逐年提升」: 2021's county share (59.5%) is above 2020's (57.0%)…
  'guangshan 逐年提升, 2022-01-02: 2021 rose': {
    example: 'guangshan-2021',
    asOf: '2022-01-02',
    about: (f) => f.quota === 'basic-visit-share',
    expected: [],
  },
  // …and 2022 (the cycle's last months) has no figure yet: cannot judge, never a pass.
  'guangshan 逐年提升, 2023-01-02: no 2022 figure': {
    example: 'guangshan-2021',
    asOf: '2023-01-02',
    about: (f) => f.quota === 'basic-visit-share',
    expected: ['quota/no-data | basic-visit-share | 2022'],
  },
  // 003 四 1「下沉期间，门诊服务人次及住院服务人次较上年同期有合理增长」: judged once the cycle has
  // closed (2022-04-30); 晏河's inpatients fell (indicators.yaml, assumed), a warning, as 合理增长
  // gives no number.
  'guangshan 较上年同期增长, 2022-04-15: cycle still open': {
    example: 'guangshan-2021',
    asOf: '2022-04-15',
    about: (f) => f.quota === 'outpatient-growth' || f.quota === 'inpatient-growth',
    expected: [],
  },
  'guangshan 较上年同期增长, 2022-05-20: 晏河 inpatients fell': {
    example: 'guangshan-2021',
    asOf: '2022-05-20',
    about: (f) => f.quota === 'outpatient-growth' || f.quota === 'inpatient-growth',
    expected: ['quota/not-rising | inpatient-growth | 光山县人民医院晏河乡分院'],
  },
  // 001 三 1「成立区级医院主要领导为组长、分管领导及各成员单位负责人为副组长的医联体建设工作领导小组」:
  // each 领导小组 has a 副组长 from its own hospital and from each of the 17 units it leads.
  'liangping 副组长 from each unit, 2018-10-20: both groups complete': {
    example: 'liangping-2018',
    asOf: '2018-10-20',
    about: (f) => f.code.startsWith('group-composition/'),
    expected: [],
  },
  // 004 五（一）「理事由医疗集团各成员单位及区卫健局相关负责人担任」「医疗集团各成员单位及区卫健局相关领导为
  // 医疗集团监事」: the board and the supervisory board each seat someone from all 15 units (names assumed).
  'jingmen 理事 and 监事 from each unit, 2024-06-01: both boards complete': {
    example: 'jingmen-dongbao',
    asOf: '2024-06-01',
    about: (f) => f.code.startsWith('group-composition/'),
    expected: [],
  },
  // 003 五（二）「主导责任科室主任任分包乡镇卫生院第一院长」: neither the text nor the annexes say who, so each
  // of the 20 township branches is named (the 县妇幼保健院 is not a 乡镇卫生院). 六（二）「明确支援和受援
  // 单位主要领导为共同第一责任人」: every unit holds a 主要领导 placeholder (assumed), so nothing is owed.
  'guangshan 第一院长 and 第一责任人, 2021-07-01: no 第一院长 named anywhere': {
    example: 'guangshan-2021',
    asOf: '2021-07-01',
    about: (f) => f.code.startsWith('unit-posts/'),
    expected: GS_TOWNSHIPS.map((u) => `unit-posts/empty | 第一院长 | ${u}`),
  },
  // 000 三（二）4「总院重点科室与成员单位形成一对一的对接关系，并明确联络人」: no file says which department
  // pairs with which unit, so all eight members are named in one finding.
  'shaoxing 一对一对接, 2017-06-30: no unit paired yet': {
    example: 'shaoxing-tcm-2017',
    asOf: '2017-06-30',
    about: (f) => f.code.startsWith('partners/'),
    expected: [`partners/unpaired |  | 越城区陶堰社区卫生服务中心、${SX_MEMBERS_BUT_TAOYAN.join('、')}`],
  },
  // 002 三（二）3「医院重点派出科室与务川自治县中医院对接科室形成一对一的扶持关系」: three pairs (assumed,
  // from the experts' departments), one-to-one on both sides.
  'wuchuan 科室一对一, 2018-12-31: one-to-one': {
    example: 'wuchuan-2017',
    asOf: '2018-12-31',
    about: (f) => f.code.startsWith('partners/'),
    expected: [],
  },
};

describe('seed facts encoded in this round, as check judges them', () => {
  for (const [name, row] of Object.entries(ROWS))
    it(name, async () => {
      const got = (await findings(row.example, row.asOf)).filter(row.about).map(key);
      expect(got.sort()).toEqual([...row.expected].sort());
    });
});
