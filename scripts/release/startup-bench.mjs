#!/usr/bin/env node
// Start-up of the CLI as `npm install` users run it (bin/yilian.js over dist/), and of the
// bundle and single executable when `npm run release` has built them, as ratios to `node -e 0`
// (BENCH.md). Each command runs N times (default 20), interleaved round-robin so machine noise
// hits all of them alike; the median wall time and the median CPU time (user + system, which
// other processes on a shared machine disturb less) of each are reported.
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
  ['unbundled validate', process.execPath, ['bin/yilian.js', 'validate', ex], [0, 1]],
  ...(existsSync(bundle)
    ? [
        ['bundled --help', process.execPath, [bundle, '--help']],
        ['bundled validate', process.execPath, [bundle, 'validate', ex], [0, 1]],
      ]
    : []),
  ...(existsSync(sea) ? [['SEA linux-x64 --help', sea, ['--help']], ['SEA linux-x64 validate', sea, ['validate', ex], [0, 1]]] : []),
];
// CPU ms of the children waited for so far (Linux /proc: cutime + cstime, in 10 ms ticks); a
// child's CPU time is the difference around its run. Elsewhere CPU columns read 0.
const childCpu = () => {
  if (!existsSync('/proc/self/stat')) return 0;
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[13]) + Number(f[14])) * 10; // fields 16 and 17; f[0] is field 3
};
const wall = jobs.map(() => []);
const cpu = jobs.map(() => []);
for (let i = 0; i < N; i++)
  jobs.forEach(([name, cmd, args, ok = [0]], j) => {
    const c0 = childCpu();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore' });
    wall[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu[j].push(childCpu() - c0);
    if (!ok.includes(r.status)) throw new Error(`${name} exited ${r.status}`);
  });
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const [w0, c0] = [median(wall[0]), median(cpu[0])];
console.log(`| command | median wall ms (${N} runs) | × node -e 0 | median CPU ms | × node -e 0 |\n|---|---:|---:|---:|---:|`);
jobs.forEach(([name], j) =>
  console.log(`| ${name} | ${median(wall[j]).toFixed(0)} | ${(median(wall[j]) / w0).toFixed(1)} | ${median(cpu[j]).toFixed(0)} | ${(median(cpu[j]) / c0).toFixed(1)} |`),
);
