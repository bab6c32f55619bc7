// The registry in src/rules/index.ts, its modules and these tests stay in step.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STRUCTURE_RULES } from '../../src/rules/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('rule registry', () => {
  it.each(Object.entries(STRUCTURE_RULES))('%s has its module, its id and a test', (key, rule) => {
    expect(rule.id).toBe(key);
    expect(existsSync(path.join(ROOT, 'src/rules', `${key}.ts`))).toBe(true);
    expect(existsSync(path.join(ROOT, 'test/rules', `${key}.test.ts`))).toBe(true);
    expect(rule.meta.description.zh && rule.meta.description.en).toBeTruthy();
  });
});
