// The expectation format of test/fixtures (see test/fixtures/README.md), parsed strictly: a
// fixture with no expectation, or with a line that looks like one but does not parse, is an
// error — never a fixture that silently asserts nothing.
export type Severity = 'error' | 'warning' | 'info';

export interface Expected {
  file: string;
  line: number;
  col: number;
  code: string;
  severity: Severity;
}

export interface FixtureSpec {
  expects: Expected[];
  /** Substrings that must each appear in some diagnostic's (English) message. */
  messages: string[];
}

const SINGLE_EXPECT = /^#\s*expect:\s*(\S+)\s+(\d+):(\d+)(?:\s+(error|warning|info))?\s*$/;
const SINGLE_MESSAGE = /^#\s*expect-message:\s*(.+?)\s*$/;
const FOLDER_EXPECT = /^(\S+?):(\d+):(\d+)\s+(\S+)(?:\s+(error|warning|info))?\s*$/;
const FOLDER_MESSAGE = /^message:\s*(.+?)\s*$/;
const CODE = /^[a-z0-9-]+\/[a-z0-9-]+$/;

function expectation(file: string, line: string, col: string, code: string, sev: string | undefined, where: string): Expected {
  if (!CODE.test(code)) throw new Error(`${where}: "${code}" is not a rule code (family/name)`);
  const e = { file, line: Number(line), col: Number(col), code, severity: (sev ?? 'error') as Severity };
  if (e.line < 1 || e.col < 1) throw new Error(`${where}: positions are 1-based`);
  return e;
}

/** `# expect: code line:col [severity]` and `# expect-message: text` comment lines. */
export function parseFileSpec(file: string, text: string): FixtureSpec {
  const spec: FixtureSpec = { expects: [], messages: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '');
    if (!/^#\s*expect/i.test(line)) return;
    const where = `${file}:${i + 1}`;
    const m = SINGLE_EXPECT.exec(line);
    const msg = SINGLE_MESSAGE.exec(line);
    if (m) spec.expects.push(expectation(file, m[2]!, m[3]!, m[1]!, m[4], where));
    else if (msg) spec.messages.push(msg[1]!);
    else throw new Error(`${where}: malformed expectation "${line}" (want "# expect: code line:col [warning]")`);
  });
  if (!spec.expects.length) throw new Error(`${file}: no "# expect: code line:col" line`);
  return spec;
}

/** expect.txt of a folder fixture: `file:line:col code [severity]`, `message: text`, `# comment`. */
export function parseFolderSpec(folder: string, text: string): FixtureSpec {
  const spec: FixtureSpec = { expects: [], messages: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const where = `${folder}/expect.txt:${i + 1}`;
    const m = FOLDER_EXPECT.exec(line);
    const msg = FOLDER_MESSAGE.exec(line);
    if (msg) spec.messages.push(msg[1]!);
    else if (m) spec.expects.push(expectation(`${folder}/${m[1]}`, m[2]!, m[3]!, m[4]!, m[5], where));
    else throw new Error(`${where}: malformed line "${line}" (want "file.yaml:line:col code [warning]")`);
  });
  if (!spec.expects.length) throw new Error(`${folder}/expect.txt: no "file:line:col code" line`);
  return spec;
}

/** Fixture text in whatever encoding it was saved in (the expect lines are ASCII). */
export function decodeFixture(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
