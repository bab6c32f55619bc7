// What a finding code is, declared once: the words SARIF `rules[]`, the check table's 类别 column
// and `yilian explain` show for it, and the message templates every finding of it is worded
// from (ESLint's meta.messages). Declarations are plain data grouped by family (the part of the
// code before the slash, the id of the rule that raises it); a rule carries its families in
// meta.codes, and the registry (codes/index.ts) collects them with the families no rule raises.
// A finding of a declared code is made by its family's `raise`, and only there.
import type { Diagnostic, Severity, Text } from '../model/diagnostic.js';

/** A placeholder's value: the same in both languages, or worded per language (dates, lists). */
export type Value = string | number | Text;

/**
 * A message in both languages with `{name}` placeholders. `P` (the placeholder names, read from
 * the literal text by `msg`) is only a type: `raise` demands exactly those values.
 */
export interface Template<P extends string = string> extends Text {
  readonly __placeholders?: P;
}

type NameChar = ' ' | ',' | ':' | '{' | '"' | '\'';
type IsName<S extends string> = S extends '' ? false : S extends `${string}${NameChar}${string}` ? false : true;
/** The `{name}` placeholders of a literal template string, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}` ? (IsName<P> extends true ? P : never) | Placeholders<R> : never;

/** Declare a message: `msg('日期 {date} 不在本记录的月份 {month} 内。', '{date} is not in this log\'s month {month}.')`. */
export function msg<const Z extends string, const E extends string>(zh: Z, en: E): Template<Placeholders<Z> | Placeholders<E>> {
  return { zh, en };
}

export interface CodeSpec {
  /** The severity the code is normally raised with (a raise site may pick another). */
  severity: Severity;
  /** One line: what the finding means. */
  description: Text;
  /** How to fix it, in a sentence or two. */
  help: Text;
  /** A short kind label for tables (check's 类别 column); the family's label otherwise. */
  label?: Text;
  /** Former ids of a renamed code, kept so CI alerts keyed on them stay stable (SARIF `deprecatedIds`). */
  deprecatedIds?: readonly string[];
  /** The finding's message, when the code is worded one way. */
  message?: Template;
  /** Named messages (ESLint messageIds), when the code's cases are worded differently. */
  messages?: Readonly<Record<string, Template>>;
}

export interface CodeDeclaration extends Omit<CodeSpec, 'message' | 'messages'> {
  /** The family prefix, a slash and the name, e.g. `deadline/overdue`. */
  id: string;
  /** The message templates by id; a code worded one way has the one id `default`. */
  messages: Readonly<Record<string, Text>>;
}

export interface CodeFamily {
  prefix: string;
  /** Label of the family in tables (check groups findings by it). */
  label: Text;
  codes: readonly CodeDeclaration[];
}

/** What a raise site adds to the message: the place, and the hint, path, data or severity of this finding. */
export type Extra = Omit<Partial<Diagnostic>, 'code' | 'message'>;

type DataOf<T> = T extends Template<infer P> ? { readonly [K in P]: Value } : never;
type RaiseArgs<S> = S extends { messages: infer M }
  ? { [I in keyof M & string]: [messageId: I, data: DataOf<M[I]>, extra?: Extra] }[keyof M & string]
  : S extends { message: infer T }
    ? [data: DataOf<T>, extra?: Extra]
    : never;

/** A family as declared, with the one way to make a Diagnostic of its codes. */
export interface DeclaredFamily<P extends string, S extends Record<string, CodeSpec>> extends CodeFamily {
  prefix: P;
  /**
   * A finding of `id`, its message filled from the declared template (`messageId` first when
   * the code declares several), with the declared severity unless `extra` names another.
   */
  raise<N extends keyof S & string>(id: `${P}/${N}`, ...args: RaiseArgs<S[N]>): Diagnostic;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names of a template text, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** A template text split at its placeholders: parts[0], names[0], parts[1], …, parts[n]. */
interface Split {
  parts: string[];
  names: string[];
}

/** A template as filled: both texts split once, and every name either uses. */
interface Compiled {
  zh: Split;
  en: Split;
  names: Set<string>;
}

/** Templates are module constants: split once, not per finding (a province's 48,000 findings spent ≈ 170 ms in regex replaces). */
const compiled = new WeakMap<Text, Compiled>();

function split(text: string): Split {
  const parts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, m.index));
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return { parts, names };
}

function fillSplit(s: Split, data: Readonly<Record<string, Value>>, lang: 'zh' | 'en', where: string): string {
  const out: string[] = [s.parts[0]!];
  for (let i = 0; i < s.names.length; i++) {
    const v = data[s.names[i]!];
    if (v === undefined) throw new Error(`${where}: no value for {${s.names[i]}}`);
    out.push(typeof v === 'object' ? v[lang] : String(v), s.parts[i + 1]!);
  }
  // joined, not added up: `+=` leaves a tree of string pieces that a kept finding holds on to
  // (13 MB of them at province scale); join makes one flat string
  return out.join('');
}

/**
 * Fill a template; a placeholder without a value or a value without a placeholder is a
 * programming error (the types rule it out), so it throws instead of printing `{name}`.
 */
export function fill(template: Text, data: Readonly<Record<string, Value>>, where: string): Text {
  let c = compiled.get(template);
  if (!c) {
    const zh = split(template.zh);
    const en = split(template.en);
    compiled.set(template, (c = { zh, en, names: new Set([...zh.names, ...en.names]) }));
  }
  const out = { zh: fillSplit(c.zh, data, 'zh', where), en: fillSplit(c.en, data, 'en', where) };
  for (const k of Object.keys(data)) if (!c.names.has(k)) throw new Error(`${where}: {${k}} is in no template`);
  return out;
}

/** Declare the codes of one family: `family('deadline', t('期限', 'deadline'), { overdue: {…} })`. */
export function family<const P extends string, const S extends Record<string, CodeSpec>>(prefix: P, label: Text, specs: S): DeclaredFamily<P, S> {
  const codes = Object.entries(specs).map(([name, spec]): CodeDeclaration => {
    const { message, messages, ...rest } = spec;
    return { id: `${prefix}/${name}`, ...rest, messages: messages ?? (message ? { default: message } : {}) };
  });
  const byId = new Map(codes.map((c) => [c.id, c]));
  return {
    prefix,
    label,
    codes,
    raise(id: string, ...args: unknown[]): Diagnostic {
      const c = byId.get(id);
      if (!c) throw new Error(`${id} is not declared in the ${prefix} family`);
      const named = specs[id.slice(prefix.length + 1)]!.messages !== undefined;
      const [messageId, data, extra] = (named ? args : ['default', ...args]) as [string, Record<string, Value>, Extra | undefined];
      const template = c.messages[messageId];
      if (!template) throw new Error(`${id} declares no message ${messageId}`);
      return { code: id, severity: c.severity, ...extra, message: fill(template, data, `${id} ${messageId}`) };
    },
  } as DeclaredFamily<P, S>;
}
