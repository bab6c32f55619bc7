// Reading a file the user named or a folder holds, safely: only regular files (a named pipe
// would block forever, /dev/zero never ends), and never more bytes than the limit, whatever
// stat says (stat gives 0 for /proc files and for devices behind a link).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { t, type Text } from '../model/diagnostic.js';

export type FileTypeBits = Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>;

/** What a non-regular file is, in words; undefined for a regular file (a Stats or a Dirent). */
export function specialKind(st: FileTypeBits): Text | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return t('文件夹', 'a folder');
  if (st.isFIFO()) return t('命名管道', 'a named pipe');
  if (st.isCharacterDevice() || st.isBlockDevice()) return t('设备', 'a device');
  if (st.isSocket()) return t('套接字', 'a socket');
  return t('特殊文件', 'a special file');
}

export type ReadResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'not-a-file'; kind: Text }
  | { ok: false; reason: 'too-large'; size?: number }
  | { ok: false; reason: 'error'; error: unknown };

// O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused right after).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Read a regular file whole, if it has at most `maxBytes` bytes. The calls are synchronous: a
 * province workspace of 500 small plan files spent ≈ 150 ms in thread-pool round trips (open,
 * stat, read and close each one), and a command has nothing else to do meanwhile; O_NONBLOCK
 * keeps the open of a named pipe from waiting.
 */
export async function readRegularFile(abs: string, maxBytes: number): Promise<ReadResult> {
  let fd: number;
  try {
    fd = openSync(abs, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: 'error', error };
  }
  try {
    const st = fstatSync(fd);
    const kind = specialKind(st);
    if (kind) return { ok: false, reason: 'not-a-file', kind };
    if (st.size > maxBytes) return { ok: false, reason: 'too-large', size: st.size };
    // Read up to one byte past the limit: that byte says the file is too large.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(st.size - total, 64 * 1024), maxBytes + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) return { ok: false, reason: 'too-large' };
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, reason: 'error', error };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing was written: a failed close loses nothing
    }
  }
}
