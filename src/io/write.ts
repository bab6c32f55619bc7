// Writing outputs: atomically (temp file in the same folder + rename), never over an existing
// file unless the user said --force, never over anything that is not a regular file (a folder,
// a device, a pipe — not even with --force), and never over one of the command's own inputs
// (compared by real path, symlinks followed, even with --force). Missing folders are created.
// Returns a typed result instead of throwing or exiting; src/cli/ turns it into a message and
// exit code.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { IO_CODES } from '../codes/io.js';
import { t, type Diagnostic, type Text } from '../model/diagnostic.js';
import { errnoText } from './errno.js';
import { displayPath } from './read.js';
import { specialKind } from './regular-file.js';

export type WriteErrorCode = 'io/output-exists' | 'io/output-is-input' | 'io/output-path' | 'io/write';

export interface WriteError {
  ok: false;
  code: WriteErrorCode;
  /** The path as given. */
  path: string;
  message: Text;
  hint?: Text;
}

/** On success `path` is the absolute path written. */
export type WriteResult = { ok: true; path: string } | WriteError;

export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** Files the command read: never written over, even with force. */
  inputs?: string[];
}

/** The file-system calls a write makes; tests replace one (a file locked by Excel). */
export type WriteFs = Pick<typeof fs, 'rename' | 'link'>;

/** The real path of a file that may not exist yet (its folder resolved, symlinks followed). */
async function realTarget(p: string): Promise<string> {
  const abs = resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    try {
      return join(await fs.realpath(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

const sameFile = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** A write refused: its words come from the code's declared message (a Diagnostic made only to be read). */
const fail = (d: Diagnostic, path: string, hint?: Text): WriteError => ({
  ok: false,
  code: d.code as WriteErrorCode,
  path,
  message: d.message,
  ...(hint ? { hint } : {}),
});

const existsError = (path: string) =>
  fail(IO_CODES.raise('io/output-exists', { path }), path, t('或用 -o 指定另一个文件', 'or choose another file with -o'));

/** What `-o ''` gets (commands that read the name first, e.g. for the format, say it too). */
export const EMPTY_NAME = IO_CODES.raise('io/output-path', 'empty', {}).message;

/** Why `path` cannot be written at all, whatever --force says; undefined when it can be. */
async function unwritable(path: string, target: string, opts: WriteOptions): Promise<WriteError | undefined> {
  if (!path.trim()) return fail(IO_CODES.raise('io/output-path', 'empty', {}), path);
  for (const input of opts.inputs ?? []) {
    if (sameFile(await realTarget(input), target))
      return fail(
        IO_CODES.raise('io/output-is-input', { path }),
        path,
        t('请用 -o 指定另一个输出文件', 'choose another output file with -o'),
      );
  }
  const st = await fs.stat(target).catch(() => undefined);
  if (st?.isDirectory())
    return fail(IO_CODES.raise('io/output-path', 'folder', { path, example: t(join(path, '名单.xlsx'), join(path, 'roster.xlsx')) }), path);
  const kind = st && specialKind(st);
  if (kind)
    return fail(IO_CODES.raise('io/output-path', 'special', { path, kind }), path);
  // A folder on the way that is really a file (-o 名单.xlsx/x.xlsx).
  for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
    const d = await fs.stat(dir).catch(() => undefined);
    if (!d) continue;
    if (d.isDirectory()) break;
    const shown = displayPath(dir);
    return fail(
      IO_CODES.raise('io/output-path', 'fileOnWay', { folder: shown, path }),
      path,
      t('请检查 -o 的路径', 'check the path given with -o'),
    );
  }
  return undefined;
}

/** The temp file of a write: `.NAME.<pid>.<8 hex>.tmp` beside the target. */
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it exists, it is just not ours to signal
  }
}

/** A temp file younger than this may belong to a write on another computer (a shared folder). */
const STALE_AFTER_MS = 60_000;

/**
 * Remove the temp files a write killed midway (kill -9, power cut) left in `dir`: only names of
 * exactly our pattern whose process is gone and that are over a minute old, so a write still
 * running here or elsewhere is untouched.
 */
async function removeStaleTemps(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const file = join(dir, name);
    const st = await fs.lstat(file).catch(() => undefined);
    if (st?.isFile() && Date.now() - st.mtimeMs > STALE_AFTER_MS) await fs.unlink(file).catch(() => {});
  }
}

/** A failed write in words; a file Excel or WPS holds open (Windows: EBUSY/EPERM) says so. */
function writeError(path: string, e: unknown): WriteError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EBUSY' || code === 'EPERM' || (code === 'EACCES' && process.platform === 'win32'))
    return fail(IO_CODES.raise('io/write', 'busy', { path }), path);
  const why = errnoText(e);
  return fail(IO_CODES.raise('io/write', 'failed', { path, why }), path);
}

export async function writeOutputAtomic(
  path: string,
  data: string | Uint8Array,
  opts: WriteOptions = {},
  fsOver: Partial<WriteFs> = {},
): Promise<WriteResult> {
  const io: WriteFs = { ...fs, ...fsOver };
  const target = await realTarget(path);
  const refused = await unwritable(path, target, opts);
  if (refused) return refused;
  const exists = () =>
    fs.lstat(target).then(
      () => true,
      () => false,
    );
  if (!opts.force && (await exists())) return existsError(path);

  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.mkdir(dirname(target), { recursive: true });
    await removeStaleTemps(dirname(target));
    const fh = await fs.open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.force) await io.rename(tmp, target);
    else {
      // no-clobber: link() fails atomically if the target appeared meanwhile; file systems
      // without hard links (FAT/exFAT USB sticks) fall back to check-then-rename.
      try {
        await io.link(tmp, target);
        await fs.unlink(tmp);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' || (await exists())) {
          await fs.unlink(tmp).catch(() => {});
          return existsError(path);
        }
        await io.rename(tmp, target);
      }
    }
    return { ok: true, path: target };
  } catch (e) {
    await fs.unlink(tmp).catch(() => {});
    return writeError(path, e);
  }
}
