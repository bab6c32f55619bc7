// YAML text → composed documents, one at a time, within limits that bound time and memory.
//
// `yaml`'s parseAllDocuments holds every document's syntax tree at once and composes nested
// collections recursively, so 10,000 levels of `[` overflow the stack, a million `---` or a
// flow list of ten million items outgrow the heap, and nothing says why. We drive its lexer,
// parser and composer ourselves: each lexical token is counted and the parser's nesting is
// checked as it arrives, so a pathological shape stops early with one sentence, and each
// document is handed on (and can be dropped) as soon as it is composed.
import { Composer, Lexer, Parser, type Document, type LineCounter } from 'yaml';

/** Deeper than any plan file needs (they nest 4–6 levels); far below what overflows the stack. */
export const MAX_NESTING_DEPTH = 100;
/** Plan files hold a few documents; thousands are a generated or broken file. */
export const MAX_DOCUMENTS = 1000;
/**
 * Lexical tokens (values, punctuation, spaces, line breaks) allowed per byte of the file-size
 * limit. Real plan files and logs have 0.3–0.6 per byte (a one-line-per-entry activity log
 * about 0.5), so a file within the size limit that reads like one is never refused; memory grows
 * about 100 bytes per token, so this keeps any file within about 75 × the size limit.
 */
export const TOKENS_PER_LIMIT_BYTE = 0.75;

export interface YamlLimits {
  maxDepth: number;
  maxDocuments: number;
  /** Lexical tokens per file; `Infinity` for none. */
  maxTokens: number;
  /**
   * Lexical tokens one parse may hold in memory (see tokensForHeap); `Infinity` for none. The
   * fast log reader parses only the irregular parts of a log this way, so this bounds them.
   */
  memoryTokens: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxDepth: MAX_NESTING_DEPTH,
  maxDocuments: MAX_DOCUMENTS,
  maxTokens: Infinity,
  memoryTokens: Infinity,
};

/**
 * Heap bytes one token of a precise parse may cost, all told: the syntax tree, positions, the
 * converted values, their typed copies. Measured about 400 (12 KB per one-line log entry of ~30
 * tokens); twice that leaves room for the rest of the workspace.
 */
export const HEAP_BYTES_PER_TOKEN = 1000;

/** The tokens a precise parse may hold within a heap of `heapBytes` (V8's limit). */
export function tokensForHeap(heapBytes: number): number {
  return Math.max(100_000, Math.floor(heapBytes / HEAP_BYTES_PER_TOKEN));
}

/** The token budget for files read under a size limit of `maxFileBytes`. */
export function tokenBudget(maxFileBytes: number): number {
  return Math.max(100_000, Math.floor(maxFileBytes * TOKENS_PER_LIMIT_BYTE));
}

export type LimitKind = 'depth' | 'documents' | 'tokens' | 'memory';

/** Thrown out of the token stream when a limit is passed; `offset` is where. */
export class YamlLimitExceeded extends Error {
  constructor(
    readonly kind: LimitKind,
    readonly offset: number,
    readonly limit: number,
    /** Where, when known without the line counter (the quick count runs before it). */
    readonly at?: { line: number; col: number },
  ) {
    super(`YAML ${kind} limit ${limit} exceeded at offset ${offset}`);
  }
}

/**
 * Where a quick count passes the token budget, before any syntax tree is built: each line break
 * is at least one token, each comma (between flow items) at least three (comma, value marker,
 * value). Real files count far below their tokens (a one-line log entry: 15 for about 40), so
 * this refuses only what the parser would refuse too — 19 MB of blank lines, or a flow list of
 * ten million items — at once, instead of after 1.7 GB and minutes of parsing.
 */
export function overBudgetAt(text: string, maxTokens: number): number | undefined {
  if (text.length * 3 <= maxTokens) return undefined;
  // indexOf is far faster than a loop over every character; find the place only when over.
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf(','); i >= 0 && n <= maxTokens; i = text.indexOf(',', i + 1)) n += 3;
  if (n <= maxTokens) return undefined;
  n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n += 1;
    else if (c === 44) n += 3;
    else continue;
    if (n > maxTokens) return i;
  }
  return undefined;
}

function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

const COMPOSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  // Off: `yaml` checks each key against every earlier one (quadratic in a flat mapping of
  // 40,000 keys); yaml.ts finds repeated keys with a Set while converting.
  uniqueKeys: false,
  resolveKnownTags: false,
  keepSourceTokens: true,
  strict: true,
} as const;

/**
 * Compose the documents of `text` one by one, recording line starts in `lc`. Throws
 * YamlLimitExceeded (before composing what passed the limit) when nesting, the number of
 * documents or the number of tokens goes over `limits`.
 */
export function* composeDocuments(text: string, lc: LineCounter, limits: YamlLimits): Generator<Document.Parsed> {
  const parser = new Parser(lc.addNewLine);
  lc.addNewLine(0);
  const over = overBudgetAt(text, limits.maxTokens);
  if (over !== undefined) throw new YamlLimitExceeded('tokens', over, limits.maxTokens, lineColAt(text, over));
  const overMemory = overBudgetAt(text, limits.memoryTokens);
  if (overMemory !== undefined) throw new YamlLimitExceeded('memory', overMemory, limits.memoryTokens, lineColAt(text, overMemory));
  function* tokens() {
    let count = 0;
    let documents = 0;
    for (const lexeme of new Lexer().lex(text)) {
      const at = parser.offset;
      if (++count > limits.maxTokens) throw new YamlLimitExceeded('tokens', at, limits.maxTokens);
      if (count > limits.memoryTokens) throw new YamlLimitExceeded('memory', at, limits.memoryTokens);
      for (const token of parser.next(lexeme)) {
        if (token.type === 'document' && ++documents > limits.maxDocuments)
          throw new YamlLimitExceeded('documents', token.offset, limits.maxDocuments);
        yield token;
      }
      // The parser's stack holds the document and each open collection.
      if (parser.stack.length > limits.maxDepth + 1) throw new YamlLimitExceeded('depth', at, limits.maxDepth);
    }
    yield* parser.end();
  }
  yield* new Composer(COMPOSE_OPTIONS).compose(tokens());
}
