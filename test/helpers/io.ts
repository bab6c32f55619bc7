// An in-memory Io for running main() in-process: what the command wrote, and optionally a
// stdout or stderr that fails the way a full disk or a closed pipe does.
import type { Io, StreamErrors } from '../../src/cli/context.js';

export interface CapturedIo {
  io: Io;
  out: string[];
  err: string[];
  /** Raw document bytes written with `-o -`. */
  bytes: (string | Uint8Array)[];
}

export function captureIo(opts: { env?: NodeJS.ProcessEnv; cwd?: string; failStdout?: string; failStderr?: string } = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const bytes: (string | Uint8Array)[] = [];
  const failed: StreamErrors = {};
  const io: Io = {
    out: (s) => {
      if (opts.failStdout) failed.stdout ??= opts.failStdout;
      else out.push(s);
    },
    err: (s) => {
      if (opts.failStderr) failed.stderr ??= opts.failStderr;
      else err.push(s);
    },
    outBytes: (b) => {
      if (opts.failStdout) failed.stdout ??= opts.failStdout;
      else bytes.push(b);
    },
    settle: async () => ({ ...failed }),
    isTTY: false,
    env: { NO_COLOR: '1', ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
  };
  return { io, out, err, bytes };
}
