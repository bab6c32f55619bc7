// The one lazy loader of exceljs, shared by the spreadsheet reader (io/xlsx-read) and the
// workbook renderers (render/xlsx-common). exceljs is heavy, so it is imported on first use
// only: `yilian --help` and `validate` never load it (DESIGN.md, "Architecture").
import type ExcelJSNs from 'exceljs';

export type ExcelJS = typeof ExcelJSNs;

let excel: ExcelJS | undefined;
/** The exceljs module, imported on first use (its CommonJS default export, or the namespace). */
export async function loadExcel(): Promise<ExcelJS> {
  if (!excel) {
    const mod = (await import('exceljs')) as unknown as { default?: ExcelJS } & ExcelJS;
    excel = mod.default ?? mod;
  }
  return excel;
}

/**
 * The parts of exceljs's in-memory reader that io/xlsx-stream drives a row at a time, so a log
 * read row by row gets the very values `Workbook.xlsx.load` gives (same parsing, styles, dates).
 */
export async function loadExcelParts() {
  const [sax, row, rowXform, workbook, rels, styles, strings] = await Promise.all([
    import('exceljs/lib/utils/parse-sax.js'),
    import('exceljs/lib/doc/row.js'),
    import('exceljs/lib/xlsx/xform/sheet/row-xform.js'),
    import('exceljs/lib/xlsx/xform/book/workbook-xform.js'),
    import('exceljs/lib/xlsx/xform/core/relationships-xform.js'),
    import('exceljs/lib/xlsx/xform/style/styles-xform.js'),
    import('exceljs/lib/xlsx/xform/strings/shared-strings-xform.js'),
  ]);
  return {
    parseSax: sax.default,
    Row: row.default,
    RowXform: rowXform.default,
    WorkbookXform: workbook.default,
    RelationshipsXform: rels.default,
    StylesXform: styles.default,
    SharedStringsXform: strings.default,
  };
}
export type ExcelParts = Awaited<ReturnType<typeof loadExcelParts>>;
