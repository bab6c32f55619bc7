// The docx package's archive made reproducible and told its fonts: the same report gives the same
// bytes (DESIGN.md, Outputs). docx stamps the wall clock into docProps/core.xml (created,
// modified) and into every zip entry; both become the report's as-of date (the zip's entries the
// fixed 1980-01-01 that zip.ts writes). The font table gets the 公文 faces with their fallbacks
// (report-docx-page.ts), and table cells leave the line grid: the docx package has no option for
// either.
import { fontTableEntries } from './report-docx-page.js';
import { entryData, readZipEntries, replaceEntry, writeZip } from './zip.js';

/** `dcterms:created`/`modified` set to midnight (UTC) of `date`. */
export function pinCoreDates(xml: string, date: string): string {
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${date}T00:00:00Z$3`);
}

/** The 公文 faces added to the font table, replacing any entry of the same name. */
export function addFonts(xml: string): string {
  const mine = fontTableEntries();
  const names = [...mine.matchAll(/w:name="([^"]+)"/g)].map((m) => m[1]);
  const kept = xml.replace(/<w:font w:name="([^"]+)"[\s\S]*?<\/w:font>/g, (whole, name: string) => (names.includes(name) ? '' : whole));
  // docx writes an empty table as one self-closing element
  return kept.replace(/<w:fonts\b([^>]*?)\s*\/>/, '<w:fonts$1></w:fonts>').replace(/<\/w:fonts>/, `${mine}</w:fonts>`);
}

/**
 * Table cells off the line grid (w:snapToGrid 0, first in w:pPr as the schema orders it): their
 * lines are small-type lines, and LibreOffice would otherwise give each a whole 29 pt grid line.
 * The docx package writes snapToGrid on runs only.
 */
export function cellsOffGrid(xml: string): string {
  return xml.replace(/<w:tc>[\s\S]*?<\/w:tc>/g, (cell) => cell.replace(/<w:pPr>/g, '<w:pPr><w:snapToGrid w:val="0"/>'));
}

export function finalizeDocx(buf: Buffer, date: string): Buffer {
  const entries = readZipEntries(buf).map((e) => {
    const fix =
      e.name === 'docProps/core.xml' ? (x: string) => pinCoreDates(x, date) : e.name === 'word/fontTable.xml' ? addFonts : e.name === 'word/document.xml' ? cellsOffGrid : undefined;
    if (!fix) return e;
    const xml = entryData(e).toString('utf8');
    const fixed = fix(xml);
    return fixed === xml ? e : replaceEntry(e, Buffer.from(fixed, 'utf8'));
  });
  return writeZip(entries);
}
