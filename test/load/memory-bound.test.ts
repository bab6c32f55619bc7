// A province-year log within the default size limit is checked in bounded memory: a generated
// YAML log of about 60 MB (in the form `import activity` writes), no --max-file-size, in a child
// process whose V8 heap is capped at 600 MB. Before the fast log reader this needed about 7 GB
// and died with a heap trace. Not a timing test: it asserts only that the check completes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FULL_SCALE, generate } from '../../src/bench/generate.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/io/read.js';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'yilian-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('memory bound', () => {
  it('a 60 MB YAML log is checked without the size flag within a 600 MB heap', async () => {
    // One alliance of 50 people with 12,400 entries each: 620,000 entries, just under the limit.
    const { entries, logBytes } = await generate(dir, { ...FULL_SCALE, alliances: 1, entriesPerPerson: 12_400 }, 'yaml');
    const log = path.join(dir, 'activity', 'activity.yaml');
    expect(statSync(log).size).toBe(logBytes);
    expect(logBytes).toBeGreaterThan(58 * 1024 * 1024);
    expect(logBytes).toBeLessThanOrEqual(DEFAULT_MAX_FILE_BYTES);
    const r = spawnSync(process.execPath, ['--max-old-space-size=600', path.join(ROOT, 'bin', 'yilian.js'), 'check', dir, '--as-of', '2022-01-10', '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, YILIAN_TODAY: '2022-01-10' },
    });
    expect(r.stderr).not.toMatch(/heap|allocation failed/i);
    expect(r.signal).toBeNull();
    const report = JSON.parse(r.stdout) as { diagnostics?: { code: string; file?: string }[] };
    const codes = JSON.stringify(report);
    // Read in full: nothing refused for size or memory, nothing wrong in the log itself.
    expect(codes).not.toMatch(/io\/too-large|yaml\/too-/);
    expect(codes).not.toMatch(/"file":"activity\/activity\.yaml"/);
    expect(entries).toBe(620_000);
    expect([0, 1]).toContain(r.status);
  }, 120_000);
});
