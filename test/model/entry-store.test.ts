// The entry store (model/entry-store.ts) gives back what was appended, field for field and in
// the schema's key order, and a loaded log's entries made into objects still say where they are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryStore } from '../../src/model/entry-store.js';
import { ACTIVITY_TYPES, type ActivityEntry } from '../../src/model/kinds.js';
import { parseYamlDocuments } from '../../src/load/yaml.js';
import { locOf, typeDocument } from '../../src/load/schema.js';
import { DEFAULT_YAML_LIMITS } from '../../src/load/yaml-stream.js';
import type { ActivityLog } from '../../src/model/kinds.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const iso = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const name = fc.oneof(fc.constantFrom('刘鹏飞', '寨河', 'a000-u2', '12', 'x', '心肺 复苏'), fc.string({ minLength: 1, maxLength: 5 }));
const entryOf = (name: fc.Arbitrary<string>): fc.Arbitrary<ActivityEntry> => fc
  .record(
    { date: iso, person: name, unit: name, type: fc.constantFrom(...ACTIVITY_TYPES), halfDays: fc.integer({ min: 1, max: 62 }), note: fc.oneof(name, fc.constant('')) },
    { requiredKeys: ['date', 'person', 'unit', 'type'] },
  )
  .map((e) => e as ActivityEntry);
const entry = entryOf(name);
/** Names a log can hold as they are (the schema trims names). */
const loadable = entryOf(fc.constantFrom('刘鹏飞', '寨河', 'a000-u2', '12', 'x', '心肺 复苏', '"引号"', 'a: b'));

describe('EntryStore', () => {
  it('round-trips entries: values, key order, length, columns and JSON', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 80 }), (entries) => {
        const s = EntryStore.from(entries);
        expect(s.length).toBe(entries.length);
        // key order included: what comes out is what zod would have given
        expect(JSON.stringify(s)).toBe(JSON.stringify(entries));
        expect([...s].map((e) => Object.keys(e))).toEqual(entries.map((e) => Object.keys(e)));
        entries.forEach((e, i) => {
          expect(s.text(s.personId(i))).toBe(e.person);
          expect(s.text(s.unitId(i))).toBe(e.unit);
          expect(s.date(i)).toBe(e.date);
          expect(s.type(i)).toBe(e.type);
          expect(s.halfDays(i)).toBe(e.halfDays);
          expect(s.note(i)).toBe(e.note);
        });
        // equal texts share one id
        const ids = new Map<string, number>();
        entries.forEach((e, i) => {
          for (const [text, id] of [[e.person, s.personId(i)], [e.unit, s.unitId(i)]] as const) {
            expect(ids.get(text) ?? id).toBe(id);
            ids.set(text, id);
          }
        });
        const days = entries.map((e) => Date.parse(e.date) / 86_400_000);
        expect(s.dayRange()).toEqual(days.length ? [Math.min(...days), Math.max(...days)] : undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('entries of a loaded log point at their line and column, as the precise path says', () => {
    fc.assert(
      fc.property(fc.array(loadable, { minLength: 1, maxLength: 20 }), (entries) => {
        const line = (e: ActivityEntry) => `  - ${JSON.stringify(e)}`;
        const text = ['kind: ActivityLog', 'entries:', ...entries.map(line)].join('\n') + '\n';
        const diags: Diagnostic[] = [];
        const raw = parseYamlDocuments(text, 'log.yaml', diags, DEFAULT_YAML_LIMITS)[0]!;
        const doc = typeDocument(raw, diags)!;
        expect(diags).toEqual([]);
        const store = (doc.data as ActivityLog).entries;
        expect(store).toBeInstanceOf(EntryStore);
        for (let i = 0; i < entries.length; i++)
          for (const f of ['date', 'person', 'unit', 'type', 'halfDays', 'note', undefined])
            expect(locOf(store.at(i), f)).toEqual(raw.positions.valueAt(f === undefined ? ['entries', i] : ['entries', i, f]));
      }),
      { numRuns: 60 },
    );
  });

  it('grows past its first arrays without losing an entry', () => {
    const s = new EntryStore();
    for (let i = 0; i < 5000; i++) s.appendFields(i % 2 ? '2021-06-03' : '1999-12-31', `p${i % 7}`, `u${i % 3}`, ACTIVITY_TYPES[i % ACTIVITY_TYPES.length]!, i % 5 ? (i % 62) + 1 : undefined, i % 1000 ? undefined : `n${i}`);
    expect(s.length).toBe(5000);
    expect(s.textCount).toBe(7 + 3); // names and units; notes are kept aside
    expect(s.at(4999)).toEqual({ date: '2021-06-03', person: 'p1', unit: 'u1', type: ACTIVITY_TYPES[4999 % ACTIVITY_TYPES.length], halfDays: (4999 % 62) + 1 });
    expect(s.at(3000)).toEqual({ date: '1999-12-31', person: `p${3000 % 7}`, unit: 'u0', type: ACTIVITY_TYPES[3000 % ACTIVITY_TYPES.length], note: 'n3000' });
  });
});
