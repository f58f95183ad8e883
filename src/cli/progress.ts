/**
 * `kbbot ingest`'s progress on stderr: on a terminal, one bar redrawn in place (articles per second, and
 * how much of the archive is read with the time left when its size is known); otherwise (a log, CI) a
 * plain line every few seconds and one at the end, so a long download is visibly alive without
 * flooding the log.
 */
import type { ReadProgress } from '../store/archive.js';

export interface ProgressFigures {
  articles: number;
  /** Archive bytes read so far, and its size when known. */
  bytes: number;
  size: number | undefined;
  elapsedMs: number;
}

const MB = 1024 * 1024;

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Articles per second, the fraction read, and the seconds left (estimated from the bytes' rate so far). */
export function rates(f: ProgressFigures): { perSecond: number; fraction: number | undefined; secondsLeft: number | undefined } {
  const seconds = f.elapsedMs / 1000;
  const perSecond = seconds > 0 ? f.articles / seconds : 0;
  if (f.size === undefined || f.size <= 0) return { perSecond, fraction: undefined, secondsLeft: undefined };
  const fraction = Math.min(1, f.bytes / f.size);
  const secondsLeft = f.bytes > 0 && seconds > 0 ? (seconds * (f.size - f.bytes)) / f.bytes : undefined;
  return { perSecond, fraction, secondsLeft };
}

function sizeText(f: ProgressFigures): string {
  if (f.bytes === 0 && f.size === undefined) return '';
  return f.size === undefined ? `${(f.bytes / MB).toFixed(1)} MB read` : `${(f.bytes / MB).toFixed(1)} of ${(f.size / MB).toFixed(1)} MB`;
}

/** One log line: `ingest: 27412 articles (812/s), 41.2 of 86.0 MB (48%), about 52 s left`. */
export function progressLine(f: ProgressFigures): string {
  const { perSecond, fraction, secondsLeft } = rates(f);
  const parts = [`ingest: ${f.articles} articles (${Math.round(perSecond)}/s)`];
  const size = sizeText(f);
  if (size) parts.push(fraction === undefined ? size : `${size} (${Math.floor(fraction * 100)}%)`);
  if (secondsLeft !== undefined && fraction !== undefined && fraction < 1) parts.push(`about ${formatDuration(secondsLeft)} left`);
  return parts.join(', ');
}

/** The terminal bar, cut to `columns`: `[#########.........]  48%  27412 articles  812/s  41.2 of 86.0 MB  52 s left`. */
export function progressBar(f: ProgressFigures, columns: number): string {
  const { perSecond, fraction, secondsLeft } = rates(f);
  const tail = [`${f.articles} articles`, `${Math.round(perSecond)}/s`, sizeText(f)];
  if (secondsLeft !== undefined && fraction !== undefined && fraction < 1) tail.push(`${formatDuration(secondsLeft)} left`);
  const text = tail.filter(Boolean).join('  ');
  if (fraction === undefined) return `ingest  ${text}`.slice(0, Math.max(1, columns - 1));
  const width = 20;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`;
  return `${bar}  ${text}`.slice(0, Math.max(1, columns - 1));
}

export interface ProgressOptions {
  write: (text: string) => void;
  /** The terminal's width when stderr is one; undefined for plain lines. */
  columns: number | undefined;
  now?: () => number;
  /** Least time between two outputs (default 100 ms on a terminal, 10 s in a log). */
  everyMs?: number;
}

export interface ProgressReporter {
  article(): void;
  read(progress: ReadProgress): void;
  /** Writes the last figures (and ends the bar's line). */
  done(): void;
}

export function createProgress(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const tty = options.columns !== undefined;
  const everyMs = options.everyMs ?? (tty ? 100 : 10_000);
  const started = now();
  let lastShown = started;
  const figures: ProgressFigures = { articles: 0, bytes: 0, size: undefined, elapsedMs: 0 };
  let drawn = false;
  const show = (): void => {
    figures.elapsedMs = now() - started;
    if (tty) {
      // Carriage return and erase-to-end-of-line: the bar is redrawn in place.
      options.write(`\r${progressBar(figures, options.columns ?? 80)}\x1b[K`);
      drawn = true;
    } else {
      options.write(`${progressLine(figures)}\n`);
    }
  };
  const maybeShow = (): void => {
    const t = now();
    if (t - lastShown < everyMs) return;
    lastShown = t;
    show();
  };
  return {
    article() {
      figures.articles++;
      maybeShow();
    },
    read(progress) {
      figures.bytes = progress.bytes;
      figures.size = progress.size;
      maybeShow();
    },
    done() {
      show();
      if (tty && drawn) options.write('\n');
    },
  };
}
