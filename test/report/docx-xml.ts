// An independent reader of the Word report: the package XML itself through the repository's zip
// reader (not the docx library that wrote it), reduced to what the 公文 tests assert.
import { entryData, readZipEntries } from '../../src/render/zip.js';

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every part of the package by name, as text. */
export function docxParts(buf: Buffer): Map<string, string> {
  return new Map(readZipEntries(buf).map((e) => [e.name, entryData(e).toString('utf8')]));
}

/** The attributes of the first `<tag …>` in xml (w: prefixes dropped from the names). */
export function attrs(xml: string, tag: string): Record<string, string> | undefined {
  const m = new RegExp(`<${tag}\\b([^>]*?)/?>`).exec(xml);
  if (!m) return undefined;
  return Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!.replace(/^w:/, ''), a[2]!]));
}

/** Text of a fragment: its w:t runs joined. */
export const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');

export interface DocxTable {
  /** Each row's cell texts, header row first. */
  rows: string[][];
  /** Whether each row is marked to repeat as a header (w:tblHeader). */
  header: boolean[];
  /** Column widths from w:tblGrid (twips). */
  grid: number[];
}

/** The body's tables, in order. */
export function docxTables(documentXml: string): DocxTable[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => {
    const rows = [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => r[1]!);
    return {
      // a cell of several paragraphs reads as its lines
      rows: rows.map((r) => [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1]!.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) => textOf(p[1]!)).join('\n'))),
      header: rows.map((r) => /<w:tblHeader(?: w:val="(?:true|1|on)")?\/>/.test(r)),
      grid: [...t[1]!.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1])),
    };
  });
}

/** The body's paragraphs (outside tables): style id and text. */
export function docxParagraphs(documentXml: string): { style?: string; text: string; xml: string }[] {
  const body = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const xml = m[1] ?? '';
    return { style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1], text: textOf(xml), xml };
  });
}

/** A style's run font (eastAsia) and size (half-points) from styles.xml; 'default' for docDefaults. */
export function styleFont(stylesXml: string, id: string): { eastAsia?: string; ascii?: string; size?: number; bold: boolean } {
  const block =
    id === 'default'
      ? /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(stylesXml)?.[1]
      : new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(stylesXml)?.[1];
  if (block === undefined) throw new Error(`no style ${id}`);
  const f = attrs(block, 'w:rFonts') ?? {};
  const sz = attrs(block, 'w:sz');
  return { eastAsia: f.eastAsia, ascii: f.ascii, size: sz ? Number(sz.val) : undefined, bold: /<w:b(?: w:val="(?:true|1|on)")?\/>/.test(block) };
}
