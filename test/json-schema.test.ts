// schemas/ is generated from the zod model: it must be current, and accept every example.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, schemaFileName } from '../src/model/json-schema.js';
import { KINDS } from '../src/model/kinds.js';
import { ROOT } from './helpers/cli.js';

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await yamlFiles(p)));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('JSON Schemas', () => {
  it('schemas/ matches the model (run `yilian schema --force` when this fails)', async () => {
    for (const [name, text] of jsonSchemas()) {
      const committed = await readFile(path.join(ROOT, 'schemas', name), 'utf8');
      expect(committed, `schemas/${name} is stale`).toBe(text);
    }
    expect((await readdir(path.join(ROOT, 'schemas'))).sort()).toEqual(KINDS.map(schemaFileName).sort());
  });

  it('an independent validator (ajv) accepts every example document and rejects a broken one', async () => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validators = new Map(KINDS.map((k) => [k, ajv.compile(JSON.parse(jsonSchemas().get(schemaFileName(k))!))]));
    const files = await yamlFiles(path.join(ROOT, 'examples'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    const kindsSeen = new Set<string>();
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const schemaLine = /^# yaml-language-server: \$schema=(\S+)/.exec(text);
      for (const doc of parseAllDocuments(text)) {
        const value = doc.toJS() as { kind: (typeof KINDS)[number] };
        kindsSeen.add(value.kind);
        const validate = validators.get(value.kind)!;
        expect(validate(value), `${path.relative(ROOT, file)}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        expect(schemaLine?.[1], `${file} names its schema`).toBe(`../../schemas/${schemaFileName(value.kind)}`);
      }
    }
    expect([...kindsSeen].sort()).toEqual(KINDS.filter((k) => k !== 'Calendar').sort());
    const alliance = validators.get('Alliance')!;
    expect(alliance({ kind: 'Alliance', id: 'x', name: 'y', type: '医联体', units: [{ name: 'a', role: 'lead', levle: 'x' }] })).toBe(false);
  });
});
