// An independent reader of what an xlsx tells a printer: it reads the package XML itself (the
// repository's zip reader, no exceljs), so the print tests do not trust the library that wrote it.
import { entryData, readZipEntries } from '../../src/render/xlsx-common.js';

export interface FontInfo {
  name?: string;
  size: number;
  bold: boolean;
}

export interface PrintSheet {
  name: string;
  pageSetup: Record<string, string>;
  margins: Record<string, number>;
  fitToPage: boolean;
  /** Column widths (width units) by 1-based column. */
  widths: Map<number, number>;
  /** Row heights (pt) by 1-based row; rows without one are absent. */
  heights: Map<number, number>;
  lastRow: number;
  /** Row numbers after which a manual page break is set. */
  breaks: number[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Text of every cell (shared strings resolved) by address, e.g. "A1". */
  text: Map<string, string>;
  /** The font of every cell that has content or a style. */
  cellFonts: Map<string, FontInfo>;
  printTitles?: string;
}

const attrs = (tag: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
};

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function splitRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { col: colNumber(m[1]!), row: Number(m[2]) };
}

function readFonts(styles: string): { fonts: FontInfo[]; xfFont: number[] } {
  const fontsBlock = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1]!;
  const fonts = [...fontsBlock.matchAll(/<font\b[^>]*>([\s\S]*?)<\/font>|<font\b[^>]*\/>/g)].map((m) => {
    const body = m[1] ?? '';
    return {
      name: /<name val="([^"]*)"/.exec(body)?.[1],
      size: Number(/<sz val="([^"]*)"/.exec(body)?.[1] ?? 11),
      bold: /<b\/>|<b val="1"\/>/.test(body),
    };
  });
  const xfsBlock = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  const xfFont = [...xfsBlock.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => Number(attrs(m[1]!).fontId ?? 0));
  return { fonts, xfFont };
}

export function readPrintSheets(buf: Buffer): { sheets: PrintSheet[]; fonts: FontInfo[] } {
  const files = new Map(readZipEntries(buf).map((e) => [e.name, entryData(e).toString('utf8')]));
  const workbook = files.get('xl/workbook.xml')!;
  const rels = files.get('xl/_rels/workbook.xml.rels')!;
  const target = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/>/g)].map((m) => [attrs(m[1]!).Id!, attrs(m[1]!).Target!]));
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1]!.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const { fonts, xfFont } = readFonts(files.get('xl/styles.xml')!);
  const definedNames = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)];
  const sheets: PrintSheet[] = [];
  [...workbook.matchAll(/<sheet\b([^>]*)\/>/g)].forEach((m, index) => {
    const a = attrs(m[1]!);
    const xml = files.get(`xl/${target.get(a['r:id']!)!.replace(/^\/?xl\//, '')}`)!;
    const widths = new Map<number, number>();
    for (const c of xml.matchAll(/<col\b([^>]*)\/>/g)) {
      const ca = attrs(c[1]!);
      for (let k = Number(ca.min); k <= Number(ca.max); k++) widths.set(k, Number(ca.width));
    }
    const heights = new Map<number, number>();
    const text = new Map<string, string>();
    const cellFonts = new Map<string, FontInfo>();
    let lastRow = 0;
    for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const ra = attrs(r[1]!);
      const row = Number(ra.r);
      lastRow = Math.max(lastRow, row);
      if (ra.ht) heights.set(row, Number(ra.ht));
      for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const cellAttrs = attrs(c[1]!);
        cellFonts.set(cellAttrs.r!, fonts[xfFont[Number(cellAttrs.s ?? 0)] ?? 0]!);
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[2] ?? '')?.[1];
        const inline = /<is>[\s\S]*?<t\b[^>]*>([\s\S]*?)<\/t>/.exec(c[2] ?? '')?.[1];
        if (cellAttrs.t === 's' && v !== undefined) text.set(cellAttrs.r!, shared[Number(v)]!);
        else if (inline !== undefined) text.set(cellAttrs.r!, unescape(inline));
        else if (v !== undefined) text.set(cellAttrs.r!, unescape(v));
      }
    }
    const merges = [...xml.matchAll(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"\/>/g)].map((mm) => {
      const tl = splitRef(mm[1]!);
      const br = splitRef(mm[2]!);
      return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
    });
    const rowBreaks = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '';
    const breaks = [...rowBreaks.matchAll(/<brk\b([^>]*)\/>/g)].map((b) => Number(attrs(b[1]!).id));
    const titles = definedNames.find((d) => attrs(d[1]!).name === '_xlnm.Print_Titles' && Number(attrs(d[1]!).localSheetId) === index)?.[2];
    sheets.push({
      name: unescape(a.name!),
      pageSetup: attrs(/<pageSetup\b([^>]*)\/>/.exec(xml)?.[1] ?? ''),
      margins: Object.fromEntries(Object.entries(attrs(/<pageMargins\b([^>]*)\/>/.exec(xml)?.[1] ?? '')).map(([k, v]) => [k, Number(v)])),
      fitToPage: /<pageSetUpPr\b[^>]*fitToPage="1"/.test(xml),
      widths,
      heights,
      lastRow,
      breaks,
      merges,
      text,
      cellFonts,
      printTitles: titles,
    });
  });
  return { sheets, fonts };
}
