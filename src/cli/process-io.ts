// The Io of the real process: stdout and stderr, with their write errors caught. Node reports a
// failed write (EPIPE when the reader of a pipe has gone, ENOSPC on a full disk) as an 'error'
// event, which without a listener ends the process with a trace. Here the first error of each
// stream is remembered, later writes to it are dropped, and `settle()` tells main() what failed.
import { terminalSafe } from '../render/terminal-safe.js';
import type { Io, StreamErrors } from './context.js';

export function processIo(): Io {
  const failed: StreamErrors = {};
  const watch = (stream: NodeJS.WriteStream, name: keyof StreamErrors) =>
    stream.on('error', (e: NodeJS.ErrnoException) => {
      failed[name] ??= e.code ?? e.message;
    });
  watch(process.stdout, 'stdout');
  watch(process.stderr, 'stderr');
  const write = (stream: NodeJS.WriteStream, name: keyof StreamErrors, data: string | Uint8Array) => {
    if (failed[name] || stream.destroyed) return;
    stream.write(data, (e) => {
      // ERR_STREAM_DESTROYED only says an earlier write failed; that one carries the cause.
      if (e && (e as NodeJS.ErrnoException).code !== 'ERR_STREAM_DESTROYED') failed[name] ??= (e as NodeJS.ErrnoException).code ?? e.message;
    });
  };
  // The progress line (cli/progress.ts) on a terminal stderr: redrawn in place with \r, erased
  // (\e[K) before any other output so no line is ever written over or after it.
  let drawn = false;
  const clearStatus = () => {
    if (drawn) write(process.stderr, 'stderr', '\r\x1b[K');
    drawn = false;
  };
  const status = (text: string | undefined) => {
    if (text === undefined) return clearStatus();
    write(process.stderr, 'stderr', '\r' + terminalSafe(oneRow(text, (process.stderr.columns || 80) - 1)) + '\x1b[K');
    drawn = true;
  };
  /** Resolves once everything written so far has been taken (or has failed). */
  const drained = (stream: NodeJS.WriteStream, name: keyof StreamErrors) =>
    new Promise<void>((resolve) => {
      if (failed[name] || stream.destroyed || !stream.writableLength) return resolve();
      stream.write('', () => resolve());
    });
  return {
    // Lines for people (and line-based formats) carry plan text: no escape sequence gets through.
    out: (s) => {
      clearStatus();
      write(process.stdout, 'stdout', terminalSafe(s) + '\n');
    },
    err: (s) => {
      clearStatus();
      write(process.stderr, 'stderr', terminalSafe(s) + '\n');
    },
    // A document (`-o -`) is written as it is, except text shown on a console (a report in
    // markdown): there, too, plan text must not carry escape sequences to the terminal.
    outBytes: (data) => {
      clearStatus();
      write(process.stdout, 'stdout', typeof data === 'string' && process.stdout.isTTY ? terminalSafe(data) : data);
    },
    settle: async () => {
      await Promise.all([drained(process.stdout, 'stdout'), drained(process.stderr, 'stderr')]);
      // 'error' events are emitted on the next tick after the failed write.
      await new Promise((r) => setImmediate(r));
      return { ...failed };
    },
    isTTY: !!process.stdout.isTTY,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdin.isTTY ? { waitForKey } : {}),
    argv: process.argv.slice(2),
    ...(process.stderr.isTTY ? { status } : {}),
    now: () => performance.now(),
  };
}

/** `text` cut to `cols` columns (a CJK character takes two): a wrapped line \r cannot redraw. */
function oneRow(text: string, cols: number): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
    if (width > cols) break;
    out += ch;
  }
  return out;
}

/** Resolve on the next key press on the console (raw mode, so any key, not only Enter). */
function waitForKey(): Promise<void> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.once('data', () => {
      stdin.setRawMode?.(false);
      stdin.pause();
      resolve();
    });
  });
}
