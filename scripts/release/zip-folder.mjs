// The clerks' zip, written with yilian's own deterministic zip writer (src/render/zip.ts, which
// also re-packs every xlsx): fixed timestamps, and general-purpose flag bit 11 (names are UTF-8)
// on every non-ASCII name, so Windows' built-in unzip shows 使用说明.txt and 光山 examples
// correctly. Debian's Info-ZIP `zip` 3.0 leaves bit 11 unset (it only adds a Unicode extra
// field), which Windows Explorer ignores — hence not `zip -r`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32, writeZip } from '../../dist/render/zip.js';

/** Every file under `dir` as `{name, data}`, names under `prefix` with `/`, sorted. */
export function zipEntriesOfFolder(dir, prefix) {
  const out = [];
  const walk = (d, rel) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, r);
      else out.push({ name: `${prefix}/${r}`, data: readFileSync(full) });
    }
  };
  walk(dir, '');
  return out;
}

/** A zip archive of `{name, data}` entries, deflated, in the given order. */
export function buildZip(entries) {
  return writeZip(
    entries.map(({ name, data }) => ({
      name,
      method: 8,
      flags: 0,
      crc: crc32(data),
      size: data.length,
      compressed: deflateRawSync(data, { level: 9 }),
    })),
  );
}
