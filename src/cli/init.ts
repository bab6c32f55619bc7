// yilian init [dir] [--as-of D]: a small commented starter workspace that `check` passes on the
// day it is written (its dates are relative to today in China, or to --as-of).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { jsonSchemas } from '../model/json-schema.js';
import { writeOutputAtomic } from '../io/write.js';
import { todayInChina } from '../time/dates.js';
import { EXIT, globalOptions, type Io } from './context.js';
import { parseAsOfOption } from './options.js';
import { starterFiles } from './init-templates.js';
import { shellArg } from './rerun.js';

/** The command's arguments, options and action; main.ts made `command` with its name and description. */
export function register(command: Command, io: Io, setExit: (code: number) => void): void {
  command
    .argument('[dir]', '目录（默认当前目录）/ folder (default: .)', '.')
    .option('--as-of <date>', '示例日期以这一天为准（默认今天，北京时间）/ date the starter is written for (default: today in China)')
    .action(async (dir: string, opts: { asOf?: string }, cmd: Command) => {
      const g = globalOptions(cmd, io);
      const today = opts.asOf === undefined ? todayInChina() : parseAsOfOption(opts.asOf, io, g, '2025-05-01');
      if (!today) return setExit(EXIT.usage);
      const starter = starterFiles(today);
      const files = new Map<string, string>(Object.entries(starter));
      for (const [name, text] of jsonSchemas()) files.set(path.join('schemas', name), text);
      // never over what a clerk wrote: refuse before writing anything
      const taken = Object.keys(starter).filter((name) => existsSync(path.join(dir, name)));
      if (taken.length) {
        io.err(
          g.lang === 'zh'
            ? `「${dir}」里已有 ${taken.join('、')}，init 不会覆盖已有的计划文件。请换一个新目录，例如：yilian init ${shellArg(path.join(dir, '新工作区'))}`
            : `${dir} already holds ${taken.join(', ')}; init never overwrites plan files. Choose a new folder, e.g. yilian init ${shellArg(path.join(dir, 'new-workspace'))}`,
        );
        return setExit(EXIT.usage);
      }
      for (const [name, text] of files) {
        const r = await writeOutputAtomic(path.join(dir, name), text);
        if (!r.ok) {
          io.err(r.message[g.lang]);
          return setExit(EXIT.usage);
        }
      }
      if (!g.quiet)
        io.out(
          g.lang === 'zh'
            ? `已在 ${dir} 新建 ${Object.keys(starter).length} 个计划文件和 schemas/。下一步：yilian check ${dir}`
            : `Wrote ${Object.keys(starter).length} plan files and schemas/ to ${dir}. Next: yilian check ${dir}`,
        );
      setExit(EXIT.ok);
    });
}
