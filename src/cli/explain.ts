// yilian explain [code|rule]: what a finding code means, how to fix it, its default level, former
// ids and how to set its level; a rule: its codes; alone, every rule with its codes, then the
// families no rule raises.
import type { Command } from 'commander';
import { explain, listCodes, rulesMarkdown } from '../codes/explain.js';
import { EXIT, globalOptions, type Io } from './context.js';

/** The command's arguments, options and action; main.ts made `command` with its name and description. */
export function register(command: Command, io: Io, setExit: (code: number) => void): void {
  command
    .argument('[code]', '代码（如 deadline/overdue）或规则（如 group-disjoint）/ a code or rule id')
    .option('--markdown', '输出 docs/RULES.md 的内容 / print docs/RULES.md')
    .action((code: string | undefined, opts: { markdown?: boolean }, cmd: Command) => {
      const g = globalOptions(cmd, io);
      if (opts.markdown) {
        io.out(rulesMarkdown().trimEnd());
        return setExit(EXIT.ok);
      }
      if (code === undefined) {
        io.out(listCodes(g.lang));
        return setExit(EXIT.ok);
      }
      const r = explain(code.trim(), g.lang);
      if (r.ok) {
        io.out(r.text);
        return setExit(EXIT.ok);
      }
      io.err(
        g.lang === 'zh'
          ? `没有名为「${code}」的代码或规则。${r.hint?.zh ?? ''}运行 yilian explain 查看全部。`
          : `There is no code or rule "${code}"${r.hint ? `; ${r.hint.en}` : '.'} Run yilian explain to list them all.`,
      );
      setExit(EXIT.usage);
    });
}
