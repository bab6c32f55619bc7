// Paths in the documents people hand in are relative to the workspace, with forward slashes:
// a report made from `/home/<user>/…` or `C:\Users\<name>\…` must not print the clerk's user
// name and folder layout in its 问题清单, and it should read the same on every machine.
import path from 'node:path';

const FILE_INPUT = /\.(ya?ml|csv|xlsx)$/i;

/** The folder the command-line paths share: a folder given, or the folder of a file given. */
export function workspaceRoot(inputs: string[], cwd: string): string {
  const dirs = (inputs.length ? inputs : ['.']).map((p) => {
    const abs = path.resolve(cwd, p);
    return FILE_INPUT.test(abs) ? path.dirname(abs) : abs;
  });
  return dirs.reduce(commonAncestor);
}

function commonAncestor(a: string, b: string): string {
  let dir = a;
  while (path.relative(dir, b).startsWith('..') || path.isAbsolute(path.relative(dir, b))) {
    const up = path.dirname(dir);
    if (up === dir) return dir;
    dir = up;
  }
  return dir;
}

/** `file` (as diagnostics name it: relative to `cwd`, or absolute) relative to `root`. */
export function relativeToRoot(file: string, root: string, cwd: string): string {
  const rel = path.relative(root, path.resolve(cwd, file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}
