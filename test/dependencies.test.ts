// package.json says what the shipped code needs: every package src/ or bin/ imports is a
// dependency (a devDependency is missing from `npm install --omit=dev`), and every dependency is
// imported (dayjs sat there unused). Test-only packages such as nzh stay in devDependencies.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Package names a source text imports (static, re-export or dynamic), without node: builtins. */
export function importedPackages(text: string): string[] {
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'([.@\w][\w@./:-]*)'/gm)].map((m) => m[1]!);
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

function shippedImports(): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const dir of ['src', 'bin'])
    for (const f of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((x) => /\.(ts|js)$/.test(x)))
      for (const p of importedPackages(readFileSync(path.join(ROOT, dir, f), 'utf8')))
        byPackage.set(p, [...(byPackage.get(p) ?? []), `${dir}/${f}`]);
  return byPackage;
}

describe('dependencies', () => {
  it('finds imports of every form', () => {
    expect(importedPackages("import a from 'yaml';\nimport { b } from 'x/y';\nconst c = await import('exceljs');\nimport '@s/p/q';"))
      .toEqual(['yaml', 'x', 'exceljs', '@s/p']);
    expect(importedPackages("import { f } from './local.js';\nimport fs from 'node:fs';\nfor (const f of ['from', 'at']) g(f);")).toEqual([]);
  });

  it('everything src/ and bin/ import is a dependency', () => {
    const missing = [...shippedImports()].filter(([p]) => !(p in pkg.dependencies)).map(([p, files]) => `${p} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('every dependency is imported by src/ or bin/', () => {
    const used = shippedImports();
    expect(Object.keys(pkg.dependencies).filter((d) => !used.has(d))).toEqual([]);
  });

  it('the test oracle nzh is a devDependency only', () => {
    expect(pkg.devDependencies).toHaveProperty('nzh');
    expect(pkg.dependencies).not.toHaveProperty('nzh');
  });
});
