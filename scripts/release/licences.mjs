// The licences of what the exe carries: the Node.js runtime (its LICENSE covers V8, ICU, OpenSSL
// and the rest it bundles) and every npm package esbuild put into the bundle, read from the
// package's own licence file — found through esbuild's metafile, so the list cannot drift.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `node_modules/a/…` or `node_modules/@s/a/…` → the package folder, for each bundled input. */
function bundledPackages(root, metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(path.resolve(root, m[1]));
  }
  return [...dirs].sort();
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : undefined;
}

export function bundledLicences(root, metafile, nodeLicenceFile) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const parts = [
    `yilian ${pkg.version}: ${pkg.license} licence (see package.json).`,
    'yilian.exe contains the Node.js runtime and the npm packages listed below, each under its own licence.',
  ];
  for (const dir of bundledPackages(root, metafile)) {
    const meta = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const text = licenceText(dir);
    parts.push(`${'='.repeat(78)}\n${meta.name}@${meta.version} — ${typeof meta.license === 'string' ? meta.license : JSON.stringify(meta.license ?? 'see package')}\n\n${text ?? `(no licence file in the package; package.json says ${meta.license})`}`);
  }
  if (existsSync(nodeLicenceFile)) parts.push(`${'='.repeat(78)}\nNode.js runtime\n\n${readFileSync(nodeLicenceFile, 'utf8').trim()}`);
  else throw new Error(`Node.js licence not found at ${nodeLicenceFile}`);
  return parts.join('\n\n') + '\n';
}
