// The progress report as a Word 公文 (GB/T 9704-2012), read back from the package XML: the page,
// margins and line grid, the fonts and sizes of title, body, headings and page numbers, odd/even
// footers "— PAGE —" at the outside edge, real tables whose header rows repeat, and every table
// cell and sentence equal to the report model's. Two renders give the same bytes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { ProgressReport } from '../../src/reports/progress.js';
import { cellText } from '../../src/render/report-cells.js';
import { chineseDate, cnNumber, columnWidths, renderReportDocx, titleLines } from '../../src/render/report-docx.js';
import { addFonts, cellsOffGrid, pinCoreDates } from '../../src/render/report-docx-zip.js';
import { readZipEntries } from '../../src/render/zip.js';
import { captureIo } from '../helpers/io.js';
import { attrs, docxParagraphs, docxParts, docxTables, styleFont, textOf } from './docx-xml.js';
import { exampleReport, ROOT } from './helpers.js';

const CASES: [string, string, string][] = [
  ['wuchuan-2017', '2018-01-05', '2017'],
  ['guangshan-2021', '2021-07-01', '2021-Q2'],
];

const rendered = new Map<string, { r: ProgressReport; buf: Buffer; parts: Map<string, string> }>();
beforeAll(async () => {
  for (const [dir, asOf, period] of CASES) {
    const r = await exampleReport(dir, asOf, period);
    const buf = await renderReportDocx(r);
    rendered.set(dir, { r, buf, parts: docxParts(buf) });
  }
});

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe.each(CASES)('%s as of %s, period %s', (dir) => {
  const get = () => rendered.get(dir)!;
  const doc = () => get().parts.get('word/document.xml')!;
  const styles = () => get().parts.get('word/styles.xml')!;

  it('A4 with the GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right', () => {
    expect(attrs(doc(), 'w:pgSz')).toMatchObject({ w: '11906', h: '16838' });
    const m = attrs(doc(), 'w:pgMar')!;
    expect([m.top, m.bottom, m.left, m.right].map(Number)).toEqual([twips(37), twips(35), twips(28), twips(26)]);
    expect([m.top, m.bottom, m.left, m.right].map(Number)).toEqual([2098, 1984, 1587, 1474]);
  });

  it('the wide tables are on A4 landscape pages with the same margins; the first page and the 附件 stay portrait', () => {
    const sections = [...doc().matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    const sizes = sections.map((x) => attrs(x, 'w:pgSz')!);
    expect(sizes.map((x) => [x.w, x.h, x.orient ?? 'portrait'])).toEqual([
      ['11906', '16838', 'portrait'],
      ['16838', '11906', 'landscape'],
      ['11906', '16838', 'portrait'],
    ]);
    for (const x of sections) {
      const m = attrs(x, 'w:pgMar')!;
      expect([m.top, m.bottom, m.left, m.right].map(Number)).toEqual([2098, 1984, 1587, 1474]);
      // every section numbers its pages, odd and even
      expect(x.match(/<w:footerReference /g)).toHaveLength(2);
    }
    // the 落款 closes the landscape run (never alone on a page), the 附件 opens the last section
    const body = doc();
    const lastBreak = body.lastIndexOf('<w:sectPr', body.lastIndexOf('<w:sectPr') - 1);
    expect(body.slice(0, lastBreak)).toContain(get().r.alliance.name);
    expect(body.slice(lastBreak)).toContain('附件');
  });

  it('Latin text (dates, numbers) is marked en-US and Chinese zh-CN, so LibreOffice does not break 2017-12-31 inside its digits as it breaks Chinese text', () => {
    const rDefault = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles())![0];
    expect(attrs(rDefault, 'w:lang')).toMatchObject({ val: 'en-US', eastAsia: 'zh-CN' });
  });

  it('22 lines of 28 characters: the line grid and the body lines fill 225 mm, the characters 156 mm', () => {
    const height = 16838 - 2098 - 1984;
    const width = 11906 - 1587 - 1474;
    const grid = attrs(doc(), 'w:docGrid')!;
    const pitch = Number(grid.linePitch);
    expect(22 * pitch).toBeLessThanOrEqual(height);
    expect(23 * pitch).toBeGreaterThan(height);
    const body = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles())![0];
    expect(attrs(body, 'w:spacing')).toMatchObject({ line: String(pitch), lineRule: 'exact' });
    const rDefault = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles())![0];
    const advance = 16 * 20 + Number(attrs(rDefault, 'w:spacing')!.val);
    expect(28 * advance).toBeLessThanOrEqual(width);
    expect(29 * advance).toBeGreaterThan(width);
  });

  it('title 2号 小标宋, body 3号 仿宋_GB2312, 一、 in 黑体, （一） in 楷体_GB2312, none bold', () => {
    expect(styleFont(styles(), 'Title')).toMatchObject({ eastAsia: '方正小标宋简体', size: 44, bold: false });
    expect(styleFont(styles(), 'default')).toMatchObject({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', size: 32 });
    expect(styleFont(styles(), 'Heading1')).toMatchObject({ eastAsia: '黑体', size: 32, bold: false });
    expect(styleFont(styles(), 'Heading2')).toMatchObject({ eastAsia: '楷体_GB2312', size: 32, bold: false });
    const paras = docxParagraphs(doc());
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(get().r.sections.map((s) => s.title));
    for (const p of paras.filter((x) => x.style === 'Heading2')) expect(p.text).toMatch(/^（[一二三四五六七八九十]+）/);
    expect(paras.filter((p) => p.style === 'Title').map((p) => p.text).join('')).toBe(get().r.title + get().r.timeline.title);
  });

  it('the font table names the fallbacks where the 公文 faces are missing', () => {
    const fonts = get().parts.get('word/fontTable.xml')!;
    const alt = (name: string) => new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/><w:charset w:val="86"/>`).exec(fonts)?.[1];
    expect(alt('方正小标宋简体')).toMatch(/宋/);
    expect(alt('仿宋_GB2312')).toBe('仿宋');
    expect(alt('楷体_GB2312')).toBe('楷体');
    expect(fonts).toContain('<w:font w:name="黑体">');
  });

  it('page numbers "— N —" in 4号 宋体: odd pages at the right, even pages at the left', () => {
    const { parts } = get();
    expect(parts.get('word/settings.xml')).toMatch(/<w:evenAndOddHeaders(?: w:val="(?:true|1)")?\/>/);
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(doc())![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return parts.get(`word/${target[1] ?? target[2]}`)!;
    };
    for (const [type, side, inset] of [
      ['default', 'right', 'right'],
      ['even', 'left', 'left'],
    ] as const) {
      const xml = footer(type);
      expect(attrs(xml, 'w:jc')!.val, type).toBe(side);
      expect(Number(attrs(xml, 'w:ind')![inset]), type).toBe(14 * 20); // 空一字 of 4号
      // "— " PAGE " —": the field between the two dashes
      expect(xml.replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/, '<w:t>#</w:t>').match(/<w:t[^>]*>[^<]*<\/w:t>/g)!.map(textOf).join('')).toBe('— # —');
      for (const r of xml.match(/<w:rPr>[\s\S]*?<\/w:rPr>/g)!) {
        expect(attrs(r, 'w:rFonts')!.eastAsia).toBe('宋体');
        expect(attrs(r, 'w:sz')!.val).toBe('28');
      }
    }
  });

  it('every table is a Word table whose header row repeats, and every cell equals the model', () => {
    const { r } = get();
    const tables = docxTables(doc());
    const want = r.sections.flatMap((s) => s.tables).filter((t) => t.rows.length);
    // then the timeline's tables, one per group, in the 附件
    expect(tables).toHaveLength(want.length + r.timeline.groups.length);
    want.forEach((t, k) => {
      const got = tables[k]!;
      expect(got.rows[0], t.id).toEqual(t.columns.map((c) => c.header));
      expect(got.header, t.id).toEqual(got.rows.map((_, i) => i === 0));
      expect(got.rows.slice(1), t.id).toEqual([...t.rows, ...(t.total ? [t.total] : [])].map((row) => t.columns.map((c, i) => cellText(row[i] ?? null, c.type))));
      // a table of seven columns or more fills a landscape page's type area, the rest a portrait one's
      expect(got.grid.reduce((a, b) => a + b, 0), t.id).toBe(t.columns.length >= 7 ? 16838 - 1587 - 1474 : 11906 - 1587 - 1474);
    });
    r.timeline.groups.forEach((g, k) => {
      const got = tables[want.length + k]!;
      expect(got.header).toEqual(got.rows.map((_, i) => i === 0));
      expect(got.rows.slice(1), g.id).toEqual(r.timeline.rows.filter((x) => x.group === g.id).map((x) => [x.label, x.status, x.spans.map((sp) => sp.text).join('\n')]));
    });
    // the numbers are there at all (a table of blanks would pass the comparison above)
    expect(tables.flatMap((t) => t.rows.flat()).filter((c) => /^\d/.test(c)).length).toBeGreaterThan(10);
  });

  it('every sentence and empty-table note of the model is a paragraph; the 落款 is the alliance and the as-of date', () => {
    const { r } = get();
    const texts = docxParagraphs(doc()).map((p) => p.text);
    for (const s of r.sections) {
      for (const line of s.lines) expect(texts).toContain(line);
      for (const t of s.tables.filter((x) => !x.rows.length)) expect(texts).toContain(t.empty);
    }
    const paras = docxParagraphs(doc());
    const annex = paras.findIndex((p) => p.text === '附件');
    expect(annex).toBeGreaterThan(0);
    expect(paras[annex]!.xml).toContain('<w:pageBreakBefore/>');
    expect(paras[annex + 1]).toMatchObject({ style: 'Title', text: r.timeline.title });
    const last = paras.slice(annex - 2, annex);
    expect(last.map((p) => p.text)).toEqual([r.alliance.name, chineseDate(r.asOf)]);
    for (const p of last) expect(attrs(p.xml, 'w:jc')!.val).toBe('right');
  });

  it('deterministic: another render at another time gives the same bytes, dated the as-of day', async () => {
    const { r, buf, parts } = get();
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-05-06T07:08:09Z'));
    try {
      expect((await renderReportDocx(r)).equals(buf)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${r.asOf}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${r.asOf}T00:00:00Z</dcterms:modified>`);
    // zip entries: the fixed 1980-01-01 00:00 of zip.ts in every local header
    expect(readZipEntries(buf).length).toBeGreaterThan(5);
    for (let i = buf.indexOf(Buffer.from('PK\x03\x04', 'latin1')); i >= 0; i = buf.indexOf(Buffer.from('PK\x03\x04', 'latin1'), i + 4))
      expect([buf.readUInt16LE(i + 10), buf.readUInt16LE(i + 12)]).toEqual([0, 33]);
  });
});

describe('docx layout helpers', () => {
  it('（一） numbers and 成文日期', () => {
    expect([1, 2, 9, 10, 11, 20, 23].map(cnNumber)).toEqual(['一', '二', '九', '十', '十一', '二十', '二十三']);
    expect(chineseDate('2021-07-01')).toBe('2021年7月1日');
  });

  it('a long title breaks after the alliance name; a short one stays whole', () => {
    const r = (name: string, title: string) => ({ title, alliance: { name } }) as ProgressReport;
    expect(titleLines(r('光山县医疗服务集团', '光山县医疗服务集团2021年第二季度工作进展报告'))).toEqual(['光山县医疗服务集团', '2021年第二季度工作进展报告']);
    expect(titleLines(r('某医联体', '某医联体2021年工作进展报告'))).toEqual(['某医联体2021年工作进展报告']);
    // --lang en: "name: progress report, Q2 2021" breaks after its colon
    expect(titleLines(r('光山县医疗服务集团', '光山县医疗服务集团: progress report, Q2 2021'))).toEqual(['光山县医疗服务集团:', 'progress report, Q2 2021']);
  });

  it('column widths fill the type area; dates and short words keep their width, long text takes the rest', () => {
    const t = {
      id: 'x',
      title: 'x',
      empty: '',
      columns: [
        { header: '序号', type: 'int' as const },
        { header: '工作任务', type: 'text' as const },
        { header: '期限', type: 'date' as const },
        { header: '状态', type: 'text' as const },
        { header: '说明', type: 'text' as const },
        { header: 'a', type: 'text' as const },
        { header: 'b', type: 'text' as const },
      ],
      rows: [[1, '很长的工作任务'.repeat(10), '2021-06-30', '未全部达标', '说明'.repeat(10), 'x', 'y']],
    };
    const w = columnWidths(t);
    expect(w.reduce((a, b) => a + b, 0)).toBe(8845);
    // the same table squeezed below its minimum: the text columns give way, the date keeps its width
    const narrow = columnWidths(t, 3000);
    expect(narrow.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(narrow[2]).toBeGreaterThanOrEqual(10 * 0.6 * 210);
    const em = 210; // 五号: seven columns
    expect(w[2]).toBeGreaterThanOrEqual(10 * 0.6 * em); // 2021-06-30 on one line
    expect(w[3]).toBeGreaterThanOrEqual(5 * em); // 未全部达标 on one line
    expect(w[1]).toBeGreaterThan(w[2]!);
    expect(w[1]).toBeGreaterThan(w[0]!);
    // an English word in a narrow column keeps its width (not "no deadli / ne")
    const en = { ...t, rows: [[1, 'task '.repeat(30), '2021-06-30', 'no deadline', 'note '.repeat(30), 'x', 'y']] };
    expect(columnWidths(en)[3]).toBeGreaterThanOrEqual(8 * 0.7 * em); // "deadline"
    // a long path is no word to keep whole: the long text columns keep the width
    const path = { ...t, rows: [[1, '任务'.repeat(30), '2021-06-30', '未达标', '说明'.repeat(30), 'examples/liangping-2018/quotas.yaml:9:5', 'y']] };
    const pw = columnWidths(path);
    expect(pw[5]).toBeLessThan(pw[1]!);
    expect(pw[5]).toBeLessThan(pw[4]!);
    // long text in every row (工作任务) widens more than long text in one row (说明)
    const many = { ...t, rows: Array.from({ length: 8 }, (_, k) => [k + 1, '很长的工作任务'.repeat(8), '2021-06-30', '逾期', k === 0 ? '说明'.repeat(40) : '', 'x', 'y']) };
    const mw = columnWidths(many);
    expect(mw[1]).toBeGreaterThan(mw[4]!);
  });

  it('package fixes: core dates pinned, fonts added to an empty table, cells off the grid', () => {
    expect(pinCoreDates('<dcterms:created xsi:type="x">2026-01-01T10:00:00Z</dcterms:created>', '2021-07-01')).toBe('<dcterms:created xsi:type="x">2021-07-01T00:00:00Z</dcterms:created>');
    expect(addFonts('<w:fonts xmlns:w="w"/>')).toMatch(/^<w:fonts xmlns:w="w"><w:font w:name="方正小标宋简体">.*<\/w:fonts>$/);
    expect(cellsOffGrid('<w:p><w:pPr><w:jc/></w:pPr></w:p><w:tc><w:p><w:pPr><w:spacing/></w:pPr></w:p></w:tc>')).toBe(
      '<w:p><w:pPr><w:jc/></w:pPr></w:p><w:tc><w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing/></w:pPr></w:p></w:tc>',
    );
  });
});

describe('yilian report -o x.docx', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'yilian-docx-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const EX = path.join(ROOT, 'examples', 'guangshan-2021');
  const run = async (...args: string[]) => {
    const c = captureIo({ cwd: tmp });
    const code = await main(['node', 'yilian', 'report', EX, '--as-of', '2021-07-01', '--period', '2021-Q2', ...args], c.io);
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  };

  it('chooses Word from the extension, and never replaces a file without --force', async () => {
    const out = path.join(tmp, '进展报告.docx');
    const first = await run('-o', out);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('已写入');
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(docxParts(bytes).has('word/document.xml')).toBe(true);
    writeFileSync(out, 'the clerk edited this');
    const again = await run('-o', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/--force/);
    expect(readFileSync(out, 'utf8')).toBe('the clerk edited this');
    expect((await run('-o', out, '--force')).code).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
  });

  it('--format docx for a name without the extension', async () => {
    const out = path.join(tmp, 'report-q2');
    expect((await run('-o', out, '--format', 'docx')).code).toBe(0);
    expect(existsSync(out) && docxParts(readFileSync(out)).has('word/styles.xml')).toBe(true);
  });
});
