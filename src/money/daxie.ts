// 人民币大写金额 (the amount in words that payment sheets carry next to the figures), from
// integer fen. Written to 《会计基础工作规范》第五十二条 and 《支付结算办法》附件一:
//
// - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, 元角分; 拾 always carries its digit
//   (10 → 壹拾元整, never 拾元整);
// - zeros between two non-zero digits are written as one 零, however many there are and
//   wherever they fall (inside a 万/亿 group, across a group boundary, or between 元 and 角/分):
//   1,001 → 壹仟零壹元整; 100,100 → 壹拾万零壹佰元整; 16,409.02 → 壹万陆仟肆佰零玖元零贰分;
//   1,680.32 → 壹仟陆佰捌拾元零叁角贰分. Where the rules allow either form (万位 or 元位 is 0
//   but a lower digit is not), we always take the one with 零, the form that leaves no room to
//   insert a digit; leading and trailing zeros are never written;
// - an amount that ends at 元 or 角 ends in 整 (伍角整); one that has 分 does not;
// - less than one yuan starts at the first non-zero unit (0.50 → 伍角整, 0.05 → 伍分);
//   zero is 零元整.
// Negative amounts (never on a payment sheet) are prefixed 负.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const SMALL = ['', '拾', '佰', '仟'] as const;

/** 大写 of an amount of money given in integer fen. */
export function daxie(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer: ${fen}`);
  if (fen < 0) return '负' + daxie(-fen);
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;

  let out = '';
  // a zero has been seen since the last non-zero digit written: the next one gets a 零 first
  let pendingZero = false;
  const digit = (d: number, unit: string) => {
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + unit;
  };

  if (yuan > 0) {
    const s = String(yuan);
    // groups of four digits from the right: 个, 万, 亿, 万亿
    const groups: string[] = [];
    for (let end = s.length; end > 0; end -= 4) groups.unshift(s.slice(Math.max(0, end - 4), end));
    const n = groups.length;
    groups.forEach((g, gi) => {
      const level = n - 1 - gi; // 0 个, 1 万, 2 亿, 3 万亿
      const padded = g.padStart(4, '0');
      let any = false;
      for (let i = 0; i < 4; i++) {
        const d = Number(padded[i]);
        if (d !== 0) any = true;
        digit(d, SMALL[3 - i]!);
      }
      if (any) {
        if (level === 1) out += '万';
        else if (level === 2) out += '亿';
        else if (level === 3) out += Number(groups[gi + 1] ?? '0') === 0 ? '万亿' : '万';
      }
    });
    out += '元';
  }
  digit(jiao, '角');
  digit(fenDigit, '分');
  if (fenDigit === 0) out += '整';
  return out;
}

/** The caption a payment sheet's total row carries: 合计人民币（大写）：贰佰伍拾元整 */
export function daxieCaption(fen: number): string {
  return `合计人民币（大写）：${daxie(fen)}`;
}
