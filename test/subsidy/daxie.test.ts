import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import nzh from 'nzh/cn';
import { daxie, daxieCaption } from '../../src/money/daxie.js';

// 《会计基础工作规范》第五十二条 and 《支付结算办法》附件一. Where the rules allow writing 零 or
// not (万位/元位 is 0 but a lower digit is not), we always write it.
const KNOWN: [number, string][] = [
  [0, '零元整'],
  [25000, '贰佰伍拾元整'],
  [20000, '贰佰元整'],
  [1000, '壹拾元整'], // 拾 always carries 壹
  [1500, '壹拾伍元整'],
  [100005, '壹仟元零伍分'], // 分 without 角: 零 after 元
  [10010000, '壹拾万零壹佰元整'], // 万 with zeros
  [10000000, '壹拾万元整'],
  [10500000, '壹拾万零伍仟元整'],
  [100100, '壹仟零壹元整'], // zeros in the middle: one 零
  [605000, '陆仟零伍拾元整'],
  [50, '伍角整'], // less than a yuan; 角 without 分 ends in 整
  [5, '伍分'],
  [55, '伍角伍分'],
  [1050, '壹拾元零伍角整'], // 元位 is 0: 零 (allowed either way; we always write it)
  [1005, '壹拾元零伍分'],
  [168032, '壹仟陆佰捌拾元零叁角贰分'], // 支付结算办法 example (form with 零)
  [1640902, '壹万陆仟肆佰零玖元零贰分'], // 支付结算办法 example
  [32504, '叁佰贰拾伍元零肆分'], // 支付结算办法 example
  [600714, '陆仟零柒元壹角肆分'],
  [10700053, '壹拾万零柒仟元零伍角叁分'],
  [100000000, '壹佰万元整'],
  [10000000000, '壹亿元整'],
  [10000000100, '壹亿零壹元整'],
  [1000000001, '壹仟万元零壹分'],
  [100000000000000, '壹万亿元整'],
  [123456789012345, '壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分'],
  [-100, '负壹元整'],
];

/** 大写 → fen, for round trips (test only). */
function parseDaxie(s: string): number {
  const D = '零壹贰叁肆伍陆柒捌玖';
  let sign = 1;
  if (s.startsWith('负')) {
    sign = -1;
    s = s.slice(1);
  }
  let fen = 0;
  const cents = /(?:([壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?整?$/.exec(s.replace(/^.*元/, ''))!;
  if (cents[1]) fen += D.indexOf(cents[1]) * 10;
  if (cents[2]) fen += D.indexOf(cents[2]);
  const yuanPart = s.includes('元') ? s.slice(0, s.indexOf('元')) : '';
  let total = 0;
  let section = 0;
  let num = 0;
  for (const ch of yuanPart) {
    const d = D.indexOf(ch);
    if (d > 0) num = d;
    else if (ch === '拾') (section += num * 10), (num = 0);
    else if (ch === '佰') (section += num * 100), (num = 0);
    else if (ch === '仟') (section += num * 1000), (num = 0);
    else if (ch === '万') (section = (section + num) * 10_000), (num = 0);
    else if (ch === '亿') (total = (total + section + num) * 100_000_000), (section = 0), (num = 0);
  }
  return sign * ((total + section + num) * 100 + fen);
}

/** Amounts with many zeros, where the 零 rules bite. */
const zeroHeavy = fc
  .array(fc.constantFrom(0, 0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 15 })
  .map((ds) => Number(ds.join('')));
const anyFen = fc.oneof(zeroHeavy, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 100_000_000 }));

describe('daxie (人民币大写)', () => {
  it.each(KNOWN)('%d fen → %s', (fen, text) => {
    expect(daxie(fen)).toBe(text);
    expect(parseDaxie(text)).toBe(fen);
  });

  it('captions a total row', () => {
    expect(daxieCaption(25000)).toBe('合计人民币（大写）：贰佰伍拾元整');
  });

  it('never writes two 零 in a row, never starts or ends with 零, and reads back to the same amount', () => {
    fc.assert(
      fc.property(anyFen, (f) => {
        const s = daxie(f);
        expect(s).not.toMatch(/零零/);
        if (f !== 0) {
          expect(s).not.toMatch(/^零/);
          expect(s).not.toMatch(/零(整)?$/);
          expect(s).not.toMatch(/零[元万亿]/); // a zero never stands right before a unit
        }
        expect(parseDaxie(s)).toBe(f);
      }),
      { numRuns: 2000 },
    );
  });

  it('has one capital digit per non-zero decimal digit, and 整 exactly when there are no 分', () => {
    fc.assert(
      fc.property(anyFen, (f) => {
        const s = daxie(f);
        const digits = [...s].filter((c) => '壹贰叁肆伍陆柒捌玖'.includes(c)).length;
        expect(digits).toBe([...String(f)].filter((c) => c !== '0').length);
        expect(s.endsWith('整')).toBe(f % 10 === 0);
        expect(s.includes('拾') && !/(^|[^壹贰叁肆伍陆柒捌玖])拾/.test(s) || !s.includes('拾')).toBe(true); // 壹拾, never a bare 拾
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with nzh up to the optional 零 and the 整 after 角', () => {
    const norm = (s: string) => s.replace(/[零整]/g, '');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (f) => {
        const yuan = `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
        expect(norm(daxie(f))).toBe(norm(nzh.toMoney(yuan, { outSymbol: false })));
      }),
      { numRuns: 1000 },
    );
  });
});
