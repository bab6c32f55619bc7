// yilian validate [paths…]: parse, schema, references, structure rules.
import type { Command } from 'commander';
import { loadWorkspace } from '../io/workspace.js';
import { runRules, STRUCTURE_RULES } from '../rules/index.js';
import { emitDiagnostics, exitCodeFor, globalOptions, parseFormat, EXIT, type Io } from './context.js';
import { collectRule, parseRuleOptions, parseSizeOption, DEFAULT_MAX_FILE_SIZE } from './options.js';

/** The command's arguments, options and action; main.ts made `command` with its name and description. */
export function register(command: Command, io: Io, setExit: (code: number) => void): void {
  command
    .argument('[paths...]', '文件或目录（默认当前目录）/ files or folders (default: .)')
    .option('-f, --format <format>', 'text | json | github | sarif', 'text')
    .option('--max-file-size <size>', '单个文件大小上限 / per-file size limit', DEFAULT_MAX_FILE_SIZE)
    .option('--rule <rule=level>', '调整规则或代码的级别（可重复），如 group-disjoint=warning；级别 error|warning|info|off / set a rule or code to a level (repeatable)', collectRule)
    .action(async (paths: string[], opts: { format?: string; maxFileSize?: string; rule?: string[] }, cmd: Command) => {
      const g = globalOptions(cmd, io);
      const format = parseFormat(opts.format, io, g);
      const maxFileBytes = parseSizeOption(opts.maxFileSize, io, g);
      const levels = parseRuleOptions(opts.rule, io, g);
      if (!format || maxFileBytes === undefined || !levels) return setExit(EXIT.usage);
      const { workspace, diagnostics, files } = await loadWorkspace(paths, { maxFileBytes, onProgress: g.progress });
      g.progress?.({ step: 'judge' });
      const all = [...diagnostics, ...runRules(STRUCTURE_RULES, workspace, { levels })];
      emitDiagnostics(io, g, format, all, files.length, {}, paths);
      setExit(exitCodeFor(all));
    });
}
