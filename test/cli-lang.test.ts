// --lang and YILIAN_LANG decide the language of every message, the last-resort one included.
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';
import { ROOT } from './helpers/cli.js';

/** An Io whose stdout fails, so the command ends in main()'s last-resort message. */
function failingIo(env: NodeJS.ProcessEnv): Io & { errors: string[] } {
  const errors: string[] = [];
  return {
    out: () => {
      throw new Error('boom');
    },
    err: (s) => errors.push(s),
    settle: async () => ({}),
    isTTY: false,
    env,
    cwd: ROOT,
    errors,
  };
}

const run = async (args: string[], env: NodeJS.ProcessEnv) => {
  const io = failingIo(env);
  const code = await main(['node', 'yilian', 'validate', 'examples/guangshan-2021', ...args], io);
  return { code, text: io.errors.join('\n') };
};

describe('the language of the last-resort message', () => {
  it('--lang en gives English even when YILIAN_LANG says zh', async () => {
    const r = await run(['--lang', 'en'], { YILIAN_LANG: 'zh' });
    expect(r.code).toBe(2);
    expect(r.text).toContain('internal error: boom');
    expect(r.text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('--lang=zh gives Chinese even when YILIAN_LANG says en', async () => {
    const r = await run(['--lang=zh'], { YILIAN_LANG: 'en' });
    expect(r.text).toContain('内部错误');
  });

  it('an empty YILIAN_LANG is the default, Chinese', async () => {
    expect((await run([], { YILIAN_LANG: '' })).text).toContain('内部错误');
    expect((await run([], {})).text).toContain('内部错误');
  });
});
