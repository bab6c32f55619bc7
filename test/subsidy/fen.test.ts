import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToYuan, fenToYuanText, mulFen, sumFen, yuanToFen } from '../../src/money/fen.js';

describe('yuanToFen', () => {
  it('is exact for what plan files hold', () => {
    expect(yuanToFen(250)).toBe(25000);
    expect(yuanToFen(12.5)).toBe(1250);
    expect(yuanToFen(0.1)).toBe(10);
    expect(yuanToFen(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(yuanToFen(1.005 - 0.005)).toBe(100);
    expect(yuanToFen(0.1 + 0.2)).toBe(30); // 0.30000000000000004
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen('250.00')).toBe(25000);
    expect(yuanToFen('1,234.5')).toBe(123450);
    expect(yuanToFen('-0.05')).toBe(-5);
    expect(yuanToFen(4000)).toBe(400000);
  });

  it('refuses more than two decimals and non-numbers', () => {
    expect(() => yuanToFen(1.005)).toThrow(RangeError);
    expect(() => yuanToFen('12.345')).toThrow(RangeError);
    expect(() => yuanToFen(Number.NaN)).toThrow(RangeError);
    expect(() => yuanToFen(Infinity)).toThrow(RangeError);
    expect(() => yuanToFen('abc')).toThrow(RangeError);
    expect(() => yuanToFen(1e20)).toThrow(RangeError);
  });

  it('round-trips every two-decimal amount through its text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (f) => {
        expect(yuanToFen(fenToYuanText(f))).toBe(f);
        expect(yuanToFen(Number(fenToYuanText(f)))).toBe(f);
        expect(yuanToFen(fenToYuan(f))).toBe(f);
      }),
    );
  });
});

describe('fen → yuan', () => {
  it('formats with two decimals', () => {
    expect(fenToYuanText(25000)).toBe('250.00');
    expect(fenToYuanText(1250)).toBe('12.50');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(0)).toBe('0.00');
    expect(fenToYuanText(-105)).toBe('-1.05');
    expect(fenToYuanText(123456789, { grouping: true })).toBe('1,234,567.89');
    expect(fenToYuan(1999)).toBe(19.99);
    expect(() => fenToYuanText(1.5)).toThrow(RangeError);
  });

  it('sums exactly where floats drift', () => {
    const tenCents = Array.from({ length: 10 }, () => 10);
    expect(sumFen(tenCents)).toBe(100);
    expect(tenCents.reduce((s, f) => s + f / 100, 0)).not.toBe(1); // why we add fen
    expect(sumFen([])).toBe(0);
    expect(mulFen(25000, 3)).toBe(75000);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => mulFen(100, 0.5)).toThrow(RangeError);
  });
});
