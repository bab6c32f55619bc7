// Run the CLI as a user would: `runCli` calls main() in this process with an Io that collects
// stdout and stderr as a pipe would carry them (a child process per call cost most of the suite's
// time and tested nothing more); `spawnCli` runs the built CLI (dist/ via bin/yilian.js) in a
// child, for what only a real process shows: environment the process reads itself (TZ, locale),
// real pipes and exit codes. runCli spawns too when it is given such an environment.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/context.js';
import { terminalSafe } from '../../src/render/terminal-safe.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/yilian.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Variables yilian reads through its Io (io.env); any other (TZ, LANG…) needs a real process. */
const IO_ENV = /^(YILIAN_\w+|NO_COLOR|FORCE_COLOR|TERM)$/;

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  if (Object.keys(opts.env ?? {}).some((k) => !IO_ENV.test(k))) return spawnCli(args, opts);
  return inProcess(args, opts);
}

export function spawnCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', YILIAN_LANG: '', ...opts.env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}

// One in-process run at a time: each runs in its own working directory (relative paths on the
// command line resolve against the process's), and the forks pool gives each test file a process.
let queue: Promise<unknown> = Promise.resolve();

function inProcess(args: string[], opts: CliOptions): Promise<CliResult> {
  const run = queue.then(async () => {
    const cwd = path.resolve(ROOT, opts.cwd ?? ROOT);
    const stdout: (string | Uint8Array)[] = [];
    const stderr: string[] = [];
    // What processIo does to a pipe: lines made terminal-safe with a newline; documents as they are.
    const io: Io = {
      out: (s) => stdout.push(terminalSafe(s) + '\n'),
      err: (s) => stderr.push(terminalSafe(s) + '\n'),
      outBytes: (data) => stdout.push(data),
      settle: async () => ({}),
      isTTY: false,
      env: { NO_COLOR: '1', YILIAN_LANG: '', ...opts.env },
      cwd,
      argv: args,
    };
    const before = process.cwd();
    process.chdir(cwd);
    try {
      const code = await main([process.execPath, BIN, ...args], io);
      const text = Buffer.concat(stdout.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
      return { code, stdout: text, stderr: stderr.join('') };
    } finally {
      process.chdir(before);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
