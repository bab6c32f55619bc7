// yilian init [dir]: a small commented starter workspace that validates clean.
import path from 'node:path';
import type { Command } from 'commander';
import { jsonSchemas } from '../model/json-schema.js';
import { writeOutputAtomic } from '../io/write.js';
import { EXIT, globalOptions, type Io } from './context.js';
import { STARTER_FILES } from './init-templates.js';

export function register(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('新建一个带注释的示例工作区 / write a commented starter workspace')
    .argument('[dir]', '目录（默认当前目录）/ folder (default: .)', '.')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      const g = globalOptions(cmd, io);
      const files = new Map<string, string>(Object.entries(STARTER_FILES));
      for (const [name, text] of jsonSchemas()) files.set(path.join('schemas', name), text);
      const written: string[] = [];
      for (const [name, text] of files) {
        const r = await writeOutputAtomic(path.join(dir, name), text);
        if (!r.ok) {
          io.err(r.message[g.lang]);
          return setExit(EXIT.usage);
        }
        written.push(name);
      }
      if (!g.quiet)
        io.out(
          g.lang === 'zh'
            ? `已在 ${dir} 新建 ${Object.keys(STARTER_FILES).length} 个计划文件和 schemas/。下一步：yilian validate ${dir}`
            : `Wrote ${Object.keys(STARTER_FILES).length} plan files and schemas/ to ${dir}. Next: yilian validate ${dir}`,
        );
      setExit(EXIT.ok);
    });
}
