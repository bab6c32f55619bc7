// What to tell a clerk whose output file already exists (re-running last month's sheet): the
// exact command line again with --force appended, or the same command with a free file name.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** One argument as typed into a shell or cmd.exe: quoted when it holds spaces or shell characters. */
export function shellArg(a: string): string {
  return /^[^\s"'`$&|<>;*?!(){}[\]^]+$/u.test(a) ? a : `"${a.replace(/"/g, '\\"')}"`;
}

/** `yilian <args>` with `--force` appended (once). */
export function forceCommand(args: string[]): string {
  const withForce = args.includes('--force') ? args : [...args, '--force'];
  return ['yilian', ...withForce].map((a, i) => (i === 0 ? a : shellArg(a))).join(' ');
}

/** The first of `名单(2).xlsx`, `名单(3).xlsx` … next to `file` that does not exist yet. */
export function freeName(file: string, exists: (p: string) => boolean = existsSync): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  for (let i = 2; ; i++) {
    const candidate = `${base}(${i})${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** The same command line with the value of -o/--output replaced by `name` (added when the output was a default name). */
export function renamedCommand(args: string[], output: string, name: string): string {
  let replaced = false;
  const out = args.map((a, i) => {
    const r = rename(args, i, output, name);
    if (r !== a) replaced = true;
    return r;
  });
  if (!replaced) out.push('-o', name);
  return ['yilian', ...out].map((a, i) => (i === 0 ? a : shellArg(a))).join(' ');
}

/** Argument `i` with the output file `output` renamed to `name` (unchanged when it is not the output). */
function rename(args: string[], i: number, output: string, name: string): string {
  const a = args[i]!;
  if ((args[i - 1] === '-o' || args[i - 1] === '--output') && a === output) return name;
  if (a === `--output=${output}`) return `--output=${name}`;
  if (a === `-o${output}`) return `-o${name}`;
  return a;
}
