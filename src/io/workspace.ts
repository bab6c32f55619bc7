// The edge that turns command-line paths into a Workspace: discover, read, decode, parse, type.
import { t, type Diagnostic } from '../model/diagnostic.js';
import { YAML_CODES } from '../codes/loader.js';
import { IO_CODES } from '../codes/io.js';
import { getHeapStatistics } from 'node:v8';
import { readYamlText } from '../load/yaml-log.js';
import { DEFAULT_YAML_LIMITS, tokenBudget, tokensForHeap } from '../load/yaml-stream.js';
import { typeDocument, type TypedDocument } from '../load/schema.js';
import { Workspace } from '../load/workspace.js';
import { unloadedKinds } from '../load/unloaded.js';
import type { Kind } from '../model/kinds.js';
import type { OnProgress } from '../model/progress.js';
import { decodeText, discover, readSource, DEFAULT_MAX_FILE_BYTES } from './read.js';

export interface LoadOptions {
  maxFileBytes?: number;
  /** Told before each file is read, with the entries (of logs, referrals, training) read so far. */
  onProgress?: OnProgress;
}

export interface Loaded {
  workspace: Workspace;
  diagnostics: Diagnostic[];
  files: string[];
}

const EMPTY = Buffer.alloc(0);
/** A file's bytes, let go by its record: once decoded, a large log is not held as bytes, text and entries at once. */
function takeBytes(src: { bytes: Buffer }): Buffer {
  const bytes = src.bytes;
  src.bytes = EMPTY;
  return bytes;
}

export async function loadWorkspace(paths: string[], opts: LoadOptions = {}): Promise<Loaded> {
  const diagnostics: Diagnostic[] = [];
  const files = await discover(paths, diagnostics);
  const docs: TypedDocument[] = [];
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // A file within the size limit may still be shaped to exhaust memory: bound its tokens too,
  // and what is parsed precisely (everything but a log's one-line entries) by the heap V8 has.
  const limits = { ...DEFAULT_YAML_LIMITS, maxTokens: tokenBudget(maxFileBytes), memoryTokens: tokensForHeap(getHeapStatistics().heap_size_limit) };
  /** Kinds some file failed to define, with the first such file (see load/unloaded.ts). */
  const unloaded = new Map<Kind, string>();
  let entries = 0;
  const counted = (doc: TypedDocument) => (entries += (doc.data as { entries?: unknown[] }).entries?.length ?? 0);
  for (const [i, abs] of files.entries()) {
    opts.onProgress?.({ step: 'read', file: i + 1, of: files.length, entries });
    const src = await readSource(abs, diagnostics, maxFileBytes);
    if (!src) continue;
    const file = src.file;
    if (/\.(csv|xlsx)$/i.test(abs)) {
      const { readActivityTable } = await import('./activity-table.js');
      const onRows = opts.onProgress && ((rows: number) => opts.onProgress!({ step: 'read', file: i + 1, of: files.length, entries: entries + rows }));
      const doc = await readActivityTable(file, takeBytes(src), diagnostics, onRows);
      if (doc) {
        docs.push(doc);
        counted(doc);
      }
      continue;
    }
    const text = decodeText(takeBytes(src), file, diagnostics);
    if (text === undefined) continue;
    const before = diagnostics.length;
    // a log of many thousand lines says how far it is, so the progress line moves within the file
    const onLines = opts.onProgress && ((lines: number) => opts.onProgress!({ step: 'read', file: i + 1, of: files.length, entries: entries + lines }));
    // a regular log's entries come typed, as an EntryStore: typeDocument keeps them
    const raws = readYamlText(text, file, diagnostics, limits, { onLines, typeEntries: true });
    if (!raws.length && diagnostics.length === before) diagnostics.push(emptyFile(file));
    const typed: Kind[] = [];
    for (const raw of raws) {
      const doc = typeDocument(raw, diagnostics);
      if (!doc) continue;
      docs.push(doc);
      counted(doc);
      typed.push(doc.kind);
    }
    if (diagnostics.slice(before).some((d) => d.severity === 'error'))
      for (const kind of unloadedKinds(text, typed)) if (!unloaded.has(kind)) unloaded.set(kind, file);
  }
  // Warnings alone (a skipped pipe, a broken link) still leave nothing checked.
  if (!files.length && !diagnostics.some((d) => d.severity === 'error'))
    diagnostics.push(
      IO_CODES.raise('io/empty-workspace', {}, {
        hint: t('在计划文件所在目录运行，或把目录作为参数；用 yilian init 新建示例。', 'Run in the folder with the plan files, pass it as an argument, or start with yilian init.'),
      }),
    );
  return { workspace: new Workspace(docs, unloaded), diagnostics, files };
}

/**
 * A plan file with nothing in it (empty, blank, only comments, or only bare `---`): a warning,
 * since it checks clean while holding nothing — usually saved too early, or the wrong file.
 */
function emptyFile(file: string): Diagnostic {
  return YAML_CODES.raise('yaml/empty-file', { file }, {
    file,
    line: 1,
    col: 1,
    hint: t('写入计划内容（以 kind: 开头），或删除这个文件。', 'Write the plan in it (starting with kind:), or delete the file.'),
  });
}
