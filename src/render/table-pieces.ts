// A cli-table3 table of fixed column widths, drawn in pieces. cli-table3 lays a table out in time
// quadratic in its rows (layout-manager's fillInTable looks through every earlier cell for spans):
// 1,000 findings took 2.7 s, 4,000 took 19 s, and the 48,000 of a province-year would take hours.
// With every width fixed, no row changes how another is drawn, so the table is drawn PIECE rows
// at a time and the pieces are joined where one's bottom border meets the next one's top: the
// line between them is the line cli-table3 draws between any two rows. The text is the one
// table's, byte for byte (test/render/table-pieces.test.ts). A piece of plain cells is drawn
// without cli-table3 at all (table-plain.ts), the same text many times faster.
import Table from 'cli-table3';
import { drawPlain, type PlainOptions } from './table-plain.js';

type Options = ConstructorParameters<typeof Table>[0] & { head: string[]; colWidths: number[] };

/** Rows per piece: small enough that the quadratic layout costs nothing, large enough to draw few. */
export const PIECE = 200;

/** `new Table(options)` with `rows` pushed, as text; rows are plain cells (no spans). */
export function drawTable(options: Options, rows: readonly string[][], piece = PIECE): string {
  return [...tableLines(options, rows.length, (from, to) => rows.slice(from, to), piece)].join('\n');
}

/**
 * drawTable's text a piece at a time, each piece whole lines (joined with line breaks they are
 * the table), asking `rowsOf` for a piece's rows only when it is drawn: a province's table of
 * 48,000 findings is never held as rows or as text at once.
 */
export function* tableLines(options: Options, count: number, rowsOf: (from: number, to: number) => readonly string[][], piece = PIECE): Generator<string> {
  if (count <= piece || !options.head.length) {
    yield draw(options, rowsOf(0, count));
    return;
  }
  // The head's lines: a table of the head alone is its top border, the head and its bottom border.
  const headLines = draw(options, []).split('\n').length - 2;
  let between = '';
  for (let i = 0; i < count; i += piece) {
    const lines = draw(options, rowsOf(i, Math.min(i + piece, count))).split('\n');
    const last = i + piece >= count;
    if (i === 0) {
      // the line under the head is the one cli-table3 draws between any two rows
      between = lines[headLines + 1]!;
      yield lines.slice(0, last ? undefined : -1).join('\n');
    } else {
      yield [between, ...lines.slice(headLines + 2, last ? undefined : -1)].join('\n');
    }
  }
}

function draw(options: Options, rows: readonly string[][]): string {
  const plain = isPlain(options) ? drawPlain(options, rows) : undefined;
  if (plain !== undefined) return plain;
  const table = new Table(options);
  for (const r of rows) table.push(r);
  return table.toString();
}

/** Options drawPlain knows how cli-table3 draws: fixed widths, a head, colours of border and head. */
function isPlain(o: Options): o is Options & PlainOptions {
  const style = o.style as Record<string, unknown> | undefined;
  return (
    Object.keys(o).every((k) => k === 'head' || k === 'style' || k === 'colWidths') &&
    !!style &&
    Object.keys(style).every((k) => k === 'head' || k === 'border') &&
    Array.isArray(style.head) &&
    Array.isArray(style.border)
  );
}
