// `npm run bench`: generate the province-scale workspace twice — its log as YAML (the form
// `import activity` writes) and as CSV — then time each command against the floor of the same
// run (these machines are noisy: compare ratios, not absolute numbers). Every probe runs at
// Node's default heap: a command the heap limit kills shows here as a failed probe.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_SCALE, generate, type LogFormat } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FLOOR = path.join(here, '..', '..', 'scripts', 'bench-floor.mjs');

interface Probe {
  ms: number;
  maxRssMB: number;
  code: number;
}

function probe(script: string, args: string[]): Promise<Probe> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { maxBuffer: 256 * 1024 * 1024 }, (err, _out, stderr) => {
      const last = stderr.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as Probe);
      } catch {
        // A crash (the heap limit, a native trace) is a result, not a reason to stop the bench.
        process.stderr.write(`probe failed: ${args.join(' ')}\n${stderr.slice(-1500)}\n${err?.message ?? ''}\n`);
        resolve({ ms: NaN, maxRssMB: NaN, code: -1 });
      }
    });
  });
}

const cli = (args: string[]) => probe(path.join(here, 'measure.js'), args);

async function workspace(format: LogFormat, factor: number): Promise<{ dir: string; rows: string[][] }> {
  const scale = { ...FULL_SCALE, alliances: Math.max(1, Math.round(FULL_SCALE.alliances * factor)) };
  const dir = await mkdtemp(path.join(os.tmpdir(), `yilian-bench-${format}-`));
  const g0 = Date.now();
  const { files, entries, logBytes } = await generate(dir, scale, format);
  console.log(
    `${format} workspace: ${scale.alliances} alliances, ${scale.alliances * scale.unitsPerAlliance} units, ${scale.alliances * scale.peoplePerAlliance} people, ` +
      `${entries} entries in one ${format.toUpperCase()} log of ${(logBytes / 1048576).toFixed(1)} MB, ${files} files; generated in ${Date.now() - g0} ms`,
  );
  const floor = await probe(FLOOR, [dir]);
  const name = format === 'yaml' ? 'js-yaml CORE_SCHEMA load of every file' : 'js-yaml of every plan file + CSV line split';
  const rows = [[`${format}: floor (${name})`, floor.ms.toFixed(0), floor.maxRssMB.toFixed(0), '1.00', '1.00', String(floor.code)]];
  const out = path.join(dir, 'out');
  const jobs: [string, string[]][] = [
    ['check --as-of 2022-01-10 --format json', ['check', dir, '--as-of', '2022-01-10', '--format', 'json']],
    ['validate', ['validate', dir]],
  ];
  // what a clerk types: the default text table, 48,000 rows of it at this scale
  if (format === 'csv') jobs.splice(1, 0, ['check --as-of 2022-01-10 (text, the default)', ['check', dir, '--as-of', '2022-01-10']]);
  if (format === 'yaml')
    jobs.push(
      ['roster --alliance a000', ['roster', dir, '--alliance', 'a000', '-o', path.join(out, 'roster.xlsx')]],
      ['subsidy --alliance a000 --month 2021-06', ['subsidy', dir, '--alliance', 'a000', '--month', '2021-06', '-o', path.join(out, 'subsidy.xlsx')]],
      ['report --alliance a000 -o report.xlsx', ['report', dir, '--alliance', 'a000', '--as-of', '2022-01-10', '-o', path.join(out, 'report.xlsx')]],
    );
  for (const [label, args] of jobs) {
    const r = await cli(args);
    rows.push([`${format}: yilian ${label}`, r.ms.toFixed(0), r.maxRssMB.toFixed(0), (r.ms / floor.ms).toFixed(2), (r.maxRssMB / floor.maxRssMB).toFixed(2), String(r.code)]);
  }
  return { dir, rows };
}

/** The xlsx writer against its floor, a bare exceljs streaming write of the same 明细 rows (issue 9: ≤ 1.2×, ≤ 400 MB). */
async function xlsxRows(factor: number): Promise<string[][]> {
  const n = Math.round(500_000 * factor);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yilian-bench-xlsx-'));
  try {
    const script = path.join(here, 'xlsx.js');
    const floor = await probe(script, ['floor', String(n), path.join(dir, 'floor.xlsx')]);
    const real = await probe(script, ['subsidy', String(n), path.join(dir, 'subsidy.xlsx')]);
    return [
      [`xlsx: floor (bare exceljs streaming write of ${n} 明细 rows)`, floor.ms.toFixed(0), floor.maxRssMB.toFixed(0), '1.00', '1.00', String(floor.code)],
      [`xlsx: subsidy workbook with ${n} 明细 rows`, real.ms.toFixed(0), real.maxRssMB.toFixed(0), (real.ms / floor.ms).toFixed(2), (real.maxRssMB / floor.maxRssMB).toFixed(2), String(real.code)],
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const factor = Number(process.env.BENCH_SCALE ?? '1');
  const rows: string[][] = [['job', 'time (ms)', 'peak RSS (MB)', 'time / floor', 'RSS / floor', 'exit']];
  const dirs: string[] = [];
  try {
    for (const format of ['yaml', 'csv'] as const) {
      const w = await workspace(format, factor);
      dirs.push(w.dir);
      rows.push(...w.rows);
      await rm(w.dir, { recursive: true, force: true });
    }
    rows.push(...(await xlsxRows(factor)));
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  } finally {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
}

void main();
