// references/*: every id, name or alias a document uses must name exactly one record.
import { t, type Diagnostic, type Text } from '../model/diagnostic.js';
import type { RefIndex, Referable } from '../load/refs.js';
import type { Workspace } from '../load/workspace.js';
import type { Kind } from '../model/kinds.js';
import type { PathKey } from '../load/yaml.js';
import { locOf } from '../load/schema.js';
import { where } from './report.js';
import type { Rule } from './rule.js';
import { family, msg } from '../codes/declare.js';

/** The codes this rule raises (also through refProblem, for workplan-departments). */
export const REFERENCES_CODES = family('references', t('引用', 'reference'), {
  unknown: {
    severity: 'error',
    description: t('引用的单位、人员、科室或医联体不存在。', 'A referenced unit, person, department or alliance does not exist.'),
    help: t('按提示改正名称；或在名单或医联体文件中添加它，或把这个写法加入已有记录的 aliases。', 'Correct the name as suggested; or add the record to the roster or alliance file, or add this spelling to an existing record\'s aliases.'),
    deprecatedIds: ['refs/unknown'],
    messages: {
      unknown: msg('未知{what}「{ref}」。', 'Unknown {what} "{ref}".'),
      didYouMean: msg('未知{what}「{ref}」，是否为{suggestions}？', 'Unknown {what} "{ref}"; did you mean {suggestions}?'),
      runTogether: msg('未知{what}「{ref}」：像是把 {count} 个名称写在了一起。', 'Unknown {what} "{ref}": it looks like {count} names run together.'),
    },
  },
  ambiguous: {
    severity: 'error',
    description: t('引用的名称可能指多条记录。', 'A reference could mean several records.'),
    help: t('改用编号（id）或全称。', 'Use the id or the full name.'),
    deprecatedIds: ['refs/ambiguous'],
    message: msg('{what}「{ref}」不唯一，可能指：{candidates}。', 'The {what} "{ref}" is ambiguous: {candidates}.'),
  },
  'alliance-required': {
    severity: 'error',
    description: t('工作区有多个医联体，文档没有写明属于哪一个。', 'The workspace has several alliances and the document does not name its own.'),
    help: t('在文档中写 alliance: 医联体编号。', 'Add alliance: with the alliance id to the document.'),
    deprecatedIds: ['refs/alliance-required'],
    message: msg('工作区有多个医联体，此文档须用 alliance: 指明所属医联体。', 'There are several alliances; this document must name its alliance:.'),
  },
  'duplicate-id': {
    severity: 'error',
    description: t('编号（id）重复。', 'An id is used twice.'),
    help: t('每个编号只能用一次。', 'Each id may be used once.'),
    deprecatedIds: ['refs/duplicate-id'],
    message: msg('{what}编号「{id}」重复。', 'Duplicate {what} id "{id}".'),
  },
  'duplicate-name': {
    severity: 'error',
    description: t('名称重复，而同名记录没有各自的编号。', 'A name is used twice without distinct ids.'),
    help: t('给同名的记录各加一个不同的 id，引用时用 id。', 'Give each record of that name its own id, and refer to them by id.'),
    deprecatedIds: ['refs/duplicate-name'],
    message: msg('{what}名称「{name}」重复，同名记录须各有不同的编号（id）。', 'Duplicate {what} name "{name}": records with the same name need distinct ids.'),
  },
  unchecked: {
    severity: 'info',
    description: t(
      '定义这些记录的文件（名单或医联体文件）有错误没能读入，对其中记录的引用未核对。',
      'The file that defines these records (a roster or alliance file) has errors and was not read, so references to them were not checked.',
    ),
    help: t('先改正该文件的错误，再运行一次。', 'Fix the errors in that file, then run again.'),
    deprecatedIds: ['refs/unchecked'],
    message: msg('「{file}」有错误没能读入，{counts}的引用因此未核对。', '{file} has errors and was not read, so {counts} were not checked.'),
  },
});

const KIND_WORDS = {
  unit: t('单位', 'unit'),
  person: t('人员', 'person'),
  alliance: t('医联体', 'alliance'),
  group: t('小组', 'group'),
  department: t('科室', 'department'),
} satisfies Record<string, Text>;
type What = keyof typeof KIND_WORDS;

/** Where a missing record of each kind is added: people live in the Roster, not the Alliance. */
const ADD_HINT = {
  unit: t(
    '在医联体文件（kind: Alliance）的 units 中添加该单位，或在已有单位的 aliases 中加入这个写法。',
    'Add the unit to the units of the Alliance file (kind: Alliance), or add this spelling to an existing unit\'s aliases.',
  ),
  person: t(
    '在人员名单（kind: Roster）的 people 中添加该人员，或在已有人员的 aliases 中加入这个写法。',
    'Add the person to the people of the Roster (kind: Roster), or add this spelling to an existing person\'s aliases.',
  ),
  alliance: t(
    '为该医联体写一个医联体文件（kind: Alliance），或在已有医联体的 aliases 中加入这个写法。',
    'Write an Alliance file (kind: Alliance) for it, or add this spelling to an existing alliance\'s aliases.',
  ),
  group: t(
    '在医联体文件（kind: Alliance）的 groups 中添加该小组，或在已有小组的 aliases 中加入这个写法。',
    'Add the group to the groups of the Alliance file (kind: Alliance), or add this spelling to an existing group\'s aliases.',
  ),
  department: t(
    '在医联体文件（kind: Alliance）中该单位的 departments 里添加该科室，或在已有科室的 aliases 中加入这个写法。',
    "Add the department to its unit's departments in the Alliance file (kind: Alliance), or add this spelling to an existing department's aliases.",
  ),
} satisfies Record<What, Text>;

export function refProblem<T extends Referable>(
  index: RefIndex<T>,
  ref: string,
  what: What,
  obj: object,
  field: PathKey,
): Diagnostic | undefined {
  const r = index.lookup(ref);
  if (r.ok) return undefined;
  const w = KIND_WORDS[what];
  if (r.ambiguous.length > 1) {
    let labels = r.ambiguous.map((x) => (x.id ? `${x.name}（${x.id}）` : x.name));
    // The same name twice (one person in two rosters) tells the clerk nothing: say where each is.
    if (new Set(labels).size < labels.length)
      labels = r.ambiguous.map((x, i) => {
        const at = locOf(x);
        return at ? `${labels[i]}（${at.file}:${at.line}）` : labels[i]!;
      });
    return REFERENCES_CODES.raise(
      'references/ambiguous',
      { what: w, ref, candidates: t(labels.join('、'), labels.join(', ')) },
      { ...where(obj, field), hint: t('改用编号（id）或全称。', 'Use the id or the full name.'), data: { ref } },
    );
  }
  if (/[，、；;]/.test(ref) || (/,/.test(ref) && ref.length > 1)) {
    // 院办，党办 in a list: the full-width comma made one name out of two.
    const parts = ref.split(/[，、；;,]/).map((x) => x.trim()).filter(Boolean);
    return REFERENCES_CODES.raise('references/unknown', 'runTogether', { what: w, ref, count: parts.length }, {
        ...where(obj, field),
        hint: t(`列表里用英文逗号分隔：[${parts.join(', ')}]，或每项单独一行“- 名称”。`, `Separate list items with ASCII commas: [${parts.join(', ')}], or one "- name" per line.`),
        data: { ref, parts },
    });
  }
  const s = index.suggestions(ref);
  const extra = { ...where(obj, field), data: { ref, suggestions: s } };
  return s.length
    ? REFERENCES_CODES.raise('references/unknown', 'didYouMean', { what: w, ref, suggestions: t(s.map((x) => `「${x}」`).join('或'), s.map((x) => `"${x}"`).join(' or ')) }, extra)
    : REFERENCES_CODES.raise('references/unknown', 'unknown', { what: w, ref }, { ...extra, hint: ADD_HINT[what] });
}

function checkAllianceRef(ws: Workspace, obj: { alliance?: string }, out: Diagnostic[], reference: typeof refProblem): void {
  if (obj.alliance) {
    const p = reference(ws.allianceIndex, obj.alliance, 'alliance', obj, 'alliance');
    if (p) out.push(p);
  } else if (ws.alliances.length > 1) {
    out.push(
      REFERENCES_CODES.raise('references/alliance-required', {}, {
        ...where(obj),
        hint: t(`可选：${ws.alliances.map((a) => a.data.id).join('、')}。`, `One of: ${ws.alliances.map((a) => a.data.id).join(', ')}.`),
      }),
    );
  }
}

/** Two records that share a name need ids to tell them apart; ids must be unique. */
function checkDuplicates<T extends Referable>(records: T[], what: What, out: Diagnostic[]): void {
  const w = KIND_WORDS[what];
  const byId = new Map<string, T>();
  const byName = new Map<string, T>();
  for (const r of records) {
    if (r.id) {
      const prev = byId.get(r.id);
      if (prev)
        out.push(
          REFERENCES_CODES.raise('references/duplicate-id', { what: w, id: r.id }, {
            ...where(r, 'id'),
            hint: t('每个编号只能用一次。', 'Each id may be used once.'),
          }),
        );
      else byId.set(r.id, r);
    }
    const prev = byName.get(r.name);
    if (prev && (!r.id || !prev.id))
      out.push(
        REFERENCES_CODES.raise('references/duplicate-name', { what: w, name: r.name }, where(r, 'name')),
      );
    else if (!prev) byName.set(r.name, r);
  }
}

export const references: Rule = {
  id: 'references',
  meta: { description: t('引用的单位、人员、小组须存在且唯一', 'References must name exactly one record'), defaultSeverity: 'error', codes: [REFERENCES_CODES] },
  check(ws) {
    const out: Diagnostic[] = [];
    const unchecked = new Map<What, number>();
    // Unknown only because the file that defines such records failed to load: counted, not said.
    const reference = <T extends Referable>(index: RefIndex<T>, ref: string, what: What, obj: object, field: PathKey) => {
      const p = refProblem(index, ref, what, obj, field);
      if (p?.code !== 'references/unknown' || !ws.unloaded.has(DEFINED_IN[what])) return p;
      unchecked.set(what, (unchecked.get(what) ?? 0) + 1);
      return undefined;
    };
    checkDuplicates(ws.alliances.map((a) => a.data), 'alliance', out);
    for (const a of ws.alliances) {
      checkDuplicates(a.data.units, 'unit', out);
      checkDuplicates(a.data.groups ?? [], 'group', out);
      for (const u of a.data.units) {
        if (u.lead) {
          const p = reference(a.units, u.lead, 'unit', u, 'lead');
          if (p) out.push(p);
        }
      }
      for (const g of a.data.groups ?? []) {
        if (g.parent) {
          const p = reference(a.groups, g.parent, 'group', g, 'parent');
          if (p) out.push(p);
        }
        if (g.unit) {
          const p = reference(a.units, g.unit, 'unit', g, 'unit');
          if (p) out.push(p);
        }
        g.disjointFrom?.forEach((ref, i) => {
          const p = reference(a.groups, ref, 'group', g.disjointFrom!, i);
          if (p) out.push(p);
        });
        for (const m of g.members) {
          if (m.unit) {
            const p = reference(a.units, m.unit, 'unit', m, 'unit');
            if (p) out.push(p);
          }
        }
      }
    }
    for (const doc of ws.docs) {
      const d = doc.data as { alliance?: string };
      // Logs, training, referrals and indicators name people and units, which identify the
      // alliance; plans, rosters and quotas must say whose they are when there are several.
      if (doc.kind === 'WorkPlan' || doc.kind === 'Roster' || doc.kind === 'Quotas') checkAllianceRef(ws, d, out, reference);
      else if (d.alliance) {
        const p = reference(ws.allianceIndex, d.alliance, 'alliance', d, 'alliance');
        if (p) out.push(p);
      }
    }
    for (const r of ws.data('Roster')) {
      const units = ws.unitsFor(r.alliance);
      const people = ws.peopleFor(r.alliance);
      checkDuplicates(r.people, 'person', out);
      for (const p of r.people) {
        const pr = reference(units, p.unit, 'unit', p, 'unit');
        if (pr) out.push(pr);
      }
      for (const a of r.assignments) {
        const pp = reference(people, a.person, 'person', a, 'person');
        if (pp) out.push(pp);
        const pu = reference(units, a.target, 'unit', a, 'target');
        if (pu) out.push(pu);
      }
    }
    for (const log of ws.data('ActivityLog')) {
      const units = ws.unitsFor(log.alliance);
      const people = ws.peopleFor(log.alliance);
      // From the columns: each distinct name and unit is looked up once, and only an entry that
      // names a wrong one is made into an object, to say where it is.
      const s = log.entries;
      const personOk: (boolean | undefined)[] = new Array(s.textCount);
      const unitOk: (boolean | undefined)[] = new Array(s.textCount);
      for (let i = 0; i < s.length; i++) {
        const pid = s.personId(i);
        const uid = s.unitId(i);
        const pOk = (personOk[pid] ??= people.lookup(s.text(pid)).ok);
        const uOk = (unitOk[uid] ??= units.lookup(s.text(uid)).ok);
        if (pOk && uOk) continue;
        const e = s.at(i);
        const pp = pOk ? undefined : reference(people, e.person, 'person', e, 'person');
        if (pp) out.push(pp);
        const pu = uOk ? undefined : reference(units, e.unit, 'unit', e, 'unit');
        if (pu) out.push(pu);
      }
    }
    for (const tr of ws.data('Training')) {
      const units = ws.unitsFor(tr.alliance);
      for (const e of tr.entries) {
        for (const f of ['from', 'at'] as const) {
          const p = reference(units, e[f], 'unit', e, f);
          if (p) out.push(p);
        }
      }
    }
    for (const kind of ['Referrals', 'Indicators'] as const) {
      for (const doc of ws.data(kind)) {
        const units = ws.unitsFor(doc.alliance);
        for (const e of doc.entries) {
          // an Indicators entry is a unit's figures or the alliance's as a whole (the schema asks one)
          const whole = 'alliance' in e ? e.alliance : undefined;
          const p = e.unit !== undefined ? reference(units, e.unit, 'unit', e, 'unit') : whole !== undefined ? reference(ws.allianceIndex, whole, 'alliance', e, 'alliance') : undefined;
          if (p) out.push(p);
        }
      }
    }
    out.push(...uncheckedNotes(ws, unchecked));
    return out;
  },
};

/** The kind of file whose records a reference names. */
const DEFINED_IN = {
  unit: 'Alliance',
  person: 'Roster',
  alliance: 'Alliance',
  group: 'Alliance',
  department: 'Alliance',
} satisfies Record<What, Kind>;

/** One note per file that failed, for the references that could not be checked because of it. */
function uncheckedNotes(ws: Workspace, unchecked: Map<What, number>): Diagnostic[] {
  const byFile = new Map<string, [What, number][]>();
  for (const [what, n] of unchecked) {
    const file = ws.unloaded.get(DEFINED_IN[what])!;
    byFile.set(file, [...(byFile.get(file) ?? []), [what, n]]);
  }
  return [...byFile].map(([file, counts]) => {
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    const words = t(counts.map(([w, n]) => `${n} 处对${KIND_WORDS[w].zh}`).join('、'), counts.map(([w, n]) => `${n} reference(s) to ${KIND_WORDS[w].en}s`).join(' and '));
    return REFERENCES_CODES.raise('references/unchecked', { file, counts: words }, {
      file,
      line: 1,
      col: 1,
      hint: t('先改正该文件的错误，再运行一次。', 'Fix the errors in that file, then run again.'),
      data: { unchecked: total },
    });
  });
}
