#!/usr/bin/env node
// Start-up of the bundled CLI next to the unbundled one, as ratios to `node -e 0` (BENCH.md).
// Each command runs N times (default 20), interleaved round-robin so machine noise hits all of
// them alike; the median wall time of each is reported. Needs `npm run release` first (it uses
// release/build/yilian.cjs and release/yilian-<version>-linux-x64).
//   node scripts/release/startup-bench.mjs [N]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const N = Number(process.argv[2] ?? 20);
const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const bundle = path.join(ROOT, 'release/build/yilian.cjs');
const sea = path.join(ROOT, `release/yilian-${version}-linux-x64`);
const ex = 'examples/guangshan-2021';
const jobs = [
  ['node -e 0', process.execPath, ['-e', '0']],
  ['unbundled --help', process.execPath, ['bin/yilian.js', '--help']],
  ['bundled --help', process.execPath, [bundle, '--help']],
  ['unbundled validate', process.execPath, ['bin/yilian.js', 'validate', ex]],
  ['bundled validate', process.execPath, [bundle, 'validate', ex]],
  ...(existsSync(sea) ? [['SEA linux-x64 --help', sea, ['--help']], ['SEA linux-x64 validate', sea, ['validate', ex]]] : []),
];
if (!existsSync(bundle)) throw new Error('run npm run release first (release/build/yilian.cjs is missing)');
const times = jobs.map(() => []);
for (let i = 0; i < N; i++)
  jobs.forEach(([, cmd, args], j) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${jobs[j][0]} exited ${r.status}`);
    times[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
  });
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const base = median(times[0]);
console.log(`| command | median ms (${N} runs) | × node -e 0 |\n|---|---:|---:|`);
jobs.forEach(([name], j) => console.log(`| ${name} | ${median(times[j]).toFixed(0)} | ${(median(times[j]) / base).toFixed(1)} |`));
