// "Did you mean" for keys, units, people and enum values.

import { byCodePoint } from '../model/order.js';
/** Edit distance over code points (CJK-safe), counting a swap of neighbours as one edit
 * (optimal string alignment), since `levle` for `level` is the typical typo. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...new Array<number>(y.length).fill(0)]);
  for (let j = 0; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[x.length]![y.length]!;
}

/**
 * The candidates closest to `input`, best first. A candidate qualifies when it is within about a
 * third of the input's length in edits, or when one contains the other (寨和 → 寨河镇卫生院 is
 * caught by distance; 泼河 → 光山县中医院泼河镇分院 by containment).
 */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const inp = input.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c) || c === input) continue;
    seen.add(c);
    const lc = c.toLowerCase();
    const d = editDistance(inp, lc);
    const budget = Math.max(1, Math.floor(Math.max([...inp].length, 2) / 3));
    if (d <= budget) scored.push({ c, d });
    else if (inp.length >= 2 && (lc.includes(inp) || inp.includes(lc))) scored.push({ c, d: d + 10 });
  }
  scored.sort((a, b) => a.d - b.d || byCodePoint(a.c, b.c));
  return scored.slice(0, limit).map((s) => s.c);
}

export function didYouMean(input: string, candidates: Iterable<string>): { zh: string; en: string } | undefined {
  const s = suggest(input, candidates);
  if (!s.length) return undefined;
  return { zh: `是否为「${s.join('」或「')}」？`, en: `did you mean ${s.map((x) => `"${x}"`).join(' or ')}?` };
}
