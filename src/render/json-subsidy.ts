// The 发放表 report model as JSON (`yilian subsidy --format json`): every amount appears twice,
// as integer fen (`…Fen`, exact, what programs should add up) and as yuan text with two decimals
// (`…Yuan`, "250.00"). Reasons and diagnostics in the chosen language.
import type { Lang } from '../model/diagnostic.js';
import type { SubsidyReport } from '../money/subsidy.js';
import { fenToYuanText } from '../money/fen.js';
import { JSON_FORMAT_VERSION, toJsonRecord } from './diagnostics.js';

function withYuan(v: unknown, lang: Lang): unknown {
  if (Array.isArray(v)) return v.map((x) => withYuan(x, lang));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.zh === 'string' && typeof o.en === 'string' && Object.keys(o).length === 2) return o[lang];
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    out[k] = withYuan(x, lang);
    if (k.endsWith('Fen') && typeof x === 'number') out[`${k.slice(0, -3)}Yuan`] = fenToYuanText(x);
  }
  return out;
}

export function renderSubsidyJson(report: SubsidyReport, lang: Lang): string {
  const { diagnostics, ...rest } = report;
  const list = diagnostics.map((d) => toJsonRecord(d, lang));
  return JSON.stringify({ version: JSON_FORMAT_VERSION, ...(withYuan(rest, lang) as object), diagnostics: list }, null, 2);
}
