// Orders that never depend on the machine: `localeCompare` without a locale and `Intl.Collator()`
// follow LANG/LC_ALL, so the same workspace gave different bytes on a Chinese and an English
// system. Everything that sorts text uses one of these two.

/**
 * By Unicode code point, for keys machines read (paths, codes, dates). Plain `<` compares UTF-16
 * units, which puts 𠮷 (a surrogate pair) before 豈 (U+F900); at the first differing unit this
 * compares the whole code points there instead.
 */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A differing trail surrogate belongs to the code point that starts one unit earlier.
    const at = i > 0 && isLead(a.charCodeAt(i - 1)) && (isTrail(x) || isTrail(y)) ? i - 1 : i;
    return a.codePointAt(at)! - b.codePointAt(at)!;
  }
  return a.length - b.length;
}

const isLead = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isTrail = (u: number) => u >= 0xdc00 && u <= 0xdfff;

// Made on first use: building ICU's 'zh' collator costs about 5 ms of CPU, a tenth of `node -e 0`,
// and `validate`, `--help` and most runs never sort for people (start-up, BENCH.md).
let pinyin: Intl.Collator | undefined;

/** 拼音 order (the named 'zh' collation), for lists people read; ties by code point. */
export function byPinyin(a: string, b: string): number {
  return (pinyin ??= new Intl.Collator('zh')).compare(a, b) || byCodePoint(a, b);
}
