// Child-process probe for the bench: run one CLI command in-process, then report wall time and
// peak RSS as JSON on the last stderr line (scripts/bench-floor.mjs measures the floor the same
// way). Kept apart from the CLI so the product carries no bench code.
async function main(): Promise<void> {
  const [job, ...args] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
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
  const code = await cli(['node', 'yilian', job!, ...args], quiet);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write(`\n${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, code })}\n`);
}

void main();
