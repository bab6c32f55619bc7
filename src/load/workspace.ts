// Typed documents → a Workspace: every record indexed for references, documents attached to
// their alliance. Pure: no file system here (see io/workspace.ts).
import type { Kind, KindTypes, Alliance, Unit, Person, Group } from '../model/kinds.js';
import { RefIndex } from './refs.js';
import type { TypedDocument } from './schema.js';

export interface AllianceEntry {
  doc: TypedDocument<'Alliance'>;
  data: Alliance;
  units: RefIndex<Unit & { name: string }>;
  groups: RefIndex<Group & { name: string }>;
}

export class Workspace {
  readonly alliances: AllianceEntry[];
  readonly allianceIndex: RefIndex<Alliance & { name: string }>;
  /** Every unit of every alliance, for documents not tied to one alliance. */
  readonly allUnits: RefIndex<Unit>;
  /** Every person of every roster. */
  readonly people: RefIndex<Person>;
  readonly peopleByAlliance = new Map<string, RefIndex<Person>>();
  /** Which alliance each unit object belongs to. */
  readonly unitAlliance = new Map<Unit, AllianceEntry>();

  /**
   * @param unloaded kinds that some file meant to define but that failed to load, with that
   *   file: what they would have defined is missing, so references to it prove nothing.
   */
  constructor(
    readonly docs: TypedDocument[],
    readonly unloaded: ReadonlyMap<Kind, string> = new Map(),
  ) {
    this.alliances = this.of('Alliance').map((doc) => ({
      doc,
      data: doc.data,
      units: new RefIndex(doc.data.units),
      groups: new RefIndex(doc.data.groups ?? []),
    }));
    this.allianceIndex = new RefIndex(this.alliances.map((a) => a.data));
    this.allUnits = new RefIndex();
    for (const a of this.alliances)
      for (const u of a.data.units) {
        this.allUnits.add(u);
        this.unitAlliance.set(u, a);
      }
    this.people = new RefIndex();
    for (const r of this.of('Roster')) {
      const a = this.allianceFor(r.data.alliance);
      const key = a?.data.id ?? '';
      let idx = this.peopleByAlliance.get(key);
      if (!idx) this.peopleByAlliance.set(key, (idx = new RefIndex()));
      for (const p of r.data.people) {
        this.people.add(p);
        idx.add(p);
      }
    }
  }

  of<K extends Kind>(kind: K): TypedDocument<K>[] {
    return this.docs.filter((d): d is TypedDocument<K> => d.kind === kind);
  }

  data<K extends Kind>(kind: K): KindTypes[K][] {
    return this.of(kind).map((d) => d.data);
  }

  /** The alliance a document belongs to: the one it names, else the only one there is. */
  allianceFor(ref: string | undefined): AllianceEntry | undefined {
    if (ref) {
      const a = this.allianceIndex.get(ref);
      return a ? this.alliances.find((e) => e.data === a) : undefined;
    }
    return this.alliances.length === 1 ? this.alliances[0] : undefined;
  }

  /** Units a document may reference: its alliance's, or all of them. */
  unitsFor(allianceRef: string | undefined): RefIndex<Unit> {
    return this.allianceFor(allianceRef)?.units ?? this.allUnits;
  }

  peopleFor(allianceRef: string | undefined): RefIndex<Person> {
    const a = this.allianceFor(allianceRef);
    return (a && this.peopleByAlliance.get(a.data.id)) ?? this.people;
  }
}
