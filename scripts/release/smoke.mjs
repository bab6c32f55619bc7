#!/usr/bin/env node
// The wine smoke test: yilian.exe must do what the Linux CLI does. On every example, and on a
// workspace under a folder with Chinese characters and spaces, it runs validate, check, roster,
// subsidy and report with both and compares them (compare.mjs); then the double-click and
// dropped-folder flows with stdin closed. Under wine, stdout into a pipe fails (EBADF), so every
// run writes its stdout and stderr to files.
//
//   node scripts/release/smoke.mjs [release/yilian-<v>-win-x64.exe] [--self-test]
//
// --self-test perturbs one exit code, one JSON finding and one xlsx byte of the exe's results
// and passes only if the comparison catches all three.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareRuns } from './compare.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/yilian.js');
const WORK = path.join(ROOT, 'release/smoke');
const PREFIX = path.join(ROOT, 'release/wineprefix');

/** Each example with an as-of date inside its cycle and a month that has activity. */
const EXAMPLES = {
  'guangshan-2021': { asOf: '2021-07-01', month: '2021-06' },
  'jingmen-dongbao': { asOf: '2025-01-10', month: '2024-12' },
  'liangping-2018': { asOf: '2019-01-10', month: '2018-12' },
  'shaoxing-tcm-2017': { asOf: '2017-07-10', month: '2017-06' },
  'wuchuan-2017': { asOf: '2018-01-10', month: '2017-12' },
};

const say = (s) => process.stdout.write(`smoke: ${s}\n`);

/** `/tmp/a b/c` → `Z:\tmp\a b\c`: how wine's Z: drive shows a Unix path to Windows programs. */
export const winPath = (p) => 'Z:' + p.split('/').join('\\');

function wineEnv() {
  return {
    ...process.env,
    WINEPREFIX: PREFIX,
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=', // no Mono/Gecko install dialogs in a fresh prefix
    NO_COLOR: '1',
    YILIAN_LANG: '',
    DISPLAY: '',
  };
}

function ensureWine(install) {
  const has = () => spawnSync('sh', ['-c', 'command -v wine'], { stdio: 'ignore' }).status === 0;
  if (!has()) {
    if (!install) throw new Error('wine is not installed (apt-get install wine64)');
    say('installing wine64 from Debian');
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'wine', 'wine64'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(path.join(PREFIX, 'system.reg'))) {
    say('fresh WINEPREFIX, Windows 10');
    rmSync(PREFIX, { recursive: true, force: true });
    mkdirSync(PREFIX, { recursive: true });
    execFileSync('wineboot', ['-i'], { stdio: 'ignore', env: wineEnv() });
    execFileSync('winecfg', ['-v', 'win10'], { stdio: 'ignore', env: wineEnv() });
    execFileSync('wineserver', ['-w'], { stdio: 'ignore', env: wineEnv() });
  }
}

/** What one side is run with: its program, arguments and environment, and the files it prints into. */
function sideSetup(side, exe, args, outDir, env) {
  mkdirSync(outDir, { recursive: true });
  const so = path.join(outDir, 'stdout.txt');
  const se = path.join(outDir, 'stderr.txt');
  const [cmd, argv] = side === 'linux' ? [process.execPath, [BIN, ...args]] : ['wine', [exe, ...args]];
  const fullEnv = side === 'linux' ? { ...process.env, NO_COLOR: '1', YILIAN_LANG: '', ...env } : { ...wineEnv(), ...env };
  return { so, se, fo: openSync(so, 'w'), fe: openSync(se, 'w'), cmd, argv, env: fullEnv };
}

/** Close a side's output files and read back what it printed and wrote. */
function sideResult(s, outDir, outputs, code) {
  closeSync(s.fo);
  closeSync(s.fe);
  const files = {};
  for (const name of outputs) {
    const p = path.join(outDir, name);
    if (existsSync(p)) files[name] = readFileSync(p);
  }
  return { code: code ?? -1, stdout: readFileSync(s.so, 'utf8'), stderr: readFileSync(s.se, 'utf8'), files };
}

/** Run one side with stdout/stderr into files and stdin closed; collect the named outputs. */
function runSide(side, exe, args, cwd, outDir, outputs, env) {
  const s = sideSetup(side, exe, args, outDir, env);
  const r = spawnSync(s.cmd, s.argv, { cwd, stdio: ['ignore', s.fo, s.fe], env: s.env, timeout: 180_000 });
  return sideResult(s, outDir, outputs, r.status);
}

/** runSide without blocking, so the Linux run and the wine run of a step overlap. */
function runSideAsync(side, exe, args, cwd, outDir, outputs, env) {
  const s = sideSetup(side, exe, args, outDir, env);
  const child = spawn(s.cmd, s.argv, { cwd, stdio: ['ignore', s.fo, s.fe], env: s.env });
  return new Promise((resolve) => child.on('close', (code) => resolve(sideResult(s, outDir, outputs, code))));
}

/**
 * The commands compared on one workspace; `args(w, o)` gets the workspace and output path in
 * that side's form. Steps marked `once` run on the Chinese-path workspace only (wine is slow).
 */
function plan(ex, all = true) {
  return steps(ex).filter((s) => all || !s.once);
}

function steps(ex) {
  return [
    { label: 'validate', args: (w) => ['validate', w] },
    { label: 'validate --format json', json: true, once: true, args: (w) => ['validate', w, '--format', 'json'] },
    { label: 'check', args: (w) => ['check', w, '--as-of', ex.asOf] },
    { label: 'check --format json', json: true, args: (w) => ['check', w, '--as-of', ex.asOf, '--format', 'json'] },
    { label: 'check --format sarif', json: true, once: true, args: (w) => ['check', w, '--as-of', ex.asOf, '--format', 'sarif'] },
    { label: 'roster', out: '名单.xlsx', args: (w, o) => ['roster', w, '--as-of', ex.asOf, '-o', o] },
    { label: 'subsidy', out: '发放表.xlsx', args: (w, o) => ['subsidy', w, '--month', ex.month, '-o', o] },
    { label: 'report xlsx', out: '进展报告.xlsx', args: (w, o) => ['report', w, '--as-of', ex.asOf, '-o', o] },
    { label: 'report html', out: '进展报告.html', once: true, args: (w, o) => ['report', w, '--as-of', ex.asOf, '-o', o] },
  ];
}

/**
 * One workspace, every command, both sides. Text runs use the workspace's folder name relative
 * to its parent (the same on both sides); JSON and file runs give the full path in each side's
 * own form — `Z:\…` with backslashes under wine — from an unrelated working folder, so paths in
 * JSON must come out workspace-relative to agree.
 */
async function smokeWorkspace(name, dir, ex, exe, tamper, all) {
  const diffs = [];
  const parent = path.dirname(dir);
  for (const step of plan(ex, all)) {
    const runs = {};
    const outDirs = {};
    await Promise.all(['linux', 'wine'].map(async (side) => {
      const outDir = path.join(WORK, 'out', name, step.label.replace(/\W+/g, '-'), side);
      outDirs[side] = outDir;
      rmSync(outDir, { recursive: true, force: true });
      const full = side === 'linux' ? dir : winPath(dir);
      const text = !step.json && !step.out;
      const w = text ? path.basename(dir) : full;
      const o = step.out ? (side === 'linux' ? path.join(outDir, step.out) : winPath(path.join(outDir, step.out))) : undefined;
      runs[side] = await runSideAsync(side, exe, step.args(w, o), text ? parent : WORK, outDir, step.out ? [step.out] : []);
    }));
    tamper?.(step, runs.wine);
    // "已写入 <output>" names the output in each side's form; the folders differ by side on purpose
    // text runs name the workspace relative to the current folder: `光山 计划\roster.yaml` under wine
    const rel = path.basename(dir);
    // file runs run from WORK, so their warnings name the workspace relative to it (examples\…)
    const fromWork = path.relative(WORK, dir);
    const paths = step.out
      ? [{ linux: outDirs.linux, windows: winPath(outDirs.wine) }, { linux: fromWork, windows: fromWork.split('/').join('\\') }]
      : step.json ? undefined : { linux: rel, windows: rel };
    diffs.push(...compareRuns(`${name}: ${step.label}`, runs.linux, runs.wine, { json: step.json, paths, machineFields: ['originalUriBaseIds'] }));
  }
  return diffs;
}

/** Messages keep the path form the user gave: `Z:\…\光山 计划\roster.yaml:45:28` under wine. */
function smokePathForms(dir, exe) {
  const diffs = [];
  const broken = path.join(path.dirname(dir), '有错 计划');
  rmSync(broken, { recursive: true, force: true });
  cpSync(dir, broken, { recursive: true });
  const roster = path.join(broken, 'roster.yaml');
  writeFileSync(roster, readFileSync(roster, 'utf8').replace('寨河', '寨和'));
  const outDir = path.join(WORK, 'out', 'path-forms');
  const elsewhere = path.join(WORK, 'elsewhere'); // a current folder the workspace is not in
  mkdirSync(elsewhere, { recursive: true });
  const text = runSide('wine', exe, ['validate', winPath(broken)], elsewhere, path.join(outDir, 'text'), []);
  const want = `${winPath(broken)}\\roster.yaml:45:28`;
  if (!text.stdout.includes(want)) diffs.push(`path forms: the terminal should show ${want}; it shows ${JSON.stringify(text.stdout.split('\n')[0])}`);
  const linuxText = runSide('linux', exe, ['validate', broken], elsewhere, path.join(outDir, 'linux-text'), []);
  diffs.push(...compareRuns('path forms: validate text', linuxText, text, { paths: { linux: broken, windows: winPath(broken) } }));
  const json = runSide('wine', exe, ['validate', winPath(broken), '--format', 'json'], elsewhere, path.join(outDir, 'json'), []);
  const files = (JSON.parse(json.stdout).diagnostics ?? []).map((d) => d.file);
  if (!files.includes('roster.yaml') || files.some((f) => f.includes('\\') || f.includes(':')))
    diffs.push(`path forms: JSON paths should be workspace-relative with /, got ${JSON.stringify(files)}`);
  return diffs;
}

/** Double-click and dropped folder, stdin closed: report written, summary right, process exits. */
function smokeClerkFlows(dir, exe) {
  const diffs = [];
  const env = { YILIAN_TODAY: '2021-07-01' };
  const none = runSide('wine', exe, [], WORK, path.join(WORK, 'out', 'double-click'), [], env);
  if (none.code !== 0 || !none.stdout.includes('拖到 yilian.exe 的图标上')) diffs.push(`double-click: exit ${none.code}, output ${JSON.stringify(none.stdout.slice(0, 80))}`);
  for (const f of readdirSync(dir)) if (f.startsWith('进展报告-')) rmSync(path.join(dir, f));
  const dropped = runSide('wine', exe, [winPath(dir)], WORK, path.join(WORK, 'out', 'dropped'), [], env);
  const report = path.join(dir, '进展报告-2021-07-01.html');
  if (dropped.code !== 1) diffs.push(`dropped folder: exit ${dropped.code}, expected 1 (the example's findings)`);
  if (!existsSync(report)) diffs.push(`dropped folder: ${report} was not written`);
  // The summary must be the Linux CLI's for the same folder (not a number written here, which
  // goes stale whenever the example or its Settings change).
  const linux = runSide('linux', exe, ['check', dir, '--as-of', '2021-07-01'], WORK, path.join(WORK, 'out', 'dropped-linux'), [], env);
  const summary = linux.stdout.match(/\d+ 个错误，\d+ 个警告，\d+ 条提示/)?.[0];
  if (!summary || !dropped.stdout.includes(summary)) diffs.push(`dropped folder: the check summary ${JSON.stringify(summary)} is missing`);
  if (!dropped.stdout.includes(`已写入 ${winPath(report)}：2021年第二季度`)) diffs.push('dropped folder: the report line is missing');
  if (dropped.stdout.includes('按任意键')) diffs.push('dropped folder: waited for a key with stdin closed');
  const again = runSide('wine', exe, [winPath(dir)], WORK, path.join(WORK, 'out', 'dropped-again'), [], env);
  if (!existsSync(path.join(dir, '进展报告-2021-07-01-2.html')) || !again.stdout.includes('进展报告-2021-07-01-2.html')) diffs.push('dropped folder again: no -2 report beside the first');
  return diffs;
}

export async function smoke({ exe, installWine = true, selfTest = false }) {
  const started = Date.now();
  ensureWine(installWine);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const workspaces = Object.keys(EXAMPLES).map((name) => ({ name, dir: path.join(WORK, 'examples', name), ex: EXAMPLES[name] }));
  for (const w of workspaces) cpSync(path.join(ROOT, 'examples', w.name), w.dir, { recursive: true });
  const chinese = path.join(WORK, '我的 文档', '光山 计划');
  cpSync(path.join(ROOT, 'examples/guangshan-2021'), chinese, { recursive: true });
  workspaces.push({ name: '我的 文档/光山 计划', dir: chinese, ex: EXAMPLES['guangshan-2021'] });

  let tamper;
  const caught = new Set();
  if (selfTest) {
    // one exit code, one finding, one xlsx byte: each must be reported
    tamper = (step, run) => {
      if (step.label === 'validate' && !caught.has('code')) (run.code += 1), caught.add('code');
      else if (step.label === 'check --format json' && !caught.has('json')) {
        const j = JSON.parse(run.stdout);
        if (j.findings?.length) (j.findings[0].message += '！'), (run.stdout = JSON.stringify(j)), caught.add('json');
      } else if (step.out === '名单.xlsx' && run.files[step.out] && !caught.has('xlsx')) {
        const b = Buffer.from(run.files[step.out]);
        b[b.length >> 1] ^= 1;
        run.files[step.out] = b;
        caught.add('xlsx');
      }
    };
  }
  const diffs = [];
  // one wineserver for all runs, rather than one started and stopped per run
  const server = spawn('wineserver', ['-p'], { stdio: 'ignore', env: wineEnv() });
  try {
    for (const w of workspaces) {
      say(`${w.name}`);
      diffs.push(...(await smokeWorkspace(w.name, w.dir, w.ex, exe, tamper, w.dir === chinese)));
    }
    if (!selfTest) {
      diffs.push(...smokePathForms(chinese, exe));
      diffs.push(...smokeClerkFlows(chinese, exe));
    }
  } finally {
    spawnSync('wineserver', ['-k'], { stdio: 'ignore', env: wineEnv() });
    server.kill();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  if (selfTest) {
    const found = ['exit code', 'JSON differs', 'differs from byte'].filter((k) => diffs.some((d) => d.includes(k)));
    say(`self-test: perturbed ${[...caught].join(', ')}; caught ${found.length} of 3 (${secs} s)`);
    for (const d of diffs) say(`  ${d}`);
    return caught.size === 3 && found.length === 3 && diffs.length === 3;
  }
  for (const d of diffs) say(`DIFFERENT ${d}`);
  say(diffs.length ? `FAILED: ${diffs.length} difference(s) (${secs} s)` : `passed: ${workspaces.length} workspaces × ${plan(EXAMPLES['guangshan-2021'], false).length} commands (+${plan(EXAMPLES['guangshan-2021']).length - plan(EXAMPLES['guangshan-2021'], false).length} on the Chinese path), path forms, double-click and dropped folder (${secs} s)`);
  return diffs.length === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const exe = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, `release/yilian-${version}-win-x64.exe`));
  if (!existsSync(exe)) {
    process.stderr.write(`smoke: ${exe} does not exist; run npm run release first\n`);
    process.exit(2);
  }
  smoke({ exe, selfTest: args.includes('--self-test'), installWine: !args.includes('--no-wine-install') }).then(
    (ok) => (process.exitCode = ok ? 0 : 1),
    (e) => {
      process.stderr.write(`smoke: ${e.message ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
