// Integer fen (分) arithmetic. Every amount of money is an integer number of fen from the moment
// it leaves a plan file; yuan appear again only as text ("250.00") or as the number written into
// a spreadsheet cell (fen / 100, computed once from the exact integer, never summed as floats).

const YUAN_TEXT = /^([+-])?(\d+)(?:\.(\d{0,2}))?$/;

/**
 * Yuan (as the plan file wrote it: `250`, `12.5`, `"0.30"`) → integer fen, exactly.
 *
 * A number is converted through its shortest decimal string (`String(12.5)` = "12.5"), which
 * is what the user typed, so 0.1 + 0.2-style binary noise never reaches the result (a number
 * that is within 1e-9 of a two-decimal value but prints longer, such as 0.1 + 0.2, is read as
 * that value). More than two decimals, a non-finite value, or a result beyond
 * Number.MAX_SAFE_INTEGER fen is a RangeError.
 */
export function yuanToFen(yuan: number | string): number {
  let s: string;
  if (typeof yuan === 'number') {
    if (!Number.isFinite(yuan)) throw new RangeError(`not an amount of money: ${yuan}`);
    s = String(yuan);
    if (/e/i.test(s) || !YUAN_TEXT.test(s)) {
      // exponent form (1e21, 1e-7) or binary noise (0.30000000000000004)
      const fixed = yuan.toFixed(2);
      if (Math.abs(Number(fixed) - yuan) > 1e-9 || /e/i.test(fixed)) throw new RangeError(`more than two decimals: ${yuan}`);
      s = fixed;
    }
  } else s = yuan.trim().replace(/,/g, '');
  const m = YUAN_TEXT.exec(s);
  if (!m) throw new RangeError(`not an amount in yuan with at most two decimals: ${JSON.stringify(yuan)}`);
  const sign = m[1] === '-' ? -1 : 1;
  const whole = m[2]!;
  const frac = (m[3] ?? '').padEnd(2, '0');
  const fen = Number(whole) * 100 + Number(frac);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount too large: ${JSON.stringify(yuan)}`);
  return fen === 0 ? 0 : sign * fen;
}

function checkFen(f: number): void {
  if (!Number.isSafeInteger(f)) throw new RangeError(`fen must be a safe integer: ${f}`);
}

/** Fen → yuan text with exactly two decimals: 25000 → "250.00", -5 → "-0.05". `grouping` adds thousands separators. */
export function fenToYuanText(f: number, opts: { grouping?: boolean } = {}): string {
  checkFen(f);
  const neg = f < 0;
  const abs = Math.abs(f);
  let whole = String(Math.floor(abs / 100));
  if (opts.grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/**
 * Fen → yuan as a number, for a spreadsheet cell. f / 100 is the double nearest to the exact
 * decimal value, which is what a spreadsheet shows with two decimals.
 */
export function fenToYuan(f: number): number {
  checkFen(f);
  return f / 100;
}

/** Exact sum of fen amounts (each and the running total must stay safe integers). */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) {
    checkFen(a);
    total += a;
    checkFen(total);
  }
  return total;
}

/** amountFen × count, checked. */
export function mulFen(amountFen: number, count: number): number {
  checkFen(amountFen);
  if (!Number.isSafeInteger(count)) throw new RangeError(`count must be an integer: ${count}`);
  const r = amountFen * count;
  checkFen(r);
  return r;
}
