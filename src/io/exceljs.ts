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
