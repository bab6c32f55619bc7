// Writing outputs: atomically (temp file in the same folder + rename), never over an existing
// file unless the user said --force, and never over one of the command's own inputs (compared
// by real path, symlinks followed, even with --force). Missing folders are created. Returns a
// typed result instead of throwing or exiting; src/cli/ turns it into a message and exit code.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { t, type Text } from '../model/diagnostic.js';

export type WriteErrorCode = 'io/output-exists' | 'io/output-is-input' | 'io/write';

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

export async function writeOutputAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<WriteResult> {
  const target = await realTarget(path);
  for (const input of opts.inputs ?? []) {
    if (sameFile(await realTarget(input), target))
      return {
        ok: false,
        code: 'io/output-is-input',
        path,
        message: t(`输出文件「${path}」是输入文件之一，不会覆盖它。`, `The output ${path} is one of the inputs; it will not be overwritten.`),
        hint: t('请用 -o 指定另一个输出文件', 'choose another output file with -o'),
      };
  }
  const exists = async () => {
    try {
      await fs.lstat(target);
      return true;
    } catch {
      return false;
    }
  };
  const existsError = (): WriteResult => ({
    ok: false,
    code: 'io/output-exists',
    path,
    message: t(`文件「${path}」已存在，未覆盖。如确需覆盖请加 --force。`, `${path} already exists and was left alone; add --force to replace it.`),
    hint: t('或用 -o 指定另一个文件', 'or choose another file with -o'),
  });
  if (!opts.force && (await exists())) return existsError();

  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.mkdir(dirname(target), { recursive: true });
    const fh = await fs.open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.force) await fs.rename(tmp, target);
    else {
      // no-clobber: link() fails atomically if the target appeared meanwhile; file systems
      // without hard links (FAT/exFAT USB sticks) fall back to check-then-rename.
      try {
        await fs.link(tmp, target);
        await fs.unlink(tmp);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
          await fs.unlink(tmp).catch(() => {});
          return existsError();
        }
        if (await exists()) {
          await fs.unlink(tmp).catch(() => {});
          return existsError();
        }
        await fs.rename(tmp, target);
      }
    }
    return { ok: true, path: target };
  } catch (e) {
    await fs.unlink(tmp).catch(() => {});
    const err = e as NodeJS.ErrnoException;
    return {
      ok: false,
      code: 'io/write',
      path,
      message: t(`无法写入「${path}」：${err.code ?? err.message}`, `Cannot write ${path}: ${err.code ?? err.message}`),
    };
  }
}
