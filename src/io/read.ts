// Workspace discovery and reading text files in the encodings clerks actually have.
import { constants as bufferConstants, isUtf8 } from 'node:buffer';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { t, type Diagnostic } from '../model/diagnostic.js';
import { IO_CODES } from '../codes/io.js';
import { errnoText } from './errno.js';
import { readRegularFile, specialKind, type FileTypeBits } from './regular-file.js';

/** Per-file size limit: a province-year log in YAML (500,000 entries, about 52 MB) fits. */
export const DEFAULT_MAX_FILE_BYTES = 60 * 1024 * 1024;
/** The same limit as `--max-file-size` writes it (the default every command shows in --help). */
export const DEFAULT_MAX_FILE_SIZE = `${DEFAULT_MAX_FILE_BYTES / 1048576}MB`;

const PLAN_EXT = /\.(ya?ml)$/i;
const DATA_EXT = /\.(ya?ml|csv|xlsx)$/i;

/**
 * A file as the terminal shows it: relative to the current folder when inside it, else the full
 * path — either way in the platform's own form (`计划\roster.yaml`, `D:\计划\roster.yaml` on
 * Windows), as a clerk would type it. JSON and SARIF use workspacePathFor instead.
 */
export function displayPath(p: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** The file-system calls discovery makes; tests replace one (a folder that cannot be listed). */
export type DiscoverFs = Pick<typeof fs, 'readdir' | 'stat' | 'lstat' | 'realpath' | 'readlink'>;

/**
 * How JSON and GitHub output name a file: relative to the workspace, with `/`, so a run on
 * Windows and one on Linux agree and a CI annotation finds the file. The workspace is the
 * current folder when every input lies in it (a repository in CI); otherwise the folder the
 * inputs share (`yilian check D:\计划` → `roster.yaml`, never `D:\计划\roster.yaml`).
 * `file` is a diagnostic's path as displayed (see displayPath); the terminal keeps that form.
 * `p` is the path flavour (path.win32 in tests of Windows paths on Linux).
 */
export function workspacePathFor(inputs: string[], cwd = process.cwd(), p: path.PlatformPath = path): (file: string) => string {
  const root = workspaceRootFor(inputs, cwd, p);
  // Asked once per finding (48,000 at province scale) about a few hundred files: each is worked out once.
  const named = new Map<string, string>();
  return (file) => {
    let name = named.get(file);
    if (name === undefined) {
      const abs = p.resolve(cwd, file);
      named.set(file, (name = (isInside(root, abs, p) ? p.relative(root, abs) : abs).split(p.sep).join('/')));
    }
    return name;
  };
}

/** The folder workspacePathFor names files relative to. */
export function workspaceRootFor(inputs: string[], cwd = process.cwd(), p: path.PlatformPath = path): string {
  const dirs = (inputs.length ? inputs : ['.']).map((input) => {
    const abs = p.resolve(cwd, input);
    return DATA_EXT.test(abs) ? p.dirname(abs) : abs;
  });
  let root = p.resolve(cwd);
  if (!dirs.every((d) => isInside(root, d, p))) {
    root = dirs[0]!;
    while (!dirs.every((d) => isInside(root, d, p)) && p.dirname(root) !== root) root = p.dirname(root);
  }
  return root;
}

function isInside(dir: string, f: string, p: path.PlatformPath): boolean {
  const rel = p.relative(dir, f);
  return !rel.startsWith('..') && !p.isAbsolute(rel);
}

/**
 * Expand the command-line paths into the files of a workspace: files as given, directories
 * scanned recursively for plan files (skipping dot-folders and node_modules). CSV/XLSX activity
 * logs are picked up only when named explicitly, or when the file's name or its folder's name
 * contains `activity`, 签到 or 记录. Only regular files are read: a named pipe or device is an
 * error when named, a warning naming it when found in a folder, as is a broken link.
 */
export async function discover(
  inputs: string[],
  diags: Diagnostic[],
  fsOver: Partial<DiscoverFs> = {},
): Promise<string[]> {
  const io: DiscoverFs = { ...fs, ...fsOver };
  const out: string[] = [];
  const seen = new Set<string>();
  // A file reached twice (named and inside a named folder, or through a link) is read once.
  const add = async (p: string) => {
    const abs = path.resolve(p);
    const real = await io.realpath(abs).catch(() => abs);
    if (!seen.has(real)) {
      seen.add(real);
      out.push(abs);
    }
  };
  const wanted = (dir: string, name: string) =>
    PLAN_EXT.test(name) || (/\.(csv|xlsx)$/i.test(name) && /activity|签到|记录/i.test(path.basename(dir) + name));
  const visited = new Set<string>(); // real paths of folders walked, so a link loop ends
  async function walk(dir: string): Promise<void> {
    const real = await io.realpath(dir).catch(() => dir);
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await io.readdir(dir, { withFileTypes: true });
    } catch (e) {
      diags.push(folderUnreadable(dir, e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      // Follow symbolic links (a shared folder of plans linked in); a broken one is named.
      const kind = e.isSymbolicLink() ? await io.stat(full).catch(() => undefined) : e;
      if (!kind) {
        diags.push(await brokenLink(full, 'warning', io));
        continue;
      }
      if (kind.isDirectory()) await walk(full);
      else if (!wanted(dir, e.name)) continue;
      else if (kind.isFile()) await add(full);
      else diags.push(notAFile(full, kind, 'warning'));
    }
  }
  for (const input of inputs.length ? inputs : ['.']) {
    let st;
    try {
      st = await io.stat(input);
    } catch {
      const link = await io.lstat(input).catch(() => undefined);
      if (link?.isSymbolicLink()) diags.push(await brokenLink(path.resolve(input), 'error', io));
      else
        diags.push(IO_CODES.raise('io/not-found', 'missing', { path: input }, { hint: t('请检查路径是否写对。', 'Check the path.') }));
      continue;
    }
    if (st.isDirectory()) await walk(input);
    else if (!st.isFile()) diags.push(notAFile(path.resolve(input), st, 'error'));
    else if (DATA_EXT.test(input)) await add(input);
    else
      diags.push(IO_CODES.raise('io/unsupported-file', { input }, { file: displayPath(path.resolve(input)) }));
  }
  return out;
}

/** A named pipe, device or socket: an error when named, a warning when met in a folder. */
function notAFile(abs: string, st: FileTypeBits, severity: 'error' | 'warning'): Diagnostic {
  const file = displayPath(abs);
  const kind = specialKind(st)!;
  return IO_CODES.raise('io/not-a-file', severity === 'error' ? 'notRead' : 'skipped', { file, kind }, {
    severity,
    file,
    hint: t('计划文件和活动记录须是普通文件。', 'Plan files and activity logs must be regular files.'),
  });
}

/** A symbolic link (快捷方式) whose target is gone: named, with where it pointed. */
async function brokenLink(abs: string, severity: 'error' | 'warning', io: DiscoverFs): Promise<Diagnostic> {
  const file = displayPath(abs);
  const target = await io.readlink(abs).catch(() => '?');
  const extra = { file, hint: t('请重新建立链接，或删除它。', 'Recreate the link or delete it.') };
  // a link named on the command line is a path not found; one met in a folder is skipped
  return severity === 'error'
    ? IO_CODES.raise('io/not-found', 'brokenLink', { file, target }, extra)
    : IO_CODES.raise('io/broken-link', { file, target }, { ...extra, severity });
}

function folderUnreadable(dir: string, e: unknown): Diagnostic {
  const file = displayPath(path.resolve(dir));
  const why = errnoText(e);
  return IO_CODES.raise('io/read', 'folder', { file, why }, { file, hint: t('请检查该文件夹的访问权限。', 'Check the access rights of that folder.') });
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
    // Buffer's decoder is several times faster on a large log; for valid UTF-8 it gives what
    // TextDecoder gives, except that TextDecoder drops a leading byte-order mark itself.
    let s = isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (s.charCodeAt(0) === 0xfeff && isUtf8(bytes)) s = s.slice(1);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    if (s.includes('\u0000')) {
      // UTF-16 without a byte-order mark reads as "valid" UTF-8 full of NUL bytes: name it.
      diags.push(encodingError(file, looksUtf16(bytes) ? 'UTF-16' : 'binary'));
      return undefined;
    }
    return s;
  } catch (e) {
    if (tooLong(e)) {
      diags.push(tooLongForText(file, bytes.length));
      return undefined;
    }
    /* not UTF-8: try GB18030, the encoding Chinese Windows saves by default */
  }
  let gb: string;
  try {
    gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch (e) {
    if (tooLong(e)) {
      diags.push(tooLongForText(file, bytes.length));
      return undefined;
    }
    diags.push(encodingError(file, 'unknown', badBytePosition(bytes)));
    return undefined;
  }
  if (gb.includes('\u0000')) {
    diags.push(encodingError(file, 'binary'));
    return undefined;
  }
  diags.push(IO_CODES.raise('io/encoding-gb18030', 'plan', { file }, {
    file,
    line: 1,
    col: 1,
    hint: t('建议另存为 UTF-8 编码（记事本“另存为”→编码选 UTF-8）。', 'Save it as UTF-8 to silence this warning.'),
  }));
  return gb;
}

/**
 * Where a file that is neither UTF-8 nor GB18030 goes wrong: the line and column of the first
 * undecodable byte, in whichever of the two encodings reads further (a GBK file with one bad
 * byte fails UTF-8 at its first Chinese character, but GB18030 only at the bad byte).
 */
function badBytePosition(bytes: Uint8Array): { line: number; col: number } {
  const [a, b] = [validPrefix(bytes, 'utf-8'), validPrefix(bytes, 'gb18030')];
  const text = a.length >= b.length ? a : b;
  const nl = text.lastIndexOf('\n');
  return { line: text.split('\n').length, col: text.length - nl };
}

/** The text before the first invalid sequence, found by bisection with the real decoder. */
function validPrefix(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): string {
  const decode = (n: number) => new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
  const fails = (n: number) => {
    try {
      decode(n);
      return false;
    } catch {
      return true;
    }
  };
  // Smallest n whose prefix holds an invalid sequence (an unfinished one is not yet invalid).
  let lo = 0;
  let hi = bytes.length;
  if (!fails(hi)) return decode(hi);
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  return decode(lo);
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

/**
 * Decoded whole, a file longer than V8's longest string cannot be read (a raised
 * --max-file-size lets one through): that is said, not that its bytes are in no encoding.
 */
const tooLong = (e: unknown) => (e as { code?: string } | null)?.code === 'ERR_STRING_TOO_LONG';

function tooLongForText(file: string, size: number): Diagnostic {
  return IO_CODES.raise('io/too-large', 'text', { file, size: (size / 1048576).toFixed(1), chars: bufferConstants.MAX_STRING_LENGTH }, { file, line: 1, col: 1 });
}

function encodingError(file: string, what: string, at = { line: 1, col: 1 }): Diagnostic {
  const extra = { file, ...at };
  return what === 'unknown'
    ? IO_CODES.raise('io/encoding', 'bytes', { file, line: at.line, col: at.col }, extra)
    : IO_CODES.raise('io/encoding', 'named', { file, encoding: what }, extra);
}

/** Read a workspace file (a regular file within the size limit); problems become diagnostics. */
export async function readSource(
  abs: string,
  diags: Diagnostic[],
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ file: string; bytes: Buffer } | undefined> {
  const file = displayPath(abs);
  const r = await readRegularFile(abs, maxBytes);
  if (r.ok) return { file, bytes: r.bytes };
  if (r.reason === 'too-large') {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    const extra = { file, line: 1, col: 1, hint: t('可用 --max-file-size 调高上限，或把大的活动记录拆成按月的文件。', 'Raise it with --max-file-size, or split large logs by month.') };
    diags.push(
      r.size === undefined
        ? IO_CODES.raise('io/too-large', 'over', { file, limit: mb(maxBytes) }, extra)
        : IO_CODES.raise('io/too-large', 'size', { file, size: mb(r.size), limit: mb(maxBytes) }, extra),
    );
  } else if (r.reason === 'not-a-file') {
    diags.push(IO_CODES.raise('io/not-a-file', 'notRead', { file, kind: r.kind }, { file }));
  } else {
    const why = errnoText(r.error);
    diags.push(IO_CODES.raise('io/read', 'file', { file, why }, { file }));
  }
  return undefined;
}
