import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { capWidth, displayWidth, wrapToWidth } from '../src/render/text-width.js';
import { runCli } from './helpers/cli.js';

describe('display width', () => {
  it('counts emoji 2, zero-width characters 0, a decomposed é 1, Chinese 2 a character', () => {
    expect(displayWidth('👍')).toBe(2);
    expect(displayWidth('\u200b')).toBe(0); // zero-width space
    expect(displayWidth('e\u0301')).toBe(1); // e + combining acute
    expect(displayWidth('光山')).toBe(4);
    expect(displayWidth('𠮷野家')).toBe(6); // beyond the BMP, still wide
    expect(displayWidth('👨‍👩‍👧')).toBe(2); // one ZWJ family
    expect(displayWidth('🇨🇳')).toBe(2);
    expect(displayWidth('屈莉 13949188365')).toBe(16);
  });

  it('the fast path agrees with string-width on every kind of character', () => {
    const chars = [
      ' ', '~', 'a', '0', '\u3000', '\u3029', '\u302a', '\u3030', '\u303e', '\u303f', '\u3400', '\u4dbf', '\u4e00', '\u9fff',
      '\uff01', '\uff60', '\uff61', '\uffe0', '\uffe6', '·', '—', '‘', '’', '“', '”', '…', '（', '，', '、', '屈',
      '×', '👍', '\u200b', '\u0301', 'ｱ', 'é', '𠮷', '\t', '\u00ad', '\ufe0f',
    ];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...chars) }), (s) => displayWidth(s) === stringWidth(s)), { numRuns: 2000 });
  });
});

describe('text wrapping by display width', () => {
  it('never loses a character and never exceeds the width', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('屈', '莉', 'a', '1', '（', ' ', '，', '👍', 'e\u0301') }), fc.integer({ min: 2, max: 40 }), (s, w) => {
        const wrapped = wrapToWidth(s, w);
        expect(wrapped.split('\n').join('')).toBe(s);
        for (const line of wrapped.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(w);
      }),
    );
  });

  it('wraps and cuts as measuring every grapheme with string-width does (plain text skips the segmenter)', () => {
    const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });
    const wrapRef = (text: string, width: number) =>
      text
        .split('\n')
        .map((para) => {
          const lines: string[] = [];
          let line = '';
          let w = 0;
          for (const { segment } of graphemes.segment(para)) {
            const cw = stringWidth(segment);
            if (w + cw > width && line) [lines[lines.length], line, w] = [line, '', 0];
            line += segment;
            w += cw;
          }
          return [...lines, line].join('\n');
        })
        .join('\n');
    const capRef = (text: string, width: number) => {
      if (text.length * 2 <= width) return text;
      let out = '';
      let w = 0;
      for (const { segment } of graphemes.segment(text)) {
        const cw = stringWidth(segment);
        if (w + cw > width - 1) return out + '…';
        out += segment;
        w += cw;
      }
      return out;
    };
    const unit = fc.oneof({ arbitrary: fc.constantFrom('屈', '莉', 'a', '1', '（', ' ', '，', '…', '—', '\n'), weight: 8 }, { arbitrary: fc.constantFrom('👍', 'e\u0301', '\u0301', '🇨🇳', '\t', '\u200b', '\r'), weight: 1 });
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((a) => a.join('')), fc.integer({ min: 1, max: 30 }), (s, w) => {
        expect(wrapToWidth(s, w)).toBe(wrapRef(s, w));
        expect(capWidth(s, w)).toBe(capRef(s, w));
      }),
      { numRuns: 2000 },
    );
  });

  it('never splits an emoji or a letter from its combining accent', () => {
    expect(wrapToWidth('ab👍', 3)).toBe('ab\n👍');
    expect(wrapToWidth('e\u0301e\u0301', 1)).toBe('e\u0301\ne\u0301');
    expect(wrapToWidth('光山县人民医院', 5)).toBe('光山\n县人\n民医\n院');
  });

  it('check shows every quota message whole in the terminal table', async () => {
    const r = await runCli(['check', 'examples/guangshan-2021', '--as-of', '2021-07-01']);
    const cells = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .map((l) => l.split('│')[5]!.trim());
    const text = cells.join('').replace(/ /g, '');
    expect(text).toContain('屈莉2021-06门诊、查房、带教3个工作日，要求不少于4个（每月下沉值诊带教不少于4个工作日）'.replace(/ /g, ''));
    expect(r.stdout).toContain('考核指标');
    expect(r.stdout).toMatch(/指标未达标 2 项/);
  });
});
