// The progress line: on a terminal, a run that has lasted over a second says what it is doing
// (reading file 3 of 40, entries read, checking, writing) on one line of stderr, redrawn in
// place and cleared when output follows or the run ends (process-io.ts draws and clears it).
// Nothing under --quiet, --no-progress or a machine format, and nothing when stderr is piped.
import type { Lang } from '../model/diagnostic.js';
import type { OnProgress, ProgressEvent } from '../model/progress.js';

/** A run shorter than this shows no progress at all. */
export const PROGRESS_AFTER_MS = 1000;
/** Redraw at most this often within one step (a new step is drawn at once). */
const REDRAW_MS = 100;

export interface ProgressSink {
  /** Draw the line (undefined: clear it). */
  status: (text: string | undefined) => void;
  /** Monotonic milliseconds. */
  now: () => number;
}

export function progressLine(sink: ProgressSink, lang: Lang): OnProgress {
  const start = sink.now();
  let drawn = -Infinity;
  let step: ProgressEvent['step'] | undefined;
  return (e) => {
    const t = sink.now();
    if (t - start < PROGRESS_AFTER_MS) return;
    if (e.step === step && t - drawn < REDRAW_MS) return;
    drawn = t;
    step = e.step;
    sink.status(progressText(e, lang));
  };
}

export function progressText(e: ProgressEvent, lang: Lang): string {
  const zh = lang === 'zh';
  if (e.step === 'judge') return zh ? '检查中……' : 'Checking…';
  if (e.step === 'write') return zh ? '写入文件……' : 'Writing…';
  const entries = e.entries ? (zh ? `，已读 ${e.entries} 条记录` : `, ${e.entries} entries read`) : '';
  return zh ? `读取文件 ${e.file}/${e.of}${entries}` : `Reading file ${e.file} of ${e.of}${entries}`;
}
