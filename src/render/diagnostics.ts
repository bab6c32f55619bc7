// Diagnostics → text for people (terminal), JSON for scripts, GitHub annotations (SARIF: sarif.ts).
import type { Diagnostic, Lang, Severity } from '../model/diagnostic.js';
import { paint as paintFor } from './paint.js';

export interface RenderOptions {
  lang: Lang;
  color: boolean;
  toolVersion?: string;
  /** The working directory, for SARIF's %SRCROOT%. */
  cwd?: string;
  /** How JSON and GitHub output name a finding's file (workspace-relative, with /); as given otherwise. */
  fileName?: (file: string) => string;
}

const SEVERITY_WORD: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

export function location(d: Diagnostic): string {
  if (!d.file) return '';
  return d.line ? `${d.file}:${d.line}:${d.col ?? 1}` : d.file;
}

export function renderText(diags: Diagnostic[], opts: RenderOptions): string {
  const c = paintFor(opts.color);
  const paint = { error: c.red, warning: c.yellow, info: c.cyan } as const;
  const lines: string[] = [];
  for (const d of diags) {
    const loc = location(d);
    const sev = paint[d.severity](SEVERITY_WORD[d.severity][opts.lang]);
    lines.push(`${loc ? c.bold(loc) + '  ' : ''}${sev}  ${d.message[opts.lang]}  ${c.dim(`[${d.code}]`)}`);
    if (d.hint) lines.push(`    ${c.dim(opts.lang === 'zh' ? '提示：' : 'hint: ')}${d.hint[opts.lang]}`);
  }
  return lines.join('\n');
}

export function summaryLine(diags: Diagnostic[], files: number, opts: RenderOptions): string {
  const c = paintFor(opts.color);
  const n = (s: Severity) => diags.filter((d) => d.severity === s).length;
  const [e, w, i] = [n('error'), n('warning'), n('info')];
  if (opts.lang === 'zh') {
    const head = e ? c.red(`${e} 个错误`) : c.green('没有错误');
    return `${head}，${w} 个警告${i ? `，${i} 条提示` : ''}（共检查 ${files} 个文件）。`;
  }
  const head = e ? c.red(`${e} error(s)`) : c.green('no errors');
  return `${head}, ${w} warning(s)${i ? `, ${i} info` : ''} (${files} file(s) checked).`;
}

export function toJsonRecord(d: Diagnostic, lang: Lang, fileName?: (file: string) => string): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message[lang],
    ...(d.hint ? { hint: d.hint[lang] } : {}),
    ...(d.file ? { file: fileName ? fileName(d.file) : d.file } : {}),
    ...(d.line ? { line: d.line, col: d.col ?? 1 } : {}),
    ...(d.data ?? {}),
  };
}

/**
 * The format version every JSON output carries first (docs/OUTPUT.md). Raise it when a field is
 * removed, renamed or changes meaning; adding a field keeps it.
 */
export const JSON_FORMAT_VERSION = 1;

/**
 * The JSON of diagnostics, `{version, ...extra, diagnostics: […]}` (`check` names the list
 * `findings`, `listKey`), in pieces of about `pieceChars` characters, so a province-year's
 * findings (48,000 of them, 22 MB of JSON) go out without the whole text and a record per finding
 * held at once. The pieces join to exactly `JSON.stringify(…, null, 2)` of the whole: each record
 * is stringified alone and indented to its place (JSON text has no raw line breaks in strings).
 * Pieces are small (64 K characters): a piece is a rope of its records until it is written, and
 * 1 M-character ropes lived long enough to be promoted, 39 MB of the old heap at province scale.
 */
/** Records stringified at once by jsonPieces (a record at a time, each re-indented, took twice as long). */
const JSON_BATCH = 32;
const BATCH_OPEN = '{\n  "x": [\n';
const BATCH_CLOSE = '\n  ]\n}';

export function* jsonPieces(
  diags: readonly Diagnostic[],
  opts: RenderOptions,
  extra: Record<string, unknown> = {},
  listKey = 'diagnostics',
  pieceChars = 1 << 16,
): Generator<string> {
  // The head as JSON.stringify writes it, with the list's place marked by a 0 it then replaces.
  const head = JSON.stringify({ version: JSON_FORMAT_VERSION, ...extra, [listKey]: 0 }, null, 2);
  const open = head.slice(0, head.lastIndexOf('0'));
  if (!diags.length) {
    yield `${open}[]\n}`;
    return;
  }
  let piece = `${open}[`;
  for (let i = 0; i < diags.length; i += JSON_BATCH) {
    const batch: Record<string, unknown>[] = [];
    for (let k = i; k < diags.length && k < i + JSON_BATCH; k++) batch.push(toJsonRecord(diags[k]!, opts.lang, opts.fileName));
    // In {"x": […]} the records stand at the list's own indentation: the inside is their text.
    const text = JSON.stringify({ x: batch }, null, 2);
    piece += `${i ? ',' : ''}\n${text.slice(BATCH_OPEN.length, -BATCH_CLOSE.length)}`;
    if (piece.length >= pieceChars) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n  ]\n}`;
}

/** GitHub Actions workflow commands: ::error file=…,line=…,col=…,title=…::message */
export function renderGithub(diags: Diagnostic[], opts: RenderOptions): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const kind = { error: 'error', warning: 'warning', info: 'notice' } as const;
  return diags
    .map((d) => {
      const props = [
        d.file ? `file=${prop(opts.fileName ? opts.fileName(d.file) : d.file)}` : '',
        d.line ? `line=${d.line}` : '',
        d.line ? `col=${d.col ?? 1}` : '',
        `title=${prop(d.code)}`,
      ].filter(Boolean);
      const msg = d.message[opts.lang] + (d.hint ? ` ${d.hint[opts.lang]}` : '');
      return `::${kind[d.severity]} ${props.join(',')}::${esc(msg)}`;
    })
    .join('\n');
}
