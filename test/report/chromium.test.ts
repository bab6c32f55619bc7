// The HTML report in a real browser: headless Chromium takes a screenshot and prints it to PDF
// (A4, several pages). The title names the program it needs; where it is not installed the test is
// skipped and listed under the run's summary (test/helpers/skipped-reporter.ts). .ci/run does not
// install it: a browser is a 100+ MB download the CI image may not reach, and the HTML itself is
// checked without one in render.test.ts.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/render/report-html.js';
import { exampleReport } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const PDFTOTEXT = '/usr/bin/pdftotext';
const hasPdftotext = existsSync(PDFTOTEXT);
const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-report-chromium-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function chromium(args: string[]): Promise<void> {
  const profile = mkdtempSync(path.join(tmp, 'profile-'));
  const base = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`];
  return new Promise((resolve, reject) =>
    execFile(CHROMIUM, [...base, ...args], { timeout: 90_000 }, (err, _out, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve())),
  );
}

describe('HTML report in headless Chromium', () => {
  it.skipIf(!hasChromium)(`renders to PNG and prints to an A4 PDF (needs ${CHROMIUM}${hasChromium ? '' : ', not installed'})`, async () => {
    const r = await exampleReport('guangshan-2021', '2021-07-01', '2021-06');
    const html = path.join(tmp, 'report.html');
    writeFileSync(html, renderReportHtml(r));
    const png = path.join(tmp, 'report.png');
    await chromium([`--screenshot=${png}`, '--window-size=1200,1600', `file://${html}`]);
    const img = readFileSync(png);
    expect(img.subarray(1, 4).toString()).toBe('PNG');
    expect(img.readUInt32BE(16)).toBe(1200); // IHDR width
    expect(statSync(png).size).toBeGreaterThan(50_000); // text, tables and charts, not a blank page
    const pdf = path.join(tmp, 'report.pdf');
    await chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', `file://${html}`]);
    const bytes = readFileSync(pdf).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    const pages = bytes.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);
    // A4 is 595 × 842 points
    expect(bytes).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+59[45](\.\d+)?\s+84[12](\.\d+)?\s*\]/);
  });

  it.skipIf(!hasChromium || !hasPdftotext)(`numbers the printed pages "1 / N" (needs ${CHROMIUM} and ${PDFTOTEXT}${hasChromium && hasPdftotext ? '' : ', not installed'})`, async () => {
    const r = await exampleReport('wuchuan-2017', '2021-07-10', '2021-Q2');
    const html = path.join(tmp, 'numbered.html');
    writeFileSync(html, renderReportHtml(r));
    const pdf = path.join(tmp, 'numbered.pdf');
    await chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', `file://${html}`]);
    const text = await new Promise<string>((resolve, reject) => execFile(PDFTOTEXT, ['-layout', pdf, '-'], (err, out) => (err ? reject(err) : resolve(out))));
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // the last line of each page is its number out of the total (pdftotext may drop the spaces)
    pages.forEach((p, i) => expect(p.trim().split('\n').at(-1)!.replace(/\s+/g, '')).toBe(`${i + 1}/${pages.length}`));
  });
});
