// What every command shares: global options, output streams and exit codes (the light part, which
// main.ts needs before any command is loaded, lives in io.ts), and diagnostics in every format.
import { hasErrors, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { workspacePathFor } from '../io/read.js';
import { jsonPieces, renderGithub, renderText, summaryLine, type RenderOptions } from '../render/diagnostics.js';
import { renderSarif } from '../render/sarif.js';
import { EXIT, VERSION, type GlobalOptions, type Io } from './io.js';

export * from './io.js';

export function renderOptions(g: GlobalOptions): RenderOptions {
  return { lang: g.lang, color: g.color, toolVersion: VERSION, cwd: g.cwd };
}

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
  if (format !== 'text') writeMachineFormat(io, format, sorted, ro, extra, undefined, { paths: inputs, cwd: io.cwd });
  else {
    const shown = g.quiet ? sorted.filter((d) => d.severity === 'error') : sorted;
    const s = renderText(shown, ro);
    if (s) io.out(s);
    if (!g.quiet) io.out(summaryLine(sorted, filesChecked, ro));
  }
}

/**
 * Print the json, sarif or github rendering of diagnostics (nothing when github has nothing to
 * say). JSON goes out in pieces as it is made (render/diagnostics.ts jsonPieces), so a
 * province-year's findings are never held as one text as well.
 */
export function writeMachineFormat(
  io: Io,
  format: Exclude<DiagnosticFormat, 'text'>,
  diags: Diagnostic[],
  ro: RenderOptions,
  extra: Record<string, unknown> = {},
  jsonListKey?: string,
  inputs?: { paths: string[]; cwd: string },
): void {
  // SARIF names files against its own %SRCROOT% (render/sarif.ts); JSON and GitHub name them
  // relative to the workspace with /, the same on Windows and Linux (workspacePathFor).
  if (format === 'sarif') return io.out(renderSarif(diags, { ...ro, cwd: ro.cwd ?? process.cwd() }));
  // named as they are written, not by a renamed copy of every finding (48,000 at province scale)
  const named = inputs ? { ...ro, fileName: workspacePathFor(inputs.paths, inputs.cwd) } : ro;
  if (format === 'github') {
    const s = renderGithub(diags, named);
    if (s) io.out(s);
    return;
  }
  let last: string | undefined;
  for (const piece of jsonPieces(diags, named, extra, jsonListKey)) {
    if (last !== undefined) io.outBytes(last);
    last = piece;
  }
  io.out(last!); // the last piece ends the line
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
