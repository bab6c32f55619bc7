// The starter workspace `yilian init` writes: small, commented, and clean under `check` on the
// day it is written. Every date is relative to that day (a parameter, so this stays pure and
// testable; the command passes today in China or --as-of): the cycle begins on the 1st of this
// month, item 1 is done today, the quarterly meeting is held today, item 3 is due at the end of
// next month. So a fresh starter shows no errors; what check reports later is real, not a demo.
import { addDays, isoDate, parseIso } from '../time/dates.js';

const schema = (kind: string) => `# yaml-language-server: $schema=./schemas/${kind}.schema.json\n`;

/** The starter's plan files, with dates relative to `today` (YYYY-MM-DD). */
export function starterFiles(today: string): Record<string, string> {
  const { y, m } = parseIso(today);
  const start = isoDate(y, m, 1);
  const end = addDays(isoDate(y + 1, m, 1), -1);
  const issued = addDays(start, -1);
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  const dated = `# 本示例的日期以创建当天（${today}）为准，当天运行 yilian check 没有错误。\n`;
  return {
    'alliance.yaml': `${schema('alliance')}# 医联体基本信息：成员单位、领导小组。修改后运行 yilian validate 检查。
${dated}kind: Alliance
version: 1
id: my-alliance            # 编号：英文字母、数字和连字符
name: 示例县医疗服务集团
type: 医共体               # 医联体 | 医共体 | 城市医疗集团 | 对口帮扶 | 专科联盟 | 远程医疗协作网
document:                  # 成立文件
  number: 示例医管委办[${y}] 1号
  title: 示例县医疗服务集团优质资源下沉实施方案
  issued: ${issued}
cycle: { start: ${start}, end: ${end} }   # 建设周期 / 下沉周期
units:
  - { id: county-hosp, name: 示例县人民医院, role: lead, level: county,
      departments: [医务科, 护理部, 财务科, 办公室] }
  - id: town-a
    name: 示例县人民医院甲镇分院
    aliases: [甲镇]          # 其他写法，引用时可用
    role: member
    level: township
    lead: county-hosp
    staff: { professional: 40 }   # 专技人数，用于进修比例指标
groups:
  - id: leading
    name: 优质资源下沉工作领导小组
    type: leadership
    members:
      - { name: 张三, role: 组长, post: 院长 }
      - { name: 李四, role: 副组长 }
      - { name: 王五, role: 成员 }
    rules:                   # 构成要求，validate 会检查
      - { role: 组长, count: 1 }
      - { role: 副组长, min: 1 }
`,
    'workplan.yaml': `${schema('workplan')}# 年度工作计划清单。due 可写：4月底、6月中旬、第三季度、年底、全年、每季度、每年3月和9月、择时实施…
${dated}# 完成一项就写 done: 完成日期；周期性事项每开一次会就在 held 里加上日期，否则期满后 check 会报“漏期”。
kind: WorkPlan
version: 1
alliance: my-alliance
year: ${y}
items:
  - no: 1
    task: 制订年度帮扶计划。
    due: ${m}月底
    lead: 医务科              # 牵头科室
    support: [办公室]         # 配合科室
    done: ${today}           # 完成日期
  - no: 2
    task: 每季度召开一次工作协调会。
    due: 每季度
    lead: 办公室
    held: [${today}]         # 已召开的日期，每开一次加一个
  - no: 3
    task: 完成首批下沉人员中期考核。
    due: ${ny}年${nm}月底
    lead: 医务科
`,
    'roster.yaml': `${schema('roster')}# 下派人员名单。电话号码请加引号。
kind: Roster
version: 1
alliance: my-alliance
people:
  - { name: 赵医生, gender: 男, unit: 示例县人民医院, specialty: 内科, title: 主治医师, phone: "13800000001" }
assignments:
  - { person: 赵医生, target: 甲镇, start: ${start}, end: ${end}, post: 第一院长 }
`,
    'quotas.yaml': `${schema('quotas')}# 考核指标。每月结束后，check 按下沉工作记录（ActivityLog）检查上个月；
# 没有记录时提示“缺数据”。记录的写法见 docs/FORMAT.md（ActivityLog），也可用 yilian import activity 从签到表导入。
kind: Quotas
version: 1
alliance: my-alliance
rules:
  - { id: onsite-days, text: 每月下沉值诊带教不少于4个工作日, each: person, per: month,
      measure: workdays, activities: [门诊, 查房, 带教], min: 4 }
`,
  };
}
