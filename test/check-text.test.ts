// The check table fits the terminal it is printed in.
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/io/workspace.js';
import { buildCheckReport } from '../src/reports/check.js';
import { collectFindings } from '../src/reports/findings.js';
import { renderCheckText } from '../src/render/check-text.js';
import { displayWidth } from '../src/render/text-width.js';
import { toJsonRecord } from '../src/render/diagnostics.js';

describe('renderCheckText', () => {
  it('on a 100-column terminal the location moves under the message and no line is wider', async () => {
    const { workspace, files } = await loadWorkspace(['examples/guangshan-2021']);
    const report = buildCheckReport(collectFindings(workspace, '2021-07-01', 14), '2021-07-01', 14, files.length);
    const wide = renderCheckText(report, { lang: 'zh', color: false });
    expect(wide).toContain('│ 位置');
    const narrow = renderCheckText(report, { lang: 'zh', color: false, width: 100 });
    expect(narrow).not.toContain('│ 位置');
    for (const line of narrow.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
    const flat = narrow.replace(/[│\s]/g, '');
    expect(flat).toContain('examples/guangshan-2021/quotas.yaml:8:5');
    expect(flat).toContain('屈莉2021-06门诊、查房、带教3个工作日');
  });
});

describe('long plan text in the check table', () => {
  const name = '张'.repeat(20_000);
  const report = buildCheckReport(
    [
      {
        code: 'references/unknown',
        severity: 'error',
        file: 'log.yaml',
        line: 4,
        col: 33,
        message: { zh: `未知人员「${name}」。`, en: `Unknown person "${name}".` },
        data: { item: '9'.repeat(5000), period: '2021-'.repeat(3000) },
      },
    ],
    '2021-07-01',
    14,
    1,
  );

  // Before the cap cli-table3 spent over 9 minutes re-measuring this cell: the timeout fails it.
  it('is cut to a few lines ending in … before the table measures it', () => {
    const text = renderCheckText(report, { lang: 'zh', color: false });
    const lines = text.split('\n').filter((l) => l.includes('张'));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(text).toContain('…');
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThan(200);
  }, 10_000);

  it('the same finding in JSON keeps the whole text', () => {
    const finding = report.groups.flatMap((g) => g.findings)[0]!;
    expect(toJsonRecord(finding, 'zh').message).toContain(name);
  });
});
