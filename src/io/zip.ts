// The parts of a zip archive (an .xlsx) read from its central directory, and each part's bytes
// inflated whole or a piece at a time. Reading the directory costs nothing but the directory:
// it says how large every part is once unzipped before any of it is inflated.
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  compressedSize: number;
  size: number;
  /** Where the part's local header starts. */
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The parts named in the central directory, by name (a leading '/' dropped); undefined when there is none to read. */
export function zipParts(data: Uint8Array): Map<string, ZipPart> | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end record is in the last 22 + 65,535 bytes (its comment is at most that long).
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts = new Map<string, ZipPart>();
  const utf8 = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = utf8.decode(data.subarray(at + 46, at + 46 + nameLength)).replace(/^\//, '');
    parts.set(name, {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return parts;
}

/** The part's stored (compressed) bytes, after its local header. */
function storedBytes(data: Uint8Array, part: ZipPart): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (part.offset + 30 > data.length || view.getUint32(part.offset, true) !== LOCAL) throw new Error(`bad local header for ${part.name}`);
  const start = part.offset + 30 + view.getUint16(part.offset + 26, true) + view.getUint16(part.offset + 28, true);
  if (start + part.compressedSize > data.length) throw new Error(`${part.name} runs past the end of the file`);
  if (part.method !== 0 && part.method !== 8) throw new Error(`${part.name}: compression method ${part.method} is not supported`);
  return data.subarray(start, start + part.compressedSize);
}

/** A (small) part's bytes, whole. */
export function partBytes(data: Uint8Array, part: ZipPart): Buffer {
  const stored = storedBytes(data, part);
  return part.method === 0 ? Buffer.from(stored) : inflateRawSync(stored);
}

/** A part's bytes a piece at a time (64 KB): a sheet of 450 MB is never one buffer. */
export async function* partChunks(data: Uint8Array, part: ZipPart): AsyncGenerator<Uint8Array> {
  const stored = storedBytes(data, part);
  if (part.method === 0) {
    for (let at = 0; at < stored.length; at += 1 << 16) yield stored.subarray(at, at + (1 << 16));
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 1 << 16 });
  inflate.end(stored);
  yield* inflate;
}
