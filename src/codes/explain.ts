// What `yilian explain` and docs/RULES.md say about the rules and codes, built from the code
// registry and the rule registry only, so the two can never disagree with what yilian raises.
// Codes are grouped by the rule that declares them; the families no rule raises come after.
import { didYouMean } from '../load/suggest.js';
import type { Lang, Severity, Text } from '../model/diagnostic.js';
import { RULE_IDS, ruleById } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { ALL_CODES, CODE_FAMILIES, codeInfo, LOCKED_FAMILIES, type CodeDeclaration, type CodeFamily } from './index.js';

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
  const messages = Object.entries(c.messages);
  if (messages.length) {
    lines.push(`  ${zh ? '消息（{} 中为每条的具体内容）' : 'Messages ({…} is filled in for each finding)'}:`);
    for (const [id, m] of messages) lines.push(`    ${messages.length > 1 ? `${id}: ` : ''}${m[lang]}`);
  }
  if (c.deprecatedIds?.length) lines.push(`  ${zh ? '旧代码（仍可用）' : 'Former ids (still accepted)'}: ${c.deprecatedIds.join(', ')}`);
  lines.push('', `  ${zh ? '调整级别的写法' : 'Setting its level'}:`, settingExample(c.id, lang));
  return lines;
}

function familyOf(id: string) {
  return CODE_FAMILIES.find((f) => f.prefix === id.split('/')[0]);
}

const rules = (): Rule[] => RULE_IDS().map((id) => ruleById(id)!);
const ruleCodes = (r: Rule): CodeDeclaration[] => r.meta.codes.flatMap((f) => f.codes);

/** The families no rule declares (reading, import, the commands' outputs), in registry order. */
function familiesWithoutRule(): CodeFamily[] {
  const declared = new Set(rules().flatMap((r) => r.meta.codes));
  return CODE_FAMILIES.filter((f) => !declared.has(f));
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
    const codes = ruleCodes(rule);
    if (codes.length) lines.push('', `  ${zh ? '代码' : 'Codes'}:`, ...codes.map((c) => `    ${c.id.padEnd(38)} ${c.description[lang]}`));
    return { ok: true, text: lines.join('\n') };
  }
  const fam = familyOf(`${key}/`);
  if (fam && !key.includes('/')) return { ok: true, text: fam.codes.map((c) => codeLines(c, lang).join('\n')).join('\n\n') };
  return { ok: false, hint: didYouMean(key, [...RULE_IDS(), ...ALL_CODES.flatMap((c) => [c.id, ...(c.deprecatedIds ?? [])])]) };
}

/** `yilian explain` alone: every rule with its codes, then the families no rule raises, one line each. */
export function listCodes(lang: Lang): string {
  const zh = lang === 'zh';
  const line = (id: string, severity: Severity, text: Text) => `  ${id.padEnd(40)} ${SEVERITY[severity][lang].padEnd(zh ? 2 : 7)}  ${text[lang]}`;
  const out: string[] = [zh ? '规则及其代码（可在 Settings 或 --rule 中调整级别）：' : 'Rules and their codes (levels set in Settings or with --rule):', ''];
  for (const r of rules()) {
    const severity = SEVERITY[r.meta.defaultSeverity][lang];
    out.push(`${r.id}  ${r.meta.description[lang]}${zh ? `（默认${severity}）` : ` (default ${severity})`}`);
    for (const c of ruleCodes(r)) out.push(line(c.id, c.severity, c.description));
    if (!ruleCodes(r).length) out.push(zh ? '  （没有自己的代码，借用其他规则的代码报告）' : "  (no codes of its own: it reports with another rule's codes)");
    out.push('');
  }
  for (const f of familiesWithoutRule()) {
    out.push(`${f.prefix}/*  ${f.label[lang]}${locked(f.prefix + '/') ? (zh ? '（不能调整级别）' : ' (level cannot be changed)') : ''}`);
    for (const c of f.codes) out.push(line(c.id, c.severity, c.description));
    out.push('');
  }
  out.push(zh ? '用 yilian explain <代码或规则> 查看说明和改法。' : 'Run yilian explain <code or rule> for what it means and how to fix it.');
  return out.join('\n');
}

/** docs/RULES.md, generated: the rules, one section per rule with its codes, then the other families. */
export function rulesMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [
    '# Rules and finding codes',
    '',
    '<!-- Generated from src/rules and src/codes by `node bin/yilian.js explain --markdown > docs/RULES.md`; a test fails when it is stale. -->',
    '',
    'Every finding yilian reports carries one of these codes. `yilian explain <code>` prints the same text in the terminal (`--lang en` for English).',
    'Each rule declares the codes it raises (src/rules/<rule>.ts, `meta.codes`); the rule id is the code prefix, except for the older deadline/*, recurrence/*, quota/* and calendar/* families (deadline/* and quota/* are shared by two rules each).',
    'A workspace sets a rule or a code to `error`, `warning`, `info` or `off` in a `kind: Settings` document, and CI with `--rule id=level` (FORMAT.md, Settings).',
    'A former id of a renamed code (listed under "former ids") is still accepted there, with a `settings/renamed` note.',
    'Codes of reading and loading (`' + LOCKED_FAMILIES.join('/*`, `') + '/*`) cannot be set.',
    '',
    '## Rules',
    '',
    '| rule | default | checks | codes |',
    '|---|---|---|---|',
    ...rules().map(
      (r) => `| [\`${r.id}\`](#rule-${r.id}) | ${r.meta.defaultSeverity} | ${cell(r.meta.description.zh)} — ${cell(r.meta.description.en)} | ${ruleCodes(r).length} |`,
    ),
  ];
  const messagesCell = (c: CodeDeclaration) =>
    Object.entries(c.messages)
      .map(([id, m]) => `${Object.keys(c.messages).length > 1 ? `\`${id}\`: ` : ''}${cell(m.zh)}<br>${cell(m.en)}`)
      .join('<br>');
  const table = (codes: readonly CodeDeclaration[]) => [
    '| code | default | meaning | message | how to fix | former ids |',
    '|---|---|---|---|---|---|',
    ...codes.map(
      (c) =>
        `| \`${c.id}\` | ${c.severity} | ${cell(c.description.zh)}<br>${cell(c.description.en)} | ${messagesCell(c)} | ${cell(c.help.zh)}<br>${cell(c.help.en)} | ${(c.deprecatedIds ?? []).map((d) => `\`${d}\``).join(', ')} |`,
    ),
  ];
  for (const r of rules()) {
    out.push('', `## <a id="rule-${r.id}"></a>Rule \`${r.id}\` — ${cell(r.meta.description.zh)} / ${cell(r.meta.description.en)}`, '');
    const codes = ruleCodes(r);
    if (codes.length) out.push(...table(codes));
    else out.push('No codes of its own: it reports through another rule\'s codes (see the rule module).');
  }
  for (const f of familiesWithoutRule()) out.push('', `## \`${f.prefix}/*\` — ${f.label.zh} / ${f.label.en}`, '', ...table(f.codes));
  return out.join('\n') + '\n';
}
