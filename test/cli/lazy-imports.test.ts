// Start-up time (issue 9, BENCH.md): what a command line loads before it runs is the static
// import graph of src/cli/main.ts plus the modules of the commands it names. This walks that
// graph (type-only imports and `import()` excluded, as the compiled code has them) so a static
// import of a heavy package where a lazy one belongs fails here, not only in a timing run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/cli.js';

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every package and source file that `entry` (a path under src/) loads before it runs. */
function loadedBy(entry: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(path.join(ROOT, file), 'utf8').matchAll(STATIC_IMPORT)) {
      if (spec!.startsWith('.')) visit(path.posix.join(path.posix.dirname(file), spec!).replace(/\.js$/, '.ts'));
      else if (!spec!.startsWith('node:')) packages.add(spec!.split('/').slice(0, spec!.startsWith('@') ? 2 : 1).join('/'));
    }
  };
  visit(entry);
  return { packages, files };
}

describe('start-up: each command line loads only what it needs', () => {
  it('yilian --help (main.ts alone) loads commander and no command module', () => {
    const { packages, files } = loadedBy('src/cli/main.ts');
    expect([...packages]).toEqual(['commander']);
    expect([...files].filter((f) => /src\/cli\/(validate|check|roster|subsidy|report|import|schema|init|explain)\.ts$/.test(f))).toEqual([]);
  });

  it('validate and check load no spreadsheet library and no document renderer; validate no table', () => {
    for (const [cmd, heavy] of [['validate', ['exceljs', 'cli-table3']], ['check', ['exceljs']]] as const) {
      const { packages, files } = loadedBy(`src/cli/${cmd}.ts`);
      expect([...packages].filter((p) => (heavy as readonly string[]).includes(p)), cmd).toEqual([]);
      expect([...files].filter((f) => /render\/(roster|subsidy|report)/.test(f)), cmd).toEqual([]);
    }
  });

  it('no command line loads chalk before it knows it colours (render/paint.ts loads it)', () => {
    for (const entry of ['src/cli/main.ts', 'src/cli/validate.ts', 'src/cli/check.ts', 'src/cli/import.ts'])
      expect([...loadedBy(entry).packages], entry).not.toContain('chalk');
  });

  it('the walk sees static imports (a check that can fail)', () => {
    expect(loadedBy('src/cli/validate.ts').packages).toContain('zod');
  });
});

describe('colours: chalk is loaded when a run colours, and only then', () => {
  /** validate on an example with warnings, stdout a terminal or not. */
  async function validate(isTTY: boolean): Promise<string> {
    const out: string[] = [];
    const io: Io = { out: (s) => out.push(s), err: (s) => out.push(s), settle: async () => ({}), isTTY, env: { YILIAN_LANG: '' }, cwd: ROOT };
    await main(['node', 'yilian', 'validate', path.join(ROOT, 'examples/guangshan-2021'), '--no-progress'], io);
    return out.join('\n');
  }

  it('a piped run prints plain text; a terminal run prints the same text in colour', async () => {
    const plain = await validate(false);
    const coloured = await validate(true);
    expect(plain).not.toContain('\x1b[');
    expect(coloured).toContain('\x1b[');
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(plain);
  });
});
