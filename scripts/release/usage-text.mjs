// 使用说明.txt for the clerks' zip (written with a UTF-8 BOM and CRLF by release.mjs, so the
// Notepad of Windows 7/8-era offices reads it too). The Calendar template comes from the same
// function as the calendar/gap hint, so the two never disagree.
import { calendarTemplate, lastOfficialYear } from '../../dist/time/calendar.js';

export function usageText(version) {
  const next = lastOfficialYear() + 1;
  return `yilian 医联 ${version} 使用说明

需要 Windows 10 或更高版本（64 位）。在 Windows 7、8 上 yilian.exe 无法启动（在 yilian 运行之前
系统就会报错），请换一台 Windows 10 或 11 的电脑。不需要安装 Node.js 或其他软件。

一、开始
1. 解压：在下载的 zip 上点右键 →「全部解压缩」。不要在压缩包里直接双击运行。
2. 把放计划文件（.yaml）的文件夹拖到 yilian.exe 的图标上，松开鼠标。
   yilian 按今天的日期检查这些计划文件，在窗口里列出逾期、即将到期、漏期、指标未达标的事项，
   并在这个文件夹里写一份进展报告「进展报告-日期.html」（用浏览器或 WPS 打开，可直接打印）。
   同一天再拖一次会写「进展报告-日期-2.html」，以前的报告不会被覆盖。
   计划文件有错误时，窗口里列出每个错误的位置（文件:行:列）和改法，不写报告。
   看完后按任意键关闭窗口。
3. 双击 yilian.exe 会显示这段用法。
4. examples 文件夹里有 5 套示例（光山、绍兴、务川、梁平、荆门），可以先拖一个试试。

二、第一次运行时 Windows 提示「Windows 已保护你的电脑」
yilian.exe 没有数字签名，Windows SmartScreen 第一次运行时会显示这个蓝色窗口。
点「更多信息」，再点「仍要运行」即可。以后不会再问。

三、在命令提示符（cmd）或 PowerShell 里使用
  yilian.exe check D:\\计划 --as-of 2021-07-01          按日期检查
  yilian.exe roster D:\\计划 -o D:\\计划\\名单.xlsx       下派人员名单
  yilian.exe subsidy D:\\计划 --month 2021-06 -o 发放表.xlsx
  yilian.exe report D:\\计划 -o 进展报告.xlsx
  yilian.exe --help                                     全部命令
路径可以写反斜杠和盘符（D:\\计划\\roster.yaml）；含空格的路径请加英文双引号。
窗口里的提示按你写的样子显示路径（D:\\计划\\roster.yaml:45:28）；--format json/sarif 的结果里
路径是相对于计划文件夹、用 / 分隔的（roster.yaml），便于在不同电脑之间比较。

中文显示：Windows 10/11 的 cmd 和 PowerShell 窗口都能正常显示中文。
把结果重定向到文件时：
  - cmd：yilian.exe check D:\\计划 > 结果.txt 写出的是 UTF-8 编码、没有 BOM 的文本。
    Windows 10（1903 以后）的记事本、WPS 能正常打开；Excel 直接打开会乱码，请用「数据 → 自文本/CSV」
    并选 UTF-8。
  - Windows PowerShell 5.1：重定向会把输出按系统代码页（GBK）重新编码，中文会变成乱码。
    请先运行  [Console]::OutputEncoding = [Text.Encoding]::UTF8  再重定向（得到带 BOM 的 UTF-16
    文件），或改用 cmd，或用 -o 让 yilian 自己写文件。PowerShell 7.4 以后原样保留 UTF-8。
名单、发放表、报告请用 -o 写文件，不要用重定向。

四、「请先在 WPS/Excel 中关闭该文件」
要写的 xlsx 正在 WPS 或 Excel 中打开时，Windows 不允许替换它。关闭该文件后再运行一次即可。
已存在的文件不会被覆盖，除非加 --force。

五、新一年的节假日：日历（Calendar）
yilian 自带国务院办公厅公布的放假安排（含调休上班日），目前到 ${next - 1} 年为止。
从 ${next} 年 1 月起，凡是按工作日计算的检查（如「每月下沉不少于4个工作日」）都会报
「缺日历」（calendar/gap），而不是按周一到周五猜——猜错就是错的结论。
新版 yilian 会带上新一年的安排。在此之前，国务院办公厅每年年底发布《关于${next}年部分节假日
安排的通知》后，照通知把下面的内容存为计划文件夹里的 calendar-${next}.yaml（UTF-8 编码），
把放假的日子和调休上班的周末逐日填上：

${calendarTemplate(next)}
填好后重新检查；yilian 按周末加上这里列出的放假日、调休上班日计算工作日。

六、出错时
每个错误只有一句说明和位置，不会出现程序堆栈。需要帮助时，把窗口里的文字和计划文件发给维护者。
`;
}
