// The Io a command writes through, the global options and the exit codes: what main.ts needs
// before it knows which command runs, so it imports nothing heavier than commander's types.
import type { Command } from 'commander';
import type { Lang } from '../model/diagnostic.js';

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
}

export interface GlobalOptions {
  lang: Lang;
  color: boolean;
  quiet: boolean;
  /** The working directory, which SARIF's %SRCROOT% stands for. */
  cwd?: string;
}

export function globalOptions(cmd: Command, io: Io): GlobalOptions {
  const o = cmd.optsWithGlobals() as { lang?: string; color?: boolean; quiet?: boolean };
  const lang = langOf(o.lang, io.env);
  const color = o.color !== false && !io.env.NO_COLOR && io.isTTY && io.env.TERM !== 'dumb';
  return { lang, color, quiet: !!o.quiet, cwd: io.cwd };
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

