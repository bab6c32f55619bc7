// A sign-in sheet kept as the activity log often has a caption above its header (光山县下沉人员签到表,
// merged across the columns). The reader passes over it, and the rows below keep their own line
// numbers; it used to take the caption for the header and report every cell of it as an unknown column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/io/workspace.js';

const dir = mkdtempSync(path.join(tmpdir(), 'yilian-caption-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a table log with a caption above its header', () => {
  it('reads the rows under the header, and places a bad row at its own line', async () => {
    const csv = [
      '光山县下沉人员签到表（2021年6月）,光山县下沉人员签到表（2021年6月）,光山县下沉人员签到表（2021年6月）,光山县下沉人员签到表（2021年6月）',
      '',
      '日期,人员,单位,类型',
      '2021-06-03,屈莉,寨河镇分院,门诊',
      '2021-06-31,陈娥,寨河镇分院,培训',
    ].join('\n');
    writeFileSync(path.join(dir, 'activity.csv'), csv);
    const { workspace, diagnostics } = await loadWorkspace([dir]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['schema/invalid-date', 5]]);
    expect(workspace.data('ActivityLog')).toHaveLength(0); // a log with an error is not loaded
    writeFileSync(path.join(dir, 'activity.csv'), csv.replace('2021-06-31', '2021-06-30'));
    const again = await loadWorkspace([dir]);
    expect(again.diagnostics).toEqual([]);
    expect([...again.workspace.data('ActivityLog')[0]!.entries].map((e) => e.person)).toEqual(['屈莉', '陈娥']);
  });

  it('still says a header is wrong when the first row is no caption', async () => {
    const sub = mkdtempSync(path.join(tmpdir(), 'yilian-caption-bad-'));
    try {
      writeFileSync(path.join(sub, 'activity.csv'), '日期,医生名字,单位,类型\n2021-06-03,屈莉,寨河镇分院,门诊\n');
      const { diagnostics } = await loadWorkspace([sub]);
      expect(diagnostics.map((d) => d.code)).toContain('schema/unknown-key');
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });
});
