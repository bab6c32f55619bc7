// SARIF 2.1.0 for code-scanning consumers (GitHub, Azure DevOps, IDE viewers). Paths are URIs
// relative to %SRCROOT% — the working directory, which in CI is the repository root — and
// percent-encoded, because offices name their folders in Chinese and with spaces. rules[] lists
// every declared code with its description and help, so an alert can always explain itself.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_CODES, type CodeDeclaration } from '../codes/index.js';
import type { Diagnostic, Lang, Severity } from '../model/diagnostic.js';

export interface SarifOptions {
  lang: Lang;
  toolVersion?: string;
  /** The folder %SRCROOT% stands for; relative file names in diagnostics are relative to it. */
  cwd: string;
  /** The declared codes for rules[] (default: the registry's). */
  codes?: readonly CodeDeclaration[];
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';

/** One path segment percent-encoded per RFC 3986 (UTF-8; unreserved characters stay). */
const encodeSegment = (s: string): string => encodeURIComponent(s);

/** An absolute path as a `file:` URI, every segment encoded (pathToFileURL leaves `[ ] ^ |`). */
export function fileUri(abs: string, folder = false): string {
  const u = pathToFileURL(abs);
  const segments = u.pathname
    .split('/')
    .map((s, i) => (i === 1 && /^[A-Za-z]:$/.test(s) ? s : encodeSegment(decodeURIComponent(s))));
  const uri = `file://${u.host}${segments.join('/')}`;
  return folder && !uri.endsWith('/') ? `${uri}/` : uri;
}

/** Where a file is: relative to %SRCROOT% when inside it, else an absolute `file:` URI. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  return inside ? { uri: rel.split(path.sep).map(encodeSegment).join('/'), uriBaseId: SRCROOT } : { uri: fileUri(abs) };
}

/** `deadline/overdue` → `DeadlineOverdue`: the identifier-like rule name SARIF viewers show. */
const ruleName = (id: string): string => id.split(/[/-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

const escapeMarkdown = (s: string): string => s.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);

function ruleDescriptor(c: CodeDeclaration, lang: Lang) {
  const description = c.description[lang];
  const help = c.help[lang];
  return {
    id: c.id,
    name: ruleName(c.id),
    ...(c.deprecatedIds?.length ? { deprecatedIds: [...c.deprecatedIds] } : {}),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: help, markdown: `**${escapeMarkdown(c.id)}** — ${escapeMarkdown(description)}\n\n${escapeMarkdown(help)}` },
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: { tags: [c.id.split('/')[0]!] },
  };
}

/** A code missing from the registry still gets a rule, so the log stays valid (a test forbids it). */
function undeclared(id: string, severity: Severity): CodeDeclaration {
  const text = { zh: `yilian 的检查项 ${id}。`, en: `yilian finding ${id}.` };
  return { id, severity, description: text, help: text, messages: {} };
}

/** SARIF 2.1.0: one run, every declared code in rules[], results in the order given. */
export function renderSarif(diags: Diagnostic[], opts: SarifOptions): string {
  const declared = [...(opts.codes ?? ALL_CODES)];
  const known = new Set(declared.map((c) => c.id));
  for (const d of diags)
    if (!known.has(d.code)) {
      known.add(d.code);
      declared.push(undeclared(d.code, d.severity));
    }
  const index = new Map(declared.flatMap((c, i) => [c.id, ...(c.deprecatedIds ?? [])].map((id) => [id, i] as const)));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'yilian',
            informationUri: 'https://www.npmjs.com/package/yilian',
            version: opts.toolVersion ?? '0.0.0',
            rules: declared.map((c) => ruleDescriptor(c, opts.lang)),
          },
        },
        language: opts.lang === 'zh' ? 'zh-CN' : 'en-US',
        // Columns are offsets in the line's JavaScript string: UTF-16 code units, as editors count.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: fileUri(opts.cwd, true) } },
        results: diags.map((d) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code)!,
          level: LEVEL[d.severity],
          message: { text: d.message[opts.lang] + (d.hint ? ` ${d.hint[opts.lang]}` : '') },
          ...(d.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: artifactLocation(d.file, opts.cwd),
                      ...(d.line ? { region: { startLine: d.line, startColumn: d.col ?? 1 } } : {}),
                    },
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
