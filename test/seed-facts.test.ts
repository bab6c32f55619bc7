// docs/SEED-FACTS.md is the checklist of the seeds' checkable facts (issue 8): every place it
// cites in examples/ must exist and hold YAML, not a blank or a comment line, and every row must
// carry one of the four status words.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const doc = readFileSync(path.join(ROOT, 'docs/SEED-FACTS.md'), 'utf8');
const rows = doc.split('\n').filter((l) => /^\| \d+ \|/.test(l));

describe('docs/SEED-FACTS.md', () => {
  it('lists about 200 facts, each with a status', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const bad = rows.filter((r) => !/\*\*(checked|recorded|missing|not checkable)\*\*/.test(r));
    expect(bad).toEqual([]);
  });

  it('every file:line it cites is a YAML line of an example', () => {
    const refs = [...doc.matchAll(/`([a-z0-9-]+\/[\w.-]+\.yaml):(\d+)`/g)];
    expect(refs.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    for (const [, file, line] of refs) {
      const p = path.join(ROOT, 'examples', file!);
      const text = existsSync(p) ? readFileSync(p, 'utf8').split('\n')[Number(line) - 1] : undefined;
      if (text === undefined || /^\s*(#.*)?$/.test(text)) wrong.push(`${file}:${line}`);
    }
    expect(wrong).toEqual([]);
  });
});
