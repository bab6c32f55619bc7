// The Word report read by an independent reader, python-docx (Debian python3-docx): what Word
// itself would be told about the page, the odd/even footers, the styles' fonts and every table
// cell. The title names the program it needs; where it is not installed the test is skipped and
// listed under the run's summary (test/helpers/skipped-reporter.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/render/report-cells.js';
import { renderReportDocx } from '../../src/render/report-docx.js';
import { exampleReport } from './helpers.js';

/** A python that has python-docx: the PATH's, else Debian's own (python3-docx installs there). */
const PYTHON = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import docx'], { stdio: 'ignore' }).status === 0);
const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-docx-python-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const READER = String.raw`
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
s = d.sections[0]
def east(style):
    rf = style.element.find(qn('w:rPr'))
    rf = rf.find(qn('w:rFonts')) if rf is not None else None
    return rf.get(qn('w:eastAsia')) if rf is not None else None
print(json.dumps({
  'page': [s.page_width.twips, s.page_height.twips],
  'margins': [s.top_margin.twips, s.bottom_margin.twips, s.left_margin.twips, s.right_margin.twips],
  'oddEven': d.settings.odd_and_even_pages_header_footer,
  'footers': [[p.alignment and int(p.alignment) for p in f.paragraphs] for f in (s.footer, s.even_page_footer)],
  'styles': {st.style_id: [east(st), st.font.size and st.font.size.pt] for st in d.styles if st.style_id in ('Title', 'Heading1', 'Heading2')},
  'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
}, ensure_ascii=False))
`;

describe('the Word report through python-docx', () => {
  it.skipIf(!PYTHON)(`page, footers, fonts and every table cell (needs python3-docx${PYTHON ? '' : ', not installed: apt-get install python3-docx'})`, async () => {
    for (const [dir, asOf, period] of [
      ['wuchuan-2017', '2018-01-05', '2017'],
      ['guangshan-2021', '2021-07-01', '2021-Q2'],
    ] as const) {
      const r = await exampleReport(dir, asOf, period);
      const file = path.join(tmp, `${dir}.docx`);
      writeFileSync(file, await renderReportDocx(r));
      const run = spawnSync(PYTHON!, ['-c', READER, file], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const got = JSON.parse(run.stdout) as {
        page: number[];
        margins: number[];
        oddEven: boolean;
        footers: (number | null)[][];
        styles: Record<string, [string | null, number | null]>;
        tables: string[][][];
      };
      expect(got.page).toEqual([11906, 16838]);
      expect(got.margins).toEqual([2098, 1984, 1587, 1474]);
      expect(got.oddEven).toBe(true);
      expect(got.footers).toEqual([[2], [0]]); // WD_ALIGN_PARAGRAPH RIGHT on odd pages, LEFT on even
      expect(got.styles).toEqual({ Title: ['方正小标宋简体', 22], Heading1: ['黑体', 16], Heading2: ['楷体_GB2312', 16] });
      const want = r.sections
        .flatMap((s) => s.tables)
        .filter((t) => t.rows.length)
        .map((t) => [t.columns.map((c) => c.header), ...[...t.rows, ...(t.total ? [t.total] : [])].map((row) => t.columns.map((c, i) => cellText(row[i] ?? null, c.type)))])
        // the timeline's tables in the 附件: label, status, one line per span
        .concat(r.timeline.groups.map((g) => [[g.title, '状态', '时间与进度'], ...r.timeline.rows.filter((x) => x.group === g.id).map((x) => [x.label, x.status, x.spans.map((sp) => sp.text).join('\n')])]));
      expect(got.tables).toEqual(want);
    }
  });
});
