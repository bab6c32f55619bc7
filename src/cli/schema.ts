// yilian schema [-o dir]: write the JSON Schema of every kind.
import path from 'node:path';
import type { Command } from 'commander';
import { jsonSchemas } from '../model/json-schema.js';
import { writeOutputAtomic } from '../io/write.js';
import { EXIT, globalOptions, type Io } from './context.js';

export function register(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('schema')
    .description('生成各类计划文件的 JSON Schema（供编辑器自动补全）/ write JSON Schemas for editors')
    .option('-o, --output <dir>', '输出目录 / output folder', 'schemas')
    .action(async (opts: { output: string }, cmd: Command) => {
      const g = globalOptions(cmd, io);
      for (const [name, text] of jsonSchemas()) {
        // Schemas are generated files: replacing them is the point of the command.
        const r = await writeOutputAtomic(path.join(opts.output, name), text, { force: true });
        if (!r.ok) {
          io.err(r.message[g.lang]);
          return setExit(EXIT.usage);
        }
      }
      if (!g.quiet) io.out(g.lang === 'zh' ? `已写入 ${jsonSchemas().size} 个 JSON Schema 到 ${opts.output}/` : `Wrote ${jsonSchemas().size} JSON Schemas to ${opts.output}/`);
      setExit(EXIT.ok);
    });
}
