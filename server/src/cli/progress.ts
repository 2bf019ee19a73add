// A progress bar on stderr for long runs: only when stderr is a terminal (never in a pipe, a file or
// CI logs), only once the run is long (many files, or a second gone), redrawn at most ten times a
// second, and erased before any other line is written and at the end, so that nothing of it stays.
import type { Locale } from '../core';
import { t } from './messages';

/** Runs of more files than this show the bar from the start; shorter ones once MIN_MS have passed. */
export const MIN_FILES = 200;
export const MIN_MS = 1000;
/** At most one redraw per this many milliseconds. */
export const REDRAW_MS = 100;

const ERASE_LINE = '\r\x1b[K';

/** The bar as shown, without terminal controls: `[██████░░░░░░] 1234/10000 个文件 12%`, fitted to `columns`. */
export function renderProgress(done: number, total: number, columns: number, locale: Locale): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const tail = ` ${t(locale, 'progress', { done, total })} ${Math.floor(fraction * 100)}%`;
  // The tail's CJK characters take two columns each in a terminal.
  const tailColumns = tail.length + (tail.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0);
  const width = Math.max(0, Math.min(40, columns - tailColumns - 3));
  if (width < 5) return tail.trim();
  const full = Math.round(fraction * width);
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}]${tail}`;
}

/** Where the bar is drawn: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export class ProgressBar {
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;
  private done = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly locale: Locale,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** A bar for `stream` when it is a terminal; null otherwise (then nothing is ever drawn). */
  static forStream(stream: ProgressStream, total: number, locale: Locale, now?: () => number): ProgressBar | null {
    return stream.isTTY ? new ProgressBar(stream, total, locale, now) : null;
  }

  /** `done` files are finished: redraws if the run is long and the last redraw is old enough. */
  update(done: number): void {
    this.done = done;
    const time = this.now();
    if (this.total <= MIN_FILES && time - this.started < MIN_MS) return;
    if (time - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = time;
    this.drawn = true;
    this.stream.write(ERASE_LINE + renderProgress(this.done, this.total, this.stream.columns || 80, this.locale));
  }

  /**
   * Erases the bar (before another line is written, and at the end). It comes back at the next update
   * due (still at most one draw per REDRAW_MS, however many lines are written).
   */
  clear(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.stream.write(ERASE_LINE);
  }
}
