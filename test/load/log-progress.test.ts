// A long log (YAML, or a table) tells how far it has read while it is read (issue 9, progress): the progress
// line moves within one file instead of standing still until the file is done.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadWorkspace } from '../../src/io/workspace.js';
import { LINES_PER_PROGRESS } from '../../src/load/yaml-log.js';
import type { ProgressEvent } from '../../src/model/progress.js';

const dir = mkdtempSync(path.join(tmpdir(), 'yilian-log-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('progress while one large YAML log is read', () => {
  it('reports the lines read every LINES_PER_PROGRESS lines, counting on from earlier files', async () => {
    const lines = 2 * LINES_PER_PROGRESS + 100;
    const entry = (i: number) => `  - { date: 2017-06-${String((i % 28) + 1).padStart(2, '0')}, person: 金志良, unit: 务川县中医院, type: 门诊, halfDays: 1 }\n`;
    const log = (n: number) => `kind: ActivityLog\nversion: 1\nalliance: 绍兴\nmonth: 2017-06\nentries:\n${Array.from({ length: n }, (_, i) => entry(i)).join('')}`;
    writeFileSync(path.join(dir, 'a-small.yaml'), log(10));
    writeFileSync(path.join(dir, 'b-large.yaml'), log(lines));
    const events: ProgressEvent[] = [];
    await loadWorkspace([dir], { onProgress: (e) => events.push(e) });
    const reads = events.filter((e): e is Extract<ProgressEvent, { step: 'read' }> => e.step === 'read');
    expect(reads.map((e) => [e.file, e.entries])).toEqual([
      [1, 0],
      [2, 10],
      [2, 10 + LINES_PER_PROGRESS],
      [2, 10 + 2 * LINES_PER_PROGRESS],
    ]);
  });

  it('tells each count once when a log turns irregular late and is read again from its start', async () => {
    // a folder of its own: the test above reads all of `dir`
    const sub = mkdtempSync(path.join(tmpdir(), 'yilian-log-late-'));
    onTestFinished(() => rmSync(sub, { recursive: true, force: true }));
    const entry = (i: number) => `  - { date: 2017-06-${String((i % 28) + 1).padStart(2, '0')}, person: 金志良, unit: 务川县中医院, type: 门诊 }\n`;
    const regular = Array.from({ length: 2 * LINES_PER_PROGRESS + 10 }, (_, i) => entry(i)).join('');
    writeFileSync(path.join(sub, 'log.yaml'), `kind: ActivityLog\nentries:\n${regular}  - date: 2017-06-01\n    person: 金志良\n    unit: 务川县中医院\n    type: 门诊\n`);
    const events: ProgressEvent[] = [];
    const { workspace } = await loadWorkspace([sub], { onProgress: (e) => events.push(e) });
    expect(events.map((e) => (e.step === 'read' ? e.entries : undefined))).toEqual([0, LINES_PER_PROGRESS, 2 * LINES_PER_PROGRESS]);
    expect(workspace.data('ActivityLog')[0]!.entries.length).toBe(2 * LINES_PER_PROGRESS + 11);
  });
});

describe('progress while one large table log is read', () => {
  // an xlsx of 500,000 rows takes seconds to read: its rows move the line as a YAML log's lines do
  it('reports the rows read every LINES_PER_PROGRESS rows of a CSV log', async () => {
    const sub = mkdtempSync(path.join(tmpdir(), 'yilian-table-progress-'));
    onTestFinished(() => rmSync(sub, { recursive: true, force: true }));
    const rows = Array.from({ length: 2 * LINES_PER_PROGRESS + 10 }, (_, i) => `2017-06-${String((i % 28) + 1).padStart(2, '0')},金志良,务川县中医院,门诊,1\n`);
    writeFileSync(path.join(sub, 'activity.csv'), `日期,人员,单位,类型,半天数\n${rows.join('')}`);
    const events: ProgressEvent[] = [];
    const { workspace } = await loadWorkspace([sub], { onProgress: (e) => events.push(e) });
    expect(events.map((e) => (e.step === 'read' ? e.entries : undefined))).toEqual([0, LINES_PER_PROGRESS, 2 * LINES_PER_PROGRESS]);
    expect(workspace.data('ActivityLog')[0]!.entries.length).toBe(2 * LINES_PER_PROGRESS + 10);
  });
});
