// The one Diagnostic/Finding type every layer produces and every renderer consumes.
// Messages carry both languages; the renderer picks one (`--lang`), so the core never needs to
// know who is reading.

import type { Text } from '../i18n/text.js';
import { byCodePoint } from './order.js';

export { t, type Text } from '../i18n/text.js';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';

export interface SourcePos {
  file: string;
  line: number; // 1-based
  col: number; // 1-based, in UTF-16 code units (as editors and SARIF count)
}

export interface Diagnostic {
  code: string; // stable rule code, e.g. `schema/unknown-key`, `deadline/overdue`
  severity: Severity;
  message: Text;
  hint?: Text;
  file?: string;
  line?: number;
  col?: number;
  path?: (string | number)[];
  /** Structured facts for JSON consumers (item no, due date, period …). */
  data?: Record<string, unknown>;
}

export type Finding = Diagnostic;

export function at(pos: SourcePos | undefined): Pick<Diagnostic, 'file' | 'line' | 'col'> {
  return pos ? { file: pos.file, line: pos.line, col: pos.col } : {};
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order on any machine: file (by code point), line, col, then severity and code. */
export function sortDiagnostics<T extends Diagnostic>(ds: T[]): T[] {
  return [...ds].sort(
    (a, b) =>
      byCodePoint(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      byCodePoint(a.code, b.code),
  );
}

export function hasErrors(ds: Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

export function pick(text: Text | undefined, lang: Lang): string | undefined {
  return text ? text[lang] : undefined;
}
