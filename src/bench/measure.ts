// Child-process probe for the bench: run one job, then report wall time and peak RSS as JSON on
// the last stderr line. Kept apart from the CLI so the product carries no bench code.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out.sort();
}

/** The floor: read every file and parse it with the bare parsers, nothing else. */
async function floor(dir: string): Promise<void> {
  const { parseCsv } = await import('../io/xlsx-read.js');
  let n = 0;
  for (const f of await files(dir)) {
    const text = await readFile(f, 'utf8');
    if (f.endsWith('.yaml')) n += parseAllDocuments(text).length;
    else n += parseCsv(text).length;
  }
  if (n < 0) console.log(n);
}

async function main(): Promise<void> {
  const [job, ...args] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  let code = 0;
  if (job === 'floor') await floor(args[0]!);
  else {
    const { main: cli } = await import('../cli/main.js');
    const quiet = {
      out: () => {},
      outBytes: () => {},
      err: (s: string) => process.stderr.write(s + '\n'),
      settle: async () => ({}),
      isTTY: false,
      env: process.env,
      cwd: process.cwd(),
    };
    code = await cli(['node', 'yilian', job!, ...args], quiet);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write(`\n${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, code })}\n`);
}

void main();
