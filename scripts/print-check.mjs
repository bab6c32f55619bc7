#!/usr/bin/env node
// npm run print-check: print every example's workbooks the way an office would, through
// LibreOffice to PDF, and check the paper itself (not part of `npm test`: it needs LibreOffice and
// poppler-utils; on Debian/Ubuntu `apt-get install libreoffice-calc poppler-utils`):
// - every page is A4;
// - no text under 9 pt: a word's size is its `pdftotext -bbox` height / 1.30 (LibreOffice's
//   fallback faces for 宋体/黑体 — Noto CJK, DejaVu — set a 11 pt line 14.3 pt tall, measured);
// - every sheet's title (cell A1) appears whole;
// - the stamp and signature blocks are printed.
// Outputs: roster for every example, subsidy for every month an example's activity log covers
// (examples without a SubsidyPolicy are skipped, as the command refuses them), report xlsx.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/yilian.js');
const MIN_PT = 9;
const BBOX_PER_PT = 1.3;
/** Report dates that show each example's data (as in test/print). */
const REPORT_AS_OF = {
  'guangshan-2021': ['2021-07-01', '2021-Q2'],
  'jingmen-dongbao': ['2025-01-01', '2024'],
  'liangping-2018': ['2019-01-01', '2018'],
  'shaoxing-tcm-2017': ['2017-07-01', '2017-Q2'],
  'wuchuan-2017': ['2018-01-05', '2017'],
};
const STAMPS = {
  roster: ['填报单位（盖章）', '填报人', '联系电话', '填报日期'],
  subsidy: ['负责人', '审核人', '制表人', '领款人', '单位（盖章）'],
  report: [],
};

for (const tool of ['soffice', 'pdftotext', 'pdfinfo'])
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`print-check 需要 ${tool}：apt-get install -y libreoffice-calc poppler-utils / print-check needs ${tool}`);
    process.exit(2);
  }

const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-print-check-'));
const yilian = (args) => spawnSync(process.execPath, [BIN, ...args, '-q'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** Months (YYYY-MM) an example's activity logs have entries in. */
function logMonths(dir) {
  const months = new Set();
  for (const f of readdirSync(dir)) {
    if (!/activity|签到|记录/.test(f)) continue;
    for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/\b(20\d\d)-(\d\d)-\d\d\b/g)) months.add(`${m[1]}-${m[2]}`);
  }
  return [...months].sort();
}

const jobs = [];
for (const ex of readdirSync(path.join(ROOT, 'examples')).sort()) {
  const dir = path.join(ROOT, 'examples', ex);
  if (!statSync(dir).isDirectory()) continue;
  jobs.push({ kind: 'roster', file: `${ex}-roster.xlsx`, args: ['roster', dir] });
  const [asOf, period] = REPORT_AS_OF[ex] ?? [];
  jobs.push({ kind: 'report', file: `${ex}-report.xlsx`, args: ['report', dir, ...(asOf ? ['--as-of', asOf, '--period', period] : [])] });
  for (const month of logMonths(dir)) jobs.push({ kind: 'subsidy', file: `${ex}-subsidy-${month}.xlsx`, args: ['subsidy', dir, '--month', month], optional: true });
}

const made = [];
for (const job of jobs) {
  const r = yilian([...job.args, '-o', path.join(tmp, job.file)]);
  if (r.status === 0) made.push(job);
  else if (job.optional && r.status === 2) console.log(`skip  ${job.file}: ${r.stderr.trim().split('\n').pop()}`);
  else {
    console.error(`FAIL  ${job.file}: yilian exited ${r.status}\n${r.stderr}`);
    process.exitCode = 1;
  }
}

execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, ...made.map((j) => path.join(tmp, j.file))], { stdio: 'ignore' });

let failures = 0;
for (const job of made) {
  const xlsx = path.join(tmp, job.file);
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  const problems = [];
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  // page sizes, and words with their heights, from the bbox listing
  const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  for (const m of bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)"/g)) {
    const [w, h] = [Number(m[1]), Number(m[2])].sort((a, b) => a - b);
    if (Math.abs(w - 595.28) > 1.5 || Math.abs(h - 841.89) > 1.5) problems.push(`page ${m[1]}×${m[2]} pt is not A4`);
  }
  let minPt = Infinity;
  let smallest = '';
  for (const m of bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const pt = (Number(m[2]) - Number(m[1])) / BBOX_PER_PT;
    if (pt < minPt) [minPt, smallest] = [pt, m[3]];
  }
  if (minPt < MIN_PT - 0.05) problems.push(`"${smallest}" prints at ${minPt.toFixed(2)} pt`);
  // titles whole, stamps present (whitespace removed: a wrapped title spans lines)
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 }).replace(/\s+/g, '');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  let titles = 0;
  for (const ws of wb.worksheets) {
    const title = String(ws.getCell('A1').value ?? '').replace(/\s+/g, '');
    if (!title) continue;
    titles++;
    if (!text.includes(title)) problems.push(`title of ${ws.name} not printed whole: ${title}`);
  }
  for (const s of STAMPS[job.kind]) if (!text.includes(s)) problems.push(`no ${s}`);
  const status = problems.length ? 'FAIL' : 'ok  ';
  if (problems.length) failures++;
  console.log(`${status}  ${job.file}: ${pages} A4 pages, smallest text ${minPt.toFixed(2)} pt, ${titles} titles whole${STAMPS[job.kind].length ? ', stamp block printed' : ''}`);
  for (const p of problems) console.log(`        ${p}`);
}
const keep = failures > 0 || !!process.env.KEEP;
console.log(`\n${made.length} workbooks printed through LibreOffice, ${failures} with problems.${keep ? ` PDFs kept in ${tmp}` : ' (KEEP=1 keeps the PDFs)'}`);
if (failures) process.exitCode = 1;
if (!keep) rmSync(tmp, { recursive: true, force: true });
