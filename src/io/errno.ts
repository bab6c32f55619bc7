// What a failed file operation means, in words a clerk can act on (the errno code kept for
// whoever helps them).
import { t, type Text } from '../model/diagnostic.js';

const MEANING: Record<string, [string, string]> = {
  EACCES: ['没有权限', 'permission denied'],
  EPERM: ['没有权限，或文件正被其他程序占用', 'not permitted, or the file is in use by another program'],
  EBUSY: ['文件正被其他程序占用', 'the file is in use by another program'],
  ENOENT: ['不存在', 'it does not exist'],
  ENOSPC: ['磁盘已满', 'the disk is full'],
  EDQUOT: ['磁盘配额已用完', 'the disk quota is used up'],
  EROFS: ['磁盘是只读的', 'the disk is read-only'],
  EISDIR: ['这是一个文件夹', 'it is a folder'],
  ENOTDIR: ['路径中有一段不是文件夹', 'a part of the path is not a folder'],
  ELOOP: ['链接绕成了环', 'the links form a loop'],
  ENAMETOOLONG: ['路径太长', 'the path is too long'],
  EMFILE: ['同时打开的文件太多', 'too many open files'],
  EIO: ['磁盘读写出错', 'a disk input/output error'],
};

/** "没有权限，EACCES" / "permission denied, EACCES"; the bare code or message when unknown. */
export function errnoText(e: unknown): Text {
  const err = e as NodeJS.ErrnoException;
  const code = err?.code ?? '';
  const m = MEANING[code];
  if (m) return t(`${m[0]}，${code}`, `${m[1]}, ${code}`);
  const raw = code || String(err?.message ?? e);
  return t(raw, raw);
}
