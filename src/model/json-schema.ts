// JSON Schema of every kind, for editors (`# yaml-language-server: $schema=…`).
import { z } from 'zod';
import { JSON_SHAPES } from './json-shapes.js';
import { KIND_SCHEMAS, KINDS, type Kind } from './kinds.js';

export function schemaFileName(kind: Kind): string {
  return `${kind.toLowerCase()}.schema.json`;
}

/** Kind → pretty-printed JSON Schema text (stable, so a test can detect stale files). */
export function jsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of KINDS) {
    const schema = z.toJSONSchema(KIND_SCHEMAS[kind], {
      io: 'output',
      unrepresentable: 'any',
      target: 'draft-2020-12',
      override: ({ zodSchema, jsonSchema }) => reshape(zodSchema, jsonSchema as Record<string, unknown>),
    }) as Record<string, unknown>;
    // `version`, `kind` and defaults are input-optional even though the output always has them.
    const doc = { ...schema, $id: `https://yilian.local/schemas/${schemaFileName(kind)}`, title: `yilian ${kind}` };
    relaxDefaults(doc);
    out.set(schemaFileName(kind), JSON.stringify(doc, null, 2) + '\n');
  }
  return out;
}

/** Fields registered in JSON_SHAPES take their shape from there (dates, phones, numbers as text). */
function reshape(zodSchema: z.core.$ZodType, json: Record<string, unknown>): void {
  const shape = JSON_SHAPES.get(zodSchema);
  if (!shape) return;
  const own = { ...json };
  for (const k of Object.keys(json)) delete json[k];
  Object.assign(json, shape.json ?? (shape.orNumber ? { anyOf: [own, shape.orNumber] } : own));
}

/** With io: 'output', fields that have defaults are listed as required; a file may omit them. */
function relaxDefaults(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.properties && Array.isArray(o.required)) {
    const props = o.properties as Record<string, Record<string, unknown>>;
    o.required = (o.required as string[]).filter((k) => !(props[k] && 'default' in props[k]!));
  }
  for (const v of Object.values(o)) relaxDefaults(v);
}
