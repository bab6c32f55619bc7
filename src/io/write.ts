// Writing outputs: atomically (temp file + rename), never over an input, never over an existing
// file unless the user said --force. Returns a typed error; the CLI decides what to print.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { t, type Text } from '../model/diagnostic.js';

export interface WriteOptions {
  force?: boolean;
  /** Files the command read: an output may never replace one of them. */
  inputs?: string[];
}

export type WriteResult = { ok: true; path: string } | { ok: false; code: string; message: Text };

async function real(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

export async function writeOutputAtomic(target: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<WriteResult> {
  const abs = path.resolve(target);
  const absReal = await real(abs);
  for (const input of opts.inputs ?? []) {
    if ((await real(input)) === absReal)
      return {
        ok: false,
        code: 'io/output-is-input',
        message: t(`输出文件「${target}」是输入文件之一，不会覆盖它。`, `The output ${target} is one of the inputs; it will not be overwritten.`),
      };
  }
  let exists = false;
  try {
    await fs.lstat(abs);
    exists = true;
  } catch {
    /* does not exist */
  }
  if (exists && !opts.force)
    return {
      ok: false,
      code: 'io/output-exists',
      message: t(`文件「${target}」已存在，未覆盖。如确需覆盖请加 --force。`, `${target} already exists and was left alone; add --force to replace it.`),
    };
  const dir = path.dirname(abs);
  try {
    await fs.mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`);
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, abs);
    return { ok: true, path: abs };
  } catch (e) {
    return { ok: false, code: 'io/write', message: t(`无法写入「${target}」：${(e as Error).message}`, `Cannot write ${target}: ${(e as Error).message}`) };
  }
}
