#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via `prepare`).
import v8 from 'node:v8';

// Most runs last well under a second, and V8's optimizing compiler, which starts early by
// default, then spends more CPU compiling than it saves: validate on a seed example took 400 ms
// CPU, 270 ms with an 8× interrupt budget (BENCH.md, start-up). A long run still optimizes its
// hot code, after more calls (a 50,000-entry check measured the same or less).
v8.setFlagsFromString('--interrupt-budget=540672');

let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist')) throw e;
  process.stderr.write('yilian 尚未编译：请在项目目录运行 npm run build（或 npm install）。/ yilian is not built yet: run npm run build.\n');
  process.exit(2);
}
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
