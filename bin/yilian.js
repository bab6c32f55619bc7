#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via `prepare`).
import v8 from 'node:v8';
import { startupFlags } from './v8-tuning.js';

for (const flag of startupFlags()) v8.setFlagsFromString(flag);

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
