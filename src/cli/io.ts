// The Io a command writes through, the global options and the exit codes: what main.ts needs
// before it knows which command runs, so it imports nothing heavier than commander's types.
import type { Command } from 'commander';
import type { Lang } from '../model/diagnostic.js';
import type { OnProgress } from '../model/progress.js';
import { progressLine } from './progress.js';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** The first write error (an errno code such as EPIPE or ENOSPC) of each standard stream. */
export interface StreamErrors {
  stdout?: string;
  stderr?: string;
}

export interface Io {
  /** A line of output (a newline is added). */
  out: (s: string) => void;
  /** A line of messages on stderr. */
  err: (s: string) => void;
  /** A document written to stdout as it is (`-o -`). */
  outBytes: (data: string | Uint8Array) => void;
  /** Wait until stdout and stderr have taken what was written; the write errors met so far. */
  settle: () => Promise<StreamErrors>;
  isTTY: boolean;
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Wait for a key press; present only when stdin is a console (a window that would close). */
  waitForKey?: () => Promise<void>;
  /** The arguments after `yilian`, as typed (to show a clerk the exact command to re-run). */
  argv?: string[];
  /**
   * Draw one updating line on stderr, or clear it (undefined); present only when stderr is a
   * terminal. Any other output clears the line first.
   */
  status?: (text: string | undefined) => void;
  /** Monotonic milliseconds, for the progress line's delay (performance.now in the process). */
  now?: () => number;
}

export interface GlobalOptions {
  lang: Lang;
  color: boolean;
  quiet: boolean;
  /** The working directory, which SARIF's %SRCROOT% stands for. */
  cwd?: string;
  /** Where loading and judging report progress; absent when none is to be shown. */
  progress?: OnProgress;
}

/** Formats read by programs: no progress line beside them, even on a terminal. */
const MACHINE_FORMATS = new Set(['json', 'github', 'sarif']);

export function globalOptions(cmd: Command, io: Io): GlobalOptions {
  const o = cmd.optsWithGlobals() as { lang?: string; color?: boolean; quiet?: boolean; progress?: boolean; format?: string };
  const lang = langOf(o.lang, io.env);
  const color = o.color !== false && !io.env.NO_COLOR && io.isTTY && io.env.TERM !== 'dumb';
  const quiet = !!o.quiet;
  const machine = MACHINE_FORMATS.has(String(o.format ?? '').trim().toLowerCase());
  const progress = !quiet && o.progress !== false && !machine ? progressOn(io, lang) : undefined;
  return { lang, color, quiet, cwd: io.cwd, ...(progress ? { progress } : {}) };
}

/** The progress line, when stderr is a terminal (io.status is there). */
export function progressOn(io: Io, lang: Lang): OnProgress | undefined {
  return io.status && progressLine({ status: io.status, now: io.now ?? (() => performance.now()) }, lang);
}

/** `--lang` if given, else YILIAN_LANG if set and not empty, else Chinese. */
export function langOf(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const raw = flag || env.YILIAN_LANG || 'zh';
  return raw.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Pick the message in the user's language: `const say = sayFor(g); say('中文', 'English')`. */
export function sayFor(g: GlobalOptions): (zh: string, en: string) => string {
  return (zh, en) => (g.lang === 'zh' ? zh : en);
}

export const VERSION = '0.1.0';

