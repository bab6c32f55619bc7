// `npm run bench`: generate the province-scale workspace, then time each command against its
// floor in one run (these machines are noisy: compare ratios, not absolute numbers).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_SCALE, generate } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function probe(args: string[]): Promise<{ ms: number; maxRssMB: number; code: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--max-old-space-size=8192', path.join(here, 'measure.js'), ...args], { maxBuffer: 256 * 1024 * 1024 }, (err, _out, stderr) => {
      const last = stderr.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`probe failed: ${args.join(' ')}\n${stderr.slice(-2000)}\n${err?.message ?? ''}`));
      }
    });
  });
}

async function main(): Promise<void> {
  const factor = Number(process.env.BENCH_SCALE ?? '1');
  const scale = { ...FULL_SCALE, alliances: Math.max(1, Math.round(FULL_SCALE.alliances * factor)) };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yilian-bench-'));
  try {
    const g0 = Date.now();
    const { files, entries } = await generate(dir, scale);
    console.log(`workspace: ${scale.alliances} alliances, ${scale.alliances * scale.unitsPerAlliance} units, ${scale.alliances * scale.peoplePerAlliance} people, ${entries} activity entries (CSV), ${files + scale.alliances} files; generated in ${Date.now() - g0} ms`);
    const floor = await probe(['floor', dir]);
    const jobs: [string, string[]][] = [
      ['validate', ['validate', dir]],
      ['check', ['check', dir, '--as-of', '2022-01-10', '--format', 'json']],
      ['roster (one alliance)', ['roster', dir, '--alliance', 'a000', '-o', path.join(dir, 'out', 'roster.xlsx')]],
      ['subsidy (one alliance, one month)', ['subsidy', dir, '--alliance', 'a000', '--month', '2021-06', '-o', path.join(dir, 'out', 'subsidy.xlsx')]],
    ];
    const rows: string[][] = [['job', 'time (ms)', 'peak RSS (MB)', 'time / floor', 'RSS / floor', 'exit']];
    rows.push(['floor: bare YAML + CSV parse', floor.ms.toFixed(0), floor.maxRssMB.toFixed(0), '1.00', '1.00', String(floor.code)]);
    for (const [name, args] of jobs) {
      const r = await probe(args);
      rows.push([`yilian ${name}`, r.ms.toFixed(0), r.maxRssMB.toFixed(0), (r.ms / floor.ms).toFixed(2), (r.maxRssMB / floor.maxRssMB).toFixed(2), String(r.code)]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
