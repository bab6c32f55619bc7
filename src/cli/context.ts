// What every command shares: global options, output streams and exit codes.
import type { Command } from 'commander';
import { hasErrors, sortDiagnostics, type Diagnostic, type Lang } from '../model/diagnostic.js';
import { workspacePathFor } from '../io/read.js';
import { renderGithub, renderJson, renderText, summaryLine, type RenderOptions } from '../render/diagnostics.js';
import { renderSarif } from '../render/sarif.js';

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

export function renderOptions(g: GlobalOptions): RenderOptions {
  return { lang: g.lang, color: g.color, toolVersion: VERSION, cwd: g.cwd };
}

export const VERSION = '0.1.0';

export const DIAGNOSTIC_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** I/O problems (nothing could be read) exit 2, not 1. */
const IO_CODES = new Set(['io/not-found', 'io/read', 'io/empty-workspace', 'io/unsupported-file', 'io/not-a-file']);

export function exitCodeFor(diags: Diagnostic[]): number {
  if (diags.some((d) => d.severity === 'error' && IO_CODES.has(d.code))) return EXIT.usage;
  return hasErrors(diags) ? EXIT.findings : EXIT.ok;
}

/** Print diagnostics in the chosen format; text goes with a summary line. */
export function emitDiagnostics(
  io: Io,
  g: GlobalOptions,
  format: DiagnosticFormat,
  diags: Diagnostic[],
  filesChecked: number,
  extra: Record<string, unknown> = {},
  inputs: string[] = [],
): void {
  const sorted = sortDiagnostics(diags);
  const ro = renderOptions(g);
  if (format !== 'text') {
    const s = renderMachineFormat(format, sorted, ro, extra, undefined, { paths: inputs, cwd: io.cwd });
    if (s) io.out(s);
  } else {
    const shown = g.quiet ? sorted.filter((d) => d.severity === 'error') : sorted;
    const s = renderText(shown, ro);
    if (s) io.out(s);
    if (!g.quiet) io.out(summaryLine(sorted, filesChecked, ro));
  }
}

/** The json, sarif or github rendering of diagnostics ('' when github has nothing to say). */
export function renderMachineFormat(
  format: Exclude<DiagnosticFormat, 'text'>,
  diags: Diagnostic[],
  ro: RenderOptions,
  extra: Record<string, unknown> = {},
  jsonListKey?: string,
  inputs?: { paths: string[]; cwd: string },
): string {
  // SARIF names files against its own %SRCROOT% (render/sarif.ts); JSON and GitHub name them
  // relative to the workspace with /, the same on Windows and Linux (workspacePathFor).
  if (format === 'sarif') return renderSarif(diags, { ...ro, cwd: ro.cwd ?? process.cwd() });
  if (inputs) {
    const rel = workspacePathFor(inputs.paths, inputs.cwd);
    diags = diags.map((d) => (d.file ? { ...d, file: rel(d.file) } : d));
  }
  if (format === 'json') return renderJson(diags, ro, extra, jsonListKey);
  return renderGithub(diags, ro);
}

export function parseFormat(v: string | undefined, io: Io, g: GlobalOptions): DiagnosticFormat | undefined {
  const f = (v ?? 'text') as DiagnosticFormat;
  if ((DIAGNOSTIC_FORMATS as readonly string[]).includes(f)) return f;
  io.err(
    g.lang === 'zh'
      ? `不支持的输出格式「${v}」，可选：${DIAGNOSTIC_FORMATS.join('、')}。`
      : `Unknown format "${v}"; use one of ${DIAGNOSTIC_FORMATS.join(', ')}.`,
  );
  return undefined;
}
