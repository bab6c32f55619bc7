// The starter workspace `yilian init` writes: small, commented, and clean under `validate`.
const schema = (kind: string) => `# yaml-language-server: $schema=./schemas/${kind}.schema.json\n`;

export const STARTER_FILES: Record<string, string> = {
  'alliance.yaml': `${schema('alliance')}# 医联体基本信息：成员单位、领导小组。修改后运行 yilian validate 检查。
kind: Alliance
version: 1
id: my-alliance            # 编号：英文字母、数字和连字符
name: 示例县医疗服务集团
type: 医共体               # 医联体 | 医共体 | 城市医疗集团 | 对口帮扶 | 专科联盟 | 远程医疗协作网
document:                  # 成立文件
  number: 示例医管委办[2025] 1号
  title: 示例县医疗服务集团优质资源下沉实施方案
  issued: 2025-04-30
cycle: { start: 2025-05-01, end: 2026-04-30 }   # 建设周期 / 下沉周期
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
kind: WorkPlan
version: 1
alliance: my-alliance
year: 2025
items:
  - no: 1
    task: 制订年度帮扶计划。
    due: 5月底
    lead: 医务科              # 牵头科室
    support: [办公室]         # 配合科室
  - no: 2
    task: 每季度召开一次工作协调会。
    due: 每季度
    lead: 办公室
    held: []                 # 已召开的日期，如 [2025-06-20]
`,
  'roster.yaml': `${schema('roster')}# 下派人员名单。电话号码请加引号。
kind: Roster
version: 1
alliance: my-alliance
people:
  - { name: 赵医生, gender: 男, unit: 示例县人民医院, specialty: 内科, title: 主治医师, phone: "13800000001" }
assignments:
  - { person: 赵医生, target: 甲镇, start: 2025-05-01, end: 2026-04-30, post: 第一院长 }
`,
  'quotas.yaml': `${schema('quotas')}# 考核指标。
kind: Quotas
version: 1
alliance: my-alliance
rules:
  - { id: onsite-days, text: 每月下沉值诊带教不少于4个工作日, each: person, per: month,
      measure: workdays, activities: [门诊, 查房, 带教], min: 4 }
`,
};
