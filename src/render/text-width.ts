// Display width of text where East Asian wide characters take two cells (terminal columns, Excel
// column units alike), and wrapping to a width by that measure. string-width (a direct
// dependency, current for Node 20) knows emoji (👍 is 2), zero-width and combining characters
// (a zero-width space is 0, a decomposed é is 1) from the Unicode tables, which a hand-kept
// range list did not.
import stringWidth from 'string-width';

/** Columns `s` takes on a terminal or in a spreadsheet cell (East Asian wide counts 2). */
export function displayWidth(s: string): number {
  return simpleDisplayWidth(s) ?? stringWidth(s);
}

/**
 * The width of `s` when every character of it is of the plain kind below (undefined otherwise),
 * on which every width measure agrees, string-width of any version included.
 */
export function simpleDisplayWidth(s: string): number | undefined {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const n = simpleWidth(s.charCodeAt(i));
    if (n === 0) return undefined;
    w += n;
  }
  return w;
}

/**
 * Width of a UTF-16 unit that is a whole character on its own and whose width is not in doubt:
 * printable ASCII and common narrow punctuation 1, CJK ideographs, CJK punctuation and fullwidth
 * forms 2; 0 for anything else, which goes to string-width. Names, units and dates are nearly
 * all of this kind, and string-width segments every string into graphemes: ~100× slower over a
 * province's 500,000 cells. test/render-text.test.ts checks both agree on this set.
 */
function simpleWidth(c: number): number {
  if (c >= 0x20 && c <= 0x7e) return 1;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 2;
  if ((c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303e)) return 2;
  if ((c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) return 2;
  if (c === 0xb7 || c === 0x2014 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2026 || c === 0xd7) return 1;
  return 0;
}

// Wrap by user-perceived characters, so an emoji, a flag or e + U+0301 is never split; each
// measured the fast way where it can be (string-width for every one of a province's findings'
// characters took 10 s of a 30 s text report).
const GRAPHEMES = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * The characters of `text` with their widths. Text made only of plain characters (see
 * simpleWidth: none combines with its neighbour) is one character per UTF-16 unit, read without
 * the grapheme segmenter, which cost most of a province's text report.
 */
function* characters(text: string): Generator<[string, number]> {
  if (simpleDisplayWidth(text) !== undefined) {
    for (let i = 0; i < text.length; i++) yield [text[i]!, simpleWidth(text.charCodeAt(i))];
    return;
  }
  for (const { segment } of GRAPHEMES.segment(text)) yield [segment, displayWidth(segment)];
}

/** Break text into lines of at most `width` display cells (by character: Chinese has no spaces). */
export function wrapToWidth(text: string, width: number): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const [ch, cw] of characters(para)) {
      if (w + cw > width && line) {
        lines.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** `text` cut to at most `width` display cells (never inside a character), ending in … when cut. */
export function capWidth(text: string, width: number): string {
  if (text.length * 2 <= width) return text; // no character is wider than 2 cells per UTF-16 unit
  let out = '';
  let w = 0;
  for (const [ch, cw] of characters(text)) {
    if (w + cw > width - 1) return out + '…';
    out += ch;
    w += cw;
  }
  return out;
}
