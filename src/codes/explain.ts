// What `yilian explain` and docs/RULES.md say about the rules and codes, built from the code
// registry and the rule registry only, so the two can never disagree with what yilian raises.
import { didYouMean } from '../load/suggest.js';
import type { Lang, Severity, Text } from '../model/diagnostic.js';
import { RULE_IDS, ruleById } from '../rules/index.js';
import { ALL_CODES, CODE_FAMILIES, codeInfo, LOCKED_FAMILIES, type CodeDeclaration } from './index.js';

const SEVERITY: Record<Severity, Text> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

const locked = (id: string) => LOCKED_FAMILIES.includes(id.split('/')[0]!);

/** How a workspace sets this code's level, as a clerk would write it. */
function settingExample(id: string, lang: Lang): string {
  if (locked(id)) return lang === 'zh' ? '（读取类代码，不能调整级别）' : '(a reading code: its level cannot be changed)';
  return ['kind: Settings', 'rules:', `  ${id}: warning`, '', `yilian check --rule ${id}=warning`].map((l) => (l ? `    ${l}` : '')).join('\n');
}

function codeLines(c: CodeDeclaration, lang: Lang): string[] {
  const zh = lang === 'zh';
  const lines = [`${c.id}  ${(c.label ?? familyOf(c.id)?.label)?.[lang] ?? ''}`.trimEnd(), '', `  ${c.description[lang]}`, '', `  ${zh ? '怎么改' : 'How to fix'}: ${c.help[lang]}`];
  lines.push(`  ${zh ? '默认级别' : 'Default severity'}: ${SEVERITY[c.severity][lang]}`);
  if (c.deprecatedIds?.length) lines.push(`  ${zh ? '旧代码（仍可用）' : 'Former ids (still accepted)'}: ${c.deprecatedIds.join(', ')}`);
  lines.push('', `  ${zh ? '调整级别的写法' : 'Setting its level'}:`, settingExample(c.id, lang));
  return lines;
}

function familyOf(id: string) {
  return CODE_FAMILIES.find((f) => f.prefix === id.split('/')[0]);
}

/**
 * `yilian explain X`: a code (or a former id), a rule id, or a family prefix. Undefined with a
 * did-you-mean when X is none of them.
 */
export function explain(key: string, lang: Lang): { ok: true; text: string } | { ok: false; hint?: Text } {
  const zh = lang === 'zh';
  const code = codeInfo(key);
  if (code) return { ok: true, text: codeLines(code, lang).join('\n') };
  const rule = ruleById(key);
  if (rule) {
    const lines = [
      `${rule.id}  ${rule.meta.description[lang]}`,
      `  ${zh ? '默认级别' : 'Default severity'}: ${SEVERITY[rule.meta.defaultSeverity][lang]}`,
      '',
      `  ${zh ? '调整级别的写法' : 'Setting its level'}:`,
      settingExample(rule.id, lang),
    ];
    return { ok: true, text: lines.join('\n') };
  }
  const fam = familyOf(`${key}/`);
  if (fam && !key.includes('/')) return { ok: true, text: fam.codes.map((c) => codeLines(c, lang).join('\n')).join('\n\n') };
  return { ok: false, hint: didYouMean(key, [...RULE_IDS(), ...ALL_CODES.flatMap((c) => [c.id, ...(c.deprecatedIds ?? [])])]) };
}

/** `yilian explain` alone: every code, grouped by family, one line each. */
export function listCodes(lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const f of CODE_FAMILIES) {
    out.push(`${f.prefix}/*  ${f.label[lang]}${locked(f.prefix + '/') ? (zh ? '（不能调整级别）' : ' (level cannot be changed)') : ''}`);
    for (const c of f.codes) out.push(`  ${c.id.padEnd(40)} ${SEVERITY[c.severity][lang].padEnd(zh ? 2 : 7)}  ${c.description[lang]}`);
    out.push('');
  }
  out.push(zh ? '规则（可在 Settings 或 --rule 中调整级别）：' : 'Rules (levels set in Settings or with --rule):');
  for (const id of RULE_IDS()) {
    const r = ruleById(id)!;
    out.push(`  ${id.padEnd(40)} ${SEVERITY[r.meta.defaultSeverity][lang].padEnd(zh ? 2 : 7)}  ${r.meta.description[lang]}`);
  }
  out.push('', zh ? '用 yilian explain <代码> 查看说明和改法。' : 'Run yilian explain <code> for what it means and how to fix it.');
  return out.join('\n');
}

/** docs/RULES.md, generated: the rules, then one section per family with its codes. */
export function rulesMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [
    '# Rules and finding codes',
    '',
    '<!-- Generated from src/codes and src/rules by `node bin/yilian.js explain --markdown > docs/RULES.md`; a test fails when it is stale. -->',
    '',
    'Every finding yilian reports carries one of these codes. `yilian explain <code>` prints the same text in the terminal (`--lang en` for English).',
    'A workspace sets a rule or a code to `error`, `warning`, `info` or `off` in a `kind: Settings` document, and CI with `--rule id=level` (FORMAT.md, Settings).',
    'Codes of reading and loading (`' + LOCKED_FAMILIES.join('/*`, `') + '/*`) cannot be set.',
    '',
    '## Rules',
    '',
    '| rule | default | checks |',
    '|---|---|---|',
    ...RULE_IDS().map((id) => {
      const r = ruleById(id)!;
      return `| \`${id}\` | ${r.meta.defaultSeverity} | ${cell(r.meta.description.zh)} — ${cell(r.meta.description.en)} |`;
    }),
  ];
  for (const f of CODE_FAMILIES) {
    out.push('', `## \`${f.prefix}/*\` — ${f.label.zh} / ${f.label.en}`, '', '| code | default | meaning | how to fix | former ids |', '|---|---|---|---|---|');
    for (const c of f.codes)
      out.push(
        `| \`${c.id}\` | ${c.severity} | ${cell(c.description.zh)}<br>${cell(c.description.en)} | ${cell(c.help.zh)}<br>${cell(c.help.en)} | ${(c.deprecatedIds ?? []).map((d) => `\`${d}\``).join(', ')} |`,
      );
  }
  return out.join('\n') + '\n';
}
