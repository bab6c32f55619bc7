// The start-up V8 flag must exist in the V8 it is given to: Node 22's V8 has no
// --interrupt-budget and prints "Error: unrecognized flag" on every run when it is set.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startupFlags } from '../../bin/v8-tuning.js';

describe('start-up V8 flags', () => {
  it('gives the interrupt budget to Node 20 only', () => {
    expect(startupFlags('20.20.2')).toEqual(['--interrupt-budget=540672']);
    expect(startupFlags('22.23.3')).toEqual([]);
    expect(startupFlags('24.1.0')).toEqual([]);
  });

  it('names only flags this Node knows', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    for (const flag of startupFlags()) expect(options).toContain(`  ${flag.replace(/=.*/, '')} `);
  });
});
