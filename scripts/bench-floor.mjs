// The floor `npm run bench` compares each command with (issue 9): read every file of a workspace
// and parse it with the bare parser, nothing else — js-yaml's CORE_SCHEMA load for YAML (plan
// files and YAML logs), a line and comma split for CSV. Reports wall time and peak RSS as JSON on
// the last stderr line, like dist/bench/measure.js. js-yaml is a devDependency for this floor
// only; it lives outside src/ so the product never carries it.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out.sort();
}

const t0 = process.hrtime.bigint();
let n = 0;
for (const f of await files(process.argv[2])) {
  const text = await readFile(f, 'utf8');
  if (/\.ya?ml$/.test(f)) yaml.loadAll(text, () => n++, { schema: yaml.CORE_SCHEMA });
  else if (f.endsWith('.csv')) for (const line of text.split('\n')) n += line.split(',').length;
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stderr.write(`\n${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, code: n > 0 ? 0 : 1 })}\n`);
