// V8 flags for yilian's start-up, by Node version. Most runs last well under a second, and V8's
// optimizing compiler, which starts early by default, then spends more CPU compiling than it
// saves: validate on a seed example took 400 ms CPU, 270 ms with an 8× interrupt budget
// (BENCH.md, start-up). A long run still optimizes its hot code, after more calls. The flag
// exists in Node 20's V8 only: Node 22's V8 has no --interrupt-budget and prints "Error:
// unrecognized flag" on every run if it is set, so other versions get no flag at all.
export function startupFlags(nodeVersion = process.versions.node) {
  return Number(nodeVersion.split('.')[0]) === 20 ? ['--interrupt-budget=540672'] : [];
}
