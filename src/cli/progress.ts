// Ingest progress on stderr: a bar on a terminal; otherwise (a log file, nohup, CI) a plain line at most every
// few seconds, so a long run behind a pipe still says how far it has got and how long it may take.
import { SingleBar } from 'cli-progress';
import type { IngestProgress } from '../pipeline/ingest.js';

export interface ProgressReporter {
  update(progress: IngestProgress): void;
  stop(): void;
}

/** 42 s, 3 min 05 s, 2 h 04 min. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * One progress line: files done of all, passages so far, time spent, and the time left at the rate since the
 * first file was done (the seconds before it are start-up: loading dictionaries, preparing the indexes).
 */
export function progressLine(p: IngestProgress, elapsedSeconds: number, firstDoneSeconds = 0): string {
  const percent = p.total ? Math.floor((100 * p.done) / p.total) : 100;
  const head = `ingest progress: ${p.done}/${p.total} files (${percent}%), ${p.passages} passages, ${formatDuration(elapsedSeconds)} elapsed`;
  if (p.done >= p.total) return `${head}; Meilisearch is indexing the last batches`;
  const left = p.done > 1 ? ((elapsedSeconds - firstDoneSeconds) / (p.done - 1)) * (p.total - p.done) : 0;
  return left >= 1 ? `${head}, about ${formatDuration(left)} left` : head;
}

/**
 * A bar when `stream` is a terminal; otherwise a line whenever `everySeconds` have passed since the last one
 * (or the start), so a short run prints none, and once all files are read if it printed before.
 * `everySeconds` 0 prints nothing off a terminal.
 */
export function progressReporter(stream: NodeJS.WriteStream, everySeconds: number, now: () => number = Date.now): ProgressReporter {
  if (stream.isTTY) {
    const bar = new SingleBar({ format: 'ingest [{bar}] {value}/{total} files | {passages} passages | ETA {eta_formatted} | {file}', hideCursor: true, clearOnComplete: true, stream });
    bar.start(1, 0, { passages: 0, file: '' });
    return {
      update: (p) => {
        bar.setTotal(p.total);
        bar.update(p.done, { passages: p.passages, file: p.file });
      },
      stop: () => bar.stop(),
    };
  }
  const started = now();
  let last = started;
  let firstDone: number | undefined;
  let printed = false;
  return {
    update: (p) => {
      const t = now();
      firstDone ??= t;
      const finished = p.done >= p.total && printed;
      if (everySeconds <= 0 || (t - last < everySeconds * 1000 && !finished)) return;
      last = t;
      printed = true;
      stream.write(progressLine(p, (t - started) / 1000, (firstDone - started) / 1000) + '\n');
    },
    stop: () => undefined,
  };
}
