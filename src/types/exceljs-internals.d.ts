// The few parts of exceljs's in-memory reader that io/xlsx-stream.ts drives a row at a time
// (exceljs ships no types for them). Shapes as used; see node_modules/exceljs/lib.
declare module 'exceljs/lib/utils/parse-sax.js' {
  type SaxEvent = { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } } | { eventType: 'text'; value: string } | { eventType: 'closetag'; value: { name: string } };
  const parseSax: (chunks: AsyncIterable<string>) => AsyncIterable<SaxEvent[]>;
  export default parseSax;
}
declare module 'exceljs/lib/xlsx/xform/sheet/row-xform.js' {
  export interface RowModel {
    number: number;
    cells: { address?: string; type: number }[];
    [k: string]: unknown;
  }
  export interface ReconcileOptions {
    styles: unknown;
    sharedStrings: unknown;
    date1904: boolean | undefined;
    hyperlinkMap: Record<string, string>;
    formulae: Record<string, string>;
    commentsMap: Record<string, unknown> | undefined;
  }
  export default class RowXform {
    model: RowModel;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
    reconcile(model: RowModel, options: ReconcileOptions): void;
  }
}
declare module 'exceljs/lib/doc/row.js' {
  import type { Row as ExcelRow, Worksheet } from 'exceljs';
  const Row: new (worksheet: Worksheet, number: number) => ExcelRow;
  export default Row;
}
declare module 'exceljs/lib/xlsx/xform/*' {
  /** An xform that reads a whole (small) part: workbook.xml, rels, styles.xml, sharedStrings.xml. */
  export default class PartXform {
    model: unknown;
    parseStream(chunks: AsyncIterable<string> | Iterable<string>): Promise<any>;
  }
}
