// The smoke test's verdict, kept pure so a unit test can show it failing: one run of the Linux
// CLI and one of yilian.exe under wine, compared as a clerk or a script would see them.
//   - exit codes equal;
//   - JSON (findings, diagnostics) equal after parsing;
//   - xlsx and html outputs byte-identical;
//   - text output equal once the exe's Windows path of the workspace is read as the Linux one.

/**
 * A run: `{ code, stdout, stderr, files: {name: Buffer} }`; `paths`: `{ linux, windows }` (or a
 * list of them), a folder as each side was given it (e.g. `/tmp/w` and `Z:\tmp\w`). Returns the differences
 * (empty when the runs agree), each one sentence naming what differs.
 */
export function compareRuns(label, linux, exe, { json = false, paths, machineFields = [] } = {}) {
  const diffs = [];
  if (linux.code !== exe.code) diffs.push(`${label}: exit code ${exe.code} under wine, ${linux.code} on Linux`);
  if (json) {
    // fields that name the machine by design (SARIF's %SRCROOT% as a file: URI) are left out
    const a = dropFields(parseJson(linux.stdout), machineFields);
    const b = dropFields(parseJson(exe.stdout), machineFields);
    if (a === undefined || b === undefined) diffs.push(`${label}: output is not JSON (${a === undefined ? 'Linux' : 'wine'})`);
    else {
      const d = firstDifference(a, b, '$');
      if (d) diffs.push(`${label}: JSON differs at ${d}`);
    }
  } else {
    const pairs = paths ? [paths].flat() : [];
    for (const stream of ['stdout', 'stderr']) {
      const a = linux[stream].replace(/\r\n/g, '\n');
      const b = pairs.reduce((t, p) => normalizeText(t, p.windows, p.linux), exe[stream].replace(/\r\n/g, '\n'));
      if (a !== b) diffs.push(`${label}: ${stream} differs at line ${firstLine(a, b)}: ${JSON.stringify(lineAt(a, b, 0))} on Linux, ${JSON.stringify(lineAt(a, b, 1))} under wine`);
    }
  }
  const names = new Set([...Object.keys(linux.files ?? {}), ...Object.keys(exe.files ?? {})]);
  for (const name of [...names].sort()) {
    const a = linux.files?.[name];
    const b = exe.files?.[name];
    if (!a || !b) diffs.push(`${label}: ${name} written ${a ? 'only on Linux' : 'only under wine'}`);
    else if (!a.equals(b)) diffs.push(`${label}: ${name} differs from byte ${firstByte(a, b)} (${a.length} bytes on Linux, ${b.length} under wine)`);
  }
  return diffs;
}

/** Delete every property named in `names`, at any depth. */
function dropFields(v, names) {
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      if (names.includes(k)) delete v[k];
      else dropFields(v[k], names);
    }
  }
  return v;
}

function parseJson(s) {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** The JSON path of the first difference, or undefined. */
export function firstDifference(a, b, at) {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return `${at} (${JSON.stringify(a)} vs ${JSON.stringify(b)})`;
  if (a && typeof a === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : `${at} (${JSON.stringify(a)} vs ${JSON.stringify(b)})`;
}

/**
 * Line endings unified, and the workspace's path as this side was given it replaced by the
 * Linux form, with the backslashes of the rest of that path turned into slashes. So
 * `Z:\tmp\w\roster.yaml:45:28` reads `/tmp/w/roster.yaml:45:28`, and nothing else changes.
 */
export function normalizeText(s, given, linux) {
  let out = s.replace(/\r\n/g, '\n');
  if (given && linux) {
    const esc = given.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`${esc}((?:\\\\[^\\s\\\\:，。」]+)*)`, 'g'), (_, rest) => linux + rest.replace(/\\/g, '/'));
  }
  return out;
}

const lines = (s) => s.split('\n');
function firstLine(a, b) {
  const la = lines(a);
  const lb = lines(b);
  let i = 0;
  while (i < la.length && la[i] === lb[i]) i++;
  return i + 1;
}
function lineAt(a, b, side) {
  return lines(side ? b : a)[firstLine(a, b) - 1] ?? '(end of output)';
}
function firstByte(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
