// Progress of long work (ingest, reindex) on stderr: a bar on a terminal; otherwise (a log file, nohup, CI) a
// plain line at most every few seconds, so a long run behind a pipe still says how far it has got and how long
// it may take.
import { SingleBar } from 'cli-progress';
import { Option } from 'commander';
import { InputError } from '../errors.js';

export interface Progress {
  done: number;
  total: number;
  /** What else the line says, e.g. "9000 passages". */
  detail?: string;
  /** What is being worked on (a file), for the bar only: a log line would be mostly path. */
  current?: string;
}

/** What is counted, and what happens once the count is full. */
export interface ProgressLabels {
  task: string;
  unit: string;
  finishing?: string;
}

export const INGEST_PROGRESS: ProgressLabels = { task: 'ingest', unit: 'documents', finishing: 'Meilisearch is indexing the last batches' };
export const REINDEX_PROGRESS: ProgressLabels = { task: 'reindex', unit: 'passages re-tagged' };

export interface ProgressReporter {
  update(progress: Progress): void;
  stop(): void;
}

/** `--progress SECONDS`, for the commands that run long. */
export function progressOption(): Option {
  return new Option('--progress <seconds>', 'off a terminal (a log, nohup), print a progress line to stderr at most this often; 0: none').default('10');
}

/** The seconds of `--progress`, or an error naming the option. */
export function progressSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new InputError(`--progress ${value}: expected a number of seconds, 0 or more`);
  return seconds;
}

/** 42 s, 3 min 05 s, 2 h 04 min. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** When the first update came, and its count. */
export interface FirstUpdate {
  seconds: number;
  done: number;
}

/**
 * One progress line: done of all, the detail, time spent, and the time left at the rate since the first update
 * (the seconds before it are start-up: loading dictionaries, preparing the indexes).
 */
export function progressLine(
  p: Progress,
  elapsedSeconds: number,
  first: FirstUpdate = { seconds: 0, done: 0 },
  labels: ProgressLabels = INGEST_PROGRESS,
): string {
  const percent = p.total ? Math.floor((100 * p.done) / p.total) : 100;
  const head = `${labels.task} progress: ${p.done}/${p.total} ${labels.unit} (${percent}%)${p.detail ? `, ${p.detail}` : ''}, ${formatDuration(elapsedSeconds)} elapsed`;
  if (p.done >= p.total) return labels.finishing ? `${head}; ${labels.finishing}` : head;
  const left = p.done > first.done ? ((elapsedSeconds - first.seconds) / (p.done - first.done)) * (p.total - p.done) : 0;
  return left >= 1 ? `${head}, about ${formatDuration(left)} left` : head;
}

/**
 * A bar when `stream` is a terminal; otherwise a line whenever `everySeconds` have passed since the last one
 * (or the start), so a short run prints none, and once the count is full if it printed before.
 * `everySeconds` 0 prints nothing off a terminal.
 */
export function progressReporter(
  stream: NodeJS.WriteStream,
  everySeconds: number,
  labels: ProgressLabels = INGEST_PROGRESS,
  now: () => number = Date.now,
): ProgressReporter {
  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${labels.task} [{bar}] {value}/{total} ${labels.unit} | {detail} | ETA {eta_formatted} | {current}`,
      hideCursor: true,
      clearOnComplete: true,
      stream,
    });
    bar.start(1, 0, { detail: '', current: '' });
    return {
      update: (p) => {
        bar.setTotal(p.total);
        bar.update(p.done, { detail: p.detail ?? '', current: p.current ?? '' });
      },
      stop: () => bar.stop(),
    };
  }
  const started = now();
  let last = started;
  let first: FirstUpdate | undefined;
  let printed = false;
  return {
    update: (p) => {
      const t = now();
      first ??= { seconds: (t - started) / 1000, done: p.done };
      const finished = p.done >= p.total && printed;
      if (everySeconds <= 0 || (t - last < everySeconds * 1000 && !finished)) return;
      last = t;
      printed = true;
      stream.write(progressLine(p, (t - started) / 1000, first, labels) + '\n');
    },
    stop: () => undefined,
  };
}
