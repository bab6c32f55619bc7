// Terminal colours. chalk is loaded only by a run that paints (stdout a terminal, no --no-color,
// NO_COLOR or TERM=dumb): a piped or redirected run never imports it (start-up, BENCH.md).
// main.ts awaits loadColors() before a command's action runs; renderers then call paint().

export type Style = (text: string) => string;

/** The styles the renderers use. */
export interface Paint {
  red: Style;
  yellow: Style;
  cyan: Style;
  green: Style;
  bold: Style;
  dim: Style;
}

const same: Style = (text) => text;
const PLAIN: Paint = { red: same, yellow: same, cyan: same, green: same, bold: same, dim: same };
let colors: Paint | undefined;

/** Loads chalk (once), so that `paint(true)` colours. */
export async function loadColors(): Promise<void> {
  if (colors) return;
  const { Chalk } = await import('chalk');
  colors = new Chalk({ level: 1 });
}

/** The styles for `color`: text unchanged without colour, chalk's basic ANSI colours with it. */
export function paint(color: boolean): Paint {
  if (!color) return PLAIN;
  // A programming error, not a clerk's: a new entry point that colours must await loadColors().
  if (!colors) throw new Error('render/paint: paint(true) before loadColors()');
  return colors;
}
