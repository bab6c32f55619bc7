import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { byCodePoint, byPinyin } from '../../src/model/order.js';
import { ROOT } from '../helpers/cli.js';

/** The definition: compare the strings' code points one by one. */
function reference(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

describe('byCodePoint', () => {
  it('orders upper case before lower case and Latin before Chinese, as code points do', () => {
    expect(['五常.yaml', 'a.yaml', '光山.yaml', 'B.yaml'].sort(byCodePoint)).toEqual(['B.yaml', 'a.yaml', '五常.yaml', '光山.yaml']);
  });

  it('puts a character beyond the BMP after U+F900, where UTF-16 units would not', () => {
    expect(byCodePoint('𠮷', '豈')).toBeGreaterThan(0);
    expect(byCodePoint('豈', '𠮷')).toBeLessThan(0);
    expect(['𠮷', '豈', 'a'].sort(byCodePoint)).toEqual(['a', '豈', '𠮷']);
  });

  it('agrees in sign with a code-point-by-code-point comparison', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', '光', '五', '豈', '\uffff', '𠮷', '😀', '\ud800', '\udc00', '\udbff') });
    fc.assert(fc.property(text, text, (a, b) => Math.sign(byCodePoint(a, b)) === Math.sign(reference(a, b))), { numRuns: 2000 });
  });
});

describe('byPinyin', () => {
  it('orders Chinese names by pinyin, whatever the machine locale', () => {
    expect(['五常', '光山', '阿荣旗', '郑州'].sort(byPinyin)).toEqual(['阿荣旗', '光山', '五常', '郑州']);
  });

  it('is zero only for identical strings', () => {
    expect(byPinyin('光山', '光山')).toBe(0);
    expect(byPinyin('e\u0301', '\u00e9')).not.toBe(0);
  });
});

describe('src/ never uses the machine locale', () => {
  // localeCompare(x), Intl.Collator(), toLocaleString() etc. without a locale follow LANG/LC_ALL.
  const DEFAULT_LOCALE = [
    /\.localeCompare\(\s*[^,()]*(\([^()]*\)[^,()]*)*\)/,
    /\bIntl\.(Collator|DateTimeFormat|NumberFormat|ListFormat|PluralRules|Segmenter)\(\s*(undefined\s*)?[,)]/,
    /\.toLocale(String|DateString|TimeString|UpperCase|LowerCase)\(\s*\)/,
  ];

  it('finds the pattern where it occurs', () => {
    expect(DEFAULT_LOCALE.some((re) => re.test("a.localeCompare(b)"))).toBe(true);
    expect(DEFAULT_LOCALE.some((re) => re.test("(a.file ?? '').localeCompare(b.file ?? '')"))).toBe(true);
    expect(DEFAULT_LOCALE.some((re) => re.test('new Intl.Collator()'))).toBe(true);
    expect(DEFAULT_LOCALE.some((re) => re.test("a.localeCompare(b, 'zh')"))).toBe(false);
    expect(DEFAULT_LOCALE.some((re) => re.test("new Intl.Collator('zh')"))).toBe(false);
  });

  it('in no source file', () => {
    const src = path.join(ROOT, 'src');
    const hits = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(path.join(src, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `src/${f}:${i + 1}`, line }))
          .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && DEFAULT_LOCALE.some((re) => re.test(line))),
      );
    expect(hits).toEqual([]);
  });
});

describe('byPinyin start-up', () => {
  it('builds the zh collator on first use, not when the module is imported', async () => {
    vi.resetModules();
    const made = vi.spyOn(Intl, 'Collator');
    try {
      const fresh = await import('../../src/model/order.js');
      expect(made).not.toHaveBeenCalled();
      expect(['张', '李', '王'].sort(fresh.byPinyin)).toEqual(['李', '王', '张']);
      fresh.byPinyin('a', 'b');
      expect(made).toHaveBeenCalledTimes(1);
    } finally {
      made.mockRestore();
    }
  });
});
