// The rows of a cli-table3 table of fixed column widths drawn without cli-table3, where that is
// plainly the same text: every cell's every line fits its column, is made of characters whose
// width no measure disputes (text-width.ts), and carries colour codes only on a single line that
// closes them. cli-table3 measures each cell line through string-width and strip-ansi several
// times over, and that strip-ansi compiles its regular expression anew on every call: 48,000
// findings of a province took 17 s of a 22 s `check`. Anything else (a line to cut with …, an
// emoji, colours across lines) returns undefined and cli-table3 draws it. The borders' and the
// head's colours are cli-table3's own, read once from a two-cell table it draws. The text is
// cli-table3's, byte for byte (test/render/table-plain.test.ts).
import Table from 'cli-table3';
import { simpleDisplayWidth } from './text-width.js';

export interface PlainOptions {
  head: string[];
  style: { head: string[]; border: string[] };
  colWidths: number[];
}

/** How cli-table3 colours a border piece and a head cell: text before and after. */
interface Look {
  border: [string, string];
  /** What colouring the empty right edge of a cell that is not the last gives. */
  emptyBorder: string;
  head: [string, string];
}

const looks = new Map<string, Look>();

function lookOf(style: PlainOptions['style']): Look | undefined {
  const key = `${style.head.join(',')}|${style.border.join(',')}`;
  let look = looks.get(key);
  if (!look) {
    look = probe(style);
    if (look) looks.set(key, look);
  }
  return look;
}

/**
 * Read the colours off cli-table3's own drawing of a two-cell head. Its first line is
 * B('┌───') B('┬───┐') and its second B('│') H(' H ') B('') B('│') H(' I ') B('│'), where B and H
 * wrap in the border's and the head's colour codes.
 */
function probe(style: PlainOptions['style']): Look | undefined {
  const [top, mid] = new Table({ head: ['H', 'I'], style, colWidths: [3, 3] }).toString().split('\n') as [string, string];
  const pre = top.slice(0, top.indexOf('┌'));
  const postLength = (top.length - 9) / 2 - pre.length;
  const post = top.slice(pre.length + 4, pre.length + 4 + postLength);
  const bar = `${pre}│${post}`;
  if (`${pre}┌───${post}${pre}┬───┐${post}` !== top || !mid.startsWith(bar) || !mid.endsWith(bar)) return undefined;
  const h = mid.indexOf(' H ', bar.length);
  const i = mid.lastIndexOf(' I ');
  const headPre = mid.slice(bar.length, h);
  const headPost = mid.slice(i + 3, mid.length - bar.length);
  const emptyBorder = mid.slice(h + 3 + headPost.length, i - headPre.length - bar.length);
  const look: Look = { border: [pre, post], emptyBorder, head: [headPre, headPost] };
  return `${bar}${headPre} H ${headPost}${emptyBorder}${bar}${headPre} I ${headPost}${bar}` === mid ? look : undefined;
}

/** A colour code (SGR), its parameters captured. */
const SGR = /\u001b\[([\d;]*)m/g;

/**
 * Whether the colour codes of a one-line cell all close by its end (as chalk writes them): then
 * cli-table3 leaves the line as it is. Codes: 1/2 bold/dim (22 closes both), 3/23, 4/24, 7/27,
 * 8/28, 9/29, foreground 30–37, 90–97 (39), background 40–47, 100–107 (49), 0 resets all.
 */
function closesItsColours(line: string): boolean {
  const open = new Set<string>();
  for (const m of line.matchAll(SGR)) {
    for (const part of (m[1] || '0').split(';')) {
      const n = Number(part);
      if (n === 0) open.clear();
      else if (n === 1 || n === 2) open.add('intensity');
      else if (n === 22) open.delete('intensity');
      else if ((n >= 3 && n <= 9) || (n >= 23 && n <= 29)) {
        if (n < 10) open.add(String(n));
        else open.delete(String(n - 20));
      } else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) open.add('fg');
      else if (n === 39) open.delete('fg');
      else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) open.add('bg');
      else if (n === 49) open.delete('bg');
      else return false;
    }
  }
  return open.size === 0;
}

/** A cell's lines with their widths, or undefined when cli-table3 must draw it. */
function plainCell(text: string, room: number): { lines: string[]; widths: number[] } | undefined {
  const lines = text.split('\n');
  const coloured = text.includes('\u001b');
  if (coloured && (lines.length > 1 || !closesItsColours(text))) return undefined;
  const widths: number[] = [];
  for (const line of lines) {
    const w = simpleDisplayWidth(coloured ? line.replace(SGR, '') : line);
    if (w === undefined || w > room) return undefined;
    widths.push(w);
  }
  return { lines, widths };
}

/** The table as cli-table3 draws it, or undefined when some cell is not plain (see the top). */
export function drawPlain(options: PlainOptions, rows: readonly string[][]): string | undefined {
  const W = options.colWidths;
  if (options.head.length !== W.length || W.some((w) => !(w >= 3))) return undefined;
  const look = lookOf(options.style);
  if (!look) return undefined;
  const [bPre, bPost] = look.border;
  const border = (s: string) => bPre + s + bPost;
  const out: string[] = [];
  const rule = (left: string, fill: string, joint: string, right: string) => {
    let line = '';
    for (let x = 0; x < W.length; x++) line += border((x === 0 ? left : joint) + fill.repeat(W[x]!) + (x === W.length - 1 ? right : ''));
    out.push(line);
  };
  const all = [options.head, ...rows];
  for (let y = 0; y < all.length; y++) {
    const row = all[y]!;
    if (row.length !== W.length) return undefined;
    const cells = [];
    for (let x = 0; x < W.length; x++) {
      const c = plainCell(String(row[x]), W[x]! - 2);
      if (!c) return undefined;
      cells.push(c);
    }
    if (y === 0) rule('┌', '─', '┬', '┐');
    else rule('├', '─', '┼', '┤');
    const height = Math.max(...cells.map((c) => c.lines.length));
    const [hPre, hPost] = y === 0 ? look.head : ['', ''];
    for (let n = 0; n < height; n++) {
      let line = '';
      for (let x = 0; x < W.length; x++) {
        const c = cells[x]!;
        const text = n < c.lines.length ? ` ${c.lines[n]}${' '.repeat(W[x]! - 2 - c.widths[n]!)} ` : ' '.repeat(W[x]!);
        line += border('│') + hPre + text + hPost + (x === W.length - 1 ? border('│') : look.emptyBorder);
      }
      out.push(line);
    }
  }
  rule('└', '─', '┴', '┘');
  return out.join('\n');
}
