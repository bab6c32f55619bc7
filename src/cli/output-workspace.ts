// What every command that writes a document does: load the workspace, refuse to write
// anything from plan files with errors, pick the one alliance the document is about, and
// write the result.
import { loadWorkspace } from '../io/workspace.js';
import { writeOutputAtomic } from '../io/write.js';
import type { AllianceEntry, Workspace } from '../load/workspace.js';
import { hasErrors, sortDiagnostics, type Diagnostic, type Text } from '../model/diagnostic.js';
import { renderText } from '../render/diagnostics.js';
import { runRules, STRUCTURE_RULES } from '../rules/index.js';
import { EXIT, exitCodeFor, renderOptions, type GlobalOptions, type Io } from './context.js';
import { forceCommand, freeName, renamedCommand } from './rerun.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; exit: number };

/** Print diagnostics (errors only with --quiet) to stderr. */
export function printDiagnostics(io: Io, g: GlobalOptions, ds: Diagnostic[]): void {
  const shown = sortDiagnostics(g.quiet ? ds.filter((d) => d.severity === 'error') : ds);
  const s = renderText(shown, renderOptions(g));
  if (s) io.err(s);
}

/** Load and validate; on errors print them, say that `what` (名单, 发放表 …) was not written. */
export async function loadValidWorkspace(
  paths: string[],
  maxFileBytes: number,
  io: Io,
  g: GlobalOptions,
  what: Text,
): Promise<Outcome<{ workspace: Workspace; files: string[]; warnings: Diagnostic[] }>> {
  const { workspace, diagnostics, files } = await loadWorkspace(paths, { maxFileBytes, onProgress: g.progress });
  g.progress?.({ step: 'judge' });
  const found = [...diagnostics, ...runRules(STRUCTURE_RULES, workspace, {})];
  if (!hasErrors(found)) return { ok: true, value: { workspace, files, warnings: found } };
  printDiagnostics(io, g, found);
  io.err(
    g.lang === 'zh'
      ? `计划文件有错误，未生成${what.zh}。请先运行 yilian validate 修正。`
      : `The plan files have errors; no ${what.en} written. Run yilian validate and fix them first.`,
  );
  // The same code validate gives for these files (a bad encoding is a finding: 1).
  return { ok: false, exit: exitCodeFor(found) };
}

/**
 * The alliance a document is for: `--alliance`, else the one the relevant documents name
 * (`owners`), else the only alliance there is. Undefined when the workspace has none.
 */
export function chooseAlliance(
  workspace: Workspace,
  ref: string | undefined,
  owners: (string | undefined)[],
  io: Io,
  g: GlobalOptions,
  documents: Text,
): Outcome<AllianceEntry | undefined> {
  const zh = g.lang === 'zh';
  if (ref) {
    const entry = workspace.allianceFor(ref);
    if (entry) return { ok: true, value: entry };
    const ids = workspace.alliances.map((a) => a.data.id).join(', ');
    io.err(zh ? `找不到医联体「${ref}」。工作区里有：${ids || '（无）'}` : `No alliance "${ref}". The workspace has: ${ids || '(none)'}`);
    return { ok: false, exit: EXIT.usage };
  }
  const named = new Set(owners.filter((a): a is string => a !== undefined).map((a) => workspace.allianceFor(a)).filter((a) => a !== undefined));
  if (named.size > 1) {
    const ids = [...named].map((a) => a.data.id).join(', ');
    io.err(zh ? `工作区里有多个医联体的${documents.zh}，请用 --alliance 指定：${ids}` : `${documents.en} of several alliances; choose one with --alliance: ${ids}`);
    return { ok: false, exit: EXIT.usage };
  }
  return { ok: true, value: [...named][0] ?? (workspace.alliances.length === 1 ? workspace.alliances[0] : undefined) };
}

/**
 * Write a finished document to the file `output` (atomically, refusing to replace an existing
 * file without `force` or any of the `inputs`). On failure print why and return false.
 */
export async function writeOutputFile(
  output: string,
  bytes: string | Buffer,
  opts: { force?: boolean; inputs: string[] },
  io: Io,
  g: GlobalOptions,
): Promise<boolean> {
  const w = await writeOutputAtomic(output, bytes, opts);
  if (w.ok) return true;
  if (w.code === 'io/output-exists' && io.argv) {
    // name the exact command that overwrites, and one that writes beside it instead
    const other = freeName(output);
    io.err(
      g.lang === 'zh'
        ? `文件「${output}」已存在，未覆盖。\n    确需覆盖（原文件将被替换）：${forceCommand(io.argv)}\n    或另存为新文件：${renamedCommand(io.argv, output, other)}`
        : `${output} already exists and was left alone.\n    To replace it: ${forceCommand(io.argv)}\n    Or write a new file: ${renamedCommand(io.argv, output, other)}`,
    );
    return false;
  }
  io.err(w.message[g.lang] + (w.hint ? `\n    ${w.hint[g.lang]}` : ''));
  return false;
}

/**
 * Write a finished document to stdout (`-o -`) and wait until it has been taken. False when the
 * write failed: the caller then claims nothing, and main() says why (or, for a reader that
 * left, stays quiet).
 */
export async function writeStdout(io: Io, bytes: string | Uint8Array): Promise<boolean> {
  io.outBytes(bytes);
  return !(await io.settle()).stdout;
}
