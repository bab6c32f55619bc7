// The check table fits the terminal it is printed in.
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/io/workspace.js';
import { buildCheckReport } from '../src/reports/check.js';
import { collectFindings } from '../src/reports/findings.js';
import { renderCheckText } from '../src/render/check-text.js';
import { displayWidth } from '../src/render/text-width.js';

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
