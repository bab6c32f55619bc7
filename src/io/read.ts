// Workspace discovery and reading text files in the encodings clerks actually have.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { t, type Diagnostic } from '../model/diagnostic.js';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

const PLAN_EXT = /\.(ya?ml)$/i;
const DATA_EXT = /\.(ya?ml|csv|xlsx)$/i;

export function displayPath(p: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
}

/**
 * Expand the command-line paths into the files of a workspace: files as given, directories
 * scanned recursively for plan files (skipping dot-folders and node_modules). CSV/XLSX activity
 * logs are picked up only when named explicitly, or when the file's name or its folder's name
 * contains `activity`, 签到 or 记录.
 */
export async function discover(
  inputs: string[],
  diags: Diagnostic[],
): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  // A file reached twice (named and inside a named folder, or through a link) is read once.
  const add = async (p: string) => {
    const abs = path.resolve(p);
    const real = await fs.realpath(abs).catch(() => abs);
    if (!seen.has(real)) {
      seen.add(real);
      out.push(abs);
    }
  };
  const visited = new Set<string>(); // real paths of folders walked, so a link loop ends
  async function walk(dir: string): Promise<void> {
    const real = await fs.realpath(dir).catch(() => dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      // Follow symbolic links (a shared folder of plans linked in); a broken one is skipped.
      const kind = e.isSymbolicLink() ? await fs.stat(full).catch(() => undefined) : e;
      if (!kind) continue;
      if (kind.isDirectory()) await walk(full);
      else if (kind.isFile() && PLAN_EXT.test(e.name)) await add(full);
      else if (kind.isFile() && /\.(csv|xlsx)$/i.test(e.name) && /activity|签到|记录/i.test(path.basename(dir) + e.name))
        await add(full);
    }
  }
  for (const input of inputs.length ? inputs : ['.']) {
    let st;
    try {
      st = await fs.stat(input);
    } catch {
      diags.push({
        code: 'io/not-found',
        severity: 'error',
        message: t(`找不到文件或目录「${input}」。`, `No such file or directory: ${input}`),
        hint: t('请检查路径是否写对。', 'Check the path.'),
      });
      continue;
    }
    if (st.isDirectory()) await walk(input);
    else if (DATA_EXT.test(input)) await add(input);
    else
      diags.push({
        code: 'io/unsupported-file',
        severity: 'error',
        file: displayPath(path.resolve(input)),
        message: t(
          `「${input}」不是计划文件（应为 .yaml、.yml，活动记录也可为 .csv、.xlsx）。`,
          `${input} is not a plan file (expected .yaml or .yml; activity logs may be .csv or .xlsx).`,
        ),
      });
  }
  return out;
}

/**
 * Decode a workspace file (plan YAML, or an activity-log CSV): UTF-8 (BOM stripped); GB18030
 * with a warning naming the file; anything else (UTF-16, binary) an error. CRLF is left to the
 * parsers, which read it normally. `yilian import` reads its CSVs more leniently, see
 * `decodeImportedCsv` in io/xlsx-read.ts.
 */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  diags: Diagnostic[],
): string | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    diags.push(encodingError(file, 'UTF-16'));
    return undefined;
  }
  try {
    let s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    if (s.includes('\u0000')) {
      // UTF-16 without a byte-order mark reads as "valid" UTF-8 full of NUL bytes: name it.
      diags.push(encodingError(file, looksUtf16(bytes) ? 'UTF-16' : 'binary'));
      return undefined;
    }
    return s;
  } catch {
    /* not UTF-8: try GB18030, the encoding Chinese Windows saves by default */
  }
  try {
    const s = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    if (s.includes('\u0000')) throw new Error('binary');
    diags.push({
      code: 'io/encoding-gb18030',
      severity: 'warning',
      file,
      line: 1,
      col: 1,
      message: t(
        `文件「${file}」不是 UTF-8 编码，已按 GB18030（GBK）读取。`,
        `${file} is not UTF-8; it was read as GB18030 (GBK).`,
      ),
      hint: t('建议另存为 UTF-8 编码（记事本“另存为”→编码选 UTF-8）。', 'Save it as UTF-8 to silence this warning.'),
    });
    return s;
  } catch {
    diags.push(encodingError(file, 'unknown'));
    return undefined;
  }
}

/** Mostly-ASCII UTF-16 has a NUL in every other byte. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return n >= 4 && Math.max(even, odd) >= n / 4 && Math.min(even, odd) === 0;
}

function encodingError(file: string, what: string): Diagnostic {
  return {
    code: 'io/encoding',
    severity: 'error',
    file,
    line: 1,
    col: 1,
    message: t(
      `无法识别文件「${file}」的编码（${what}），请保存为 UTF-8。`,
      `Cannot read ${file}: unsupported encoding (${what}); save it as UTF-8.`,
    ),
  };
}

export async function readSource(
  abs: string,
  diags: Diagnostic[],
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ file: string; bytes: Buffer } | undefined> {
  const file = displayPath(abs);
  try {
    const st = await fs.stat(abs);
    if (st.size > maxBytes) {
      diags.push({
        code: 'io/too-large',
        severity: 'error',
        file,
        line: 1,
        col: 1,
        message: t(
          `文件「${file}」有 ${(st.size / 1048576).toFixed(1)} MB，超过上限 ${(maxBytes / 1048576).toFixed(1)} MB。`,
          `${file} is ${(st.size / 1048576).toFixed(1)} MB, over the limit of ${(maxBytes / 1048576).toFixed(1)} MB.`,
        ),
        hint: t('可用 --max-file-size 调高上限，或把大的活动记录拆成按月的文件。', 'Raise it with --max-file-size, or split large logs by month.'),
      });
      return undefined;
    }
    return { file, bytes: await fs.readFile(abs) };
  } catch (e) {
    diags.push({
      code: 'io/read',
      severity: 'error',
      file,
      message: t(`无法读取「${file}」：${(e as Error).message}`, `Cannot read ${file}: ${(e as Error).message}`),
    });
    return undefined;
  }
}
