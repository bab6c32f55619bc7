// What a long run is doing, for the one updating line a terminal shows (cli/progress.ts). The
// loading and judging code reports it through an optional callback; whether and how it is shown
// is decided in src/cli alone.
export type ProgressEvent =
  /** About to read file `file` of `of` (1-based); `entries` log entries read so far. */
  | { step: 'read'; file: number; of: number; entries: number }
  | { step: 'judge' }
  | { step: 'write' };

export type OnProgress = (e: ProgressEvent) => void;

/** How often (in lines or rows) a long log tells how far it has read: a progress line can then move within one file. */
export const LINES_PER_PROGRESS = 16384;
