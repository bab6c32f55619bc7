// yilian schema [-o dir] [--force]: write the JSON Schema of every kind.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { jsonSchemas } from '../model/json-schema.js';
import { writeOutputAtomic } from '../io/write.js';
import { EXIT, globalOptions, sayFor, type Io } from './context.js';

/** The command's arguments, options and action; main.ts made `command` with its name and description. */
export function register(command: Command, io: Io, setExit: (code: number) => void): void {
  command
    .option('-o, --output <dir>', '输出目录 / output folder', 'schemas')
    .option('--force', '覆盖已存在的 schema 文件 / replace existing schema files')
    .action(async (opts: { output: string; force?: boolean }, cmd: Command) => {
      const g = globalOptions(cmd, io);
      const say = sayFor(g);
      const schemas = jsonSchemas();
      // Like every command that writes: nothing is replaced without --force, and then all or none.
      const existing = [...schemas.keys()].filter((name) => existsSync(path.join(opts.output, name)));
      if (existing.length && !opts.force) {
        io.err(
          say(
            `「${opts.output}」里已有 ${existing.length} 个 JSON Schema 文件（如 ${existing[0]}），未覆盖。如确需覆盖请加 --force。`,
            `${opts.output} already holds ${existing.length} JSON Schema files (e.g. ${existing[0]}) and they were left alone; add --force to replace them.`,
          ),
        );
        return setExit(EXIT.usage);
      }
      for (const [name, text] of schemas) {
        const r = await writeOutputAtomic(path.join(opts.output, name), text, { force: opts.force });
        if (!r.ok) {
          io.err(r.message[g.lang]);
          return setExit(EXIT.usage);
        }
      }
      if (!g.quiet) io.out(say(`已写入 ${schemas.size} 个 JSON Schema 到 ${opts.output}/`, `Wrote ${schemas.size} JSON Schemas to ${opts.output}/`));
      setExit(EXIT.ok);
    });
}
