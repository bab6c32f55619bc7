#!/usr/bin/env node
// npm run print-check: print every example's workbooks and Word reports the way an office would,
// through LibreOffice to PDF, and check the paper itself (not part of `npm test`: it needs
// LibreOffice and poppler-utils; on Debian/Ubuntu
// `apt-get install libreoffice-calc libreoffice-writer poppler-utils`):
// - every page is A4;
// - no text under 9 pt: a word's size is its `pdftotext -bbox` height / 1.30 (LibreOffice's
//   fallback faces for 宋体/黑体 — Noto CJK, DejaVu — set a 11 pt line 14.3 pt tall, measured);
// - every sheet's title (cell A1), and the Word report's title, appears whole;
// - the stamp and signature blocks are printed;
// - every page of the Word report carries its number "— N —".
// Outputs: roster for every example, subsidy for every month an example's activity log covers
// (examples without a SubsidyPolicy are skipped, as the command refuses them), report xlsx and docx.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { entryData, readZipEntries } from '../dist/render/zip.js';

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
  docx: [],
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
  const reportArgs = ['report', dir, ...(asOf ? ['--as-of', asOf, '--period', period] : [])];
  jobs.push({ kind: 'report', file: `${ex}-report.xlsx`, args: reportArgs });
  jobs.push({ kind: 'docx', file: `${ex}-report-word.docx`, args: reportArgs });
  for (const month of logMonths(dir)) jobs.push({ kind: 'subsidy', file: `${ex}-subsidy-${month}.xlsx`, args: ['subsidy', dir, '--month', month], optional: true });
}

/** [sheet, title] of each sheet with a title in A1. */
async function sheetTitles(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => [ws.name, String(ws.getCell('A1').value ?? '').replace(/\s+/g, '')]).filter(([, t]) => t);
}

/** The Word report's title: the Title-style paragraphs it opens with, read from the package XML. */
function docxTitle(file) {
  const doc = entryData(readZipEntries(readFileSync(file)).find((e) => e.name === 'word/document.xml')).toString('utf8');
  const paras = [...doc.replace(/^[\s\S]*?<w:body>/, '').matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => m[0]);
  const opening = paras.slice(0, paras.findIndex((p) => !p.includes('<w:pStyle w:val="Title"/>')));
  const title = opening.flatMap((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).join('');
  return title ? [['the Word report', title.replace(/\s+/g, '')]] : [];
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

// a profile of its own, so that a LibreOffice already open (or another print-check) does not take the job
const profile = `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`;
execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', tmp, ...made.map((j) => path.join(tmp, j.file))], { stdio: 'ignore' });

let failures = 0;
for (const job of made) {
  const xlsx = path.join(tmp, job.file);
  const pdf = xlsx.replace(/\.(xlsx|docx)$/, '.pdf');
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
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const text = raw.replace(/\s+/g, '');
  let titles = 0;
  for (const [where, title] of job.kind === 'docx' ? docxTitle(xlsx) : await sheetTitles(xlsx)) {
    titles++;
    if (!text.includes(title)) problems.push(`title of ${where} not printed whole: ${title}`);
  }
  for (const s of STAMPS[job.kind]) if (!text.includes(s)) problems.push(`no ${s}`);
  let numbered = '';
  if (job.kind === 'docx') {
    // pdftotext ends each page with a form feed; the number is the page's last line
    const missing = raw.split('\f').slice(0, pages).map((p, i) => (p.replace(/\s+/g, '').endsWith(`—${i + 1}—`) ? 0 : i + 1)).filter(Boolean);
    if (missing.length) problems.push(`no page number "— N —" on page ${missing.join(', ')}`);
    numbered = ', page numbers on every page';
  }
  const status = problems.length ? 'FAIL' : 'ok  ';
  if (problems.length) failures++;
  console.log(`${status}  ${job.file}: ${pages} A4 pages, smallest text ${minPt.toFixed(2)} pt, ${titles} title${titles === 1 ? "" : "s"} whole${STAMPS[job.kind].length ? ', stamp block printed' : ''}${numbered}`);
  for (const p of problems) console.log(`        ${p}`);
}
const keep = failures > 0 || !!process.env.KEEP;
console.log(`\n${made.length} workbooks and Word reports printed through LibreOffice, ${failures} with problems.${keep ? ` PDFs kept in ${tmp}` : ' (KEEP=1 keeps the PDFs)'}`);
if (failures) process.exitCode = 1;
if (!keep) rmSync(tmp, { recursive: true, force: true });
