// The worker pool that runs the CPU stages (worker.ts), shared by ingest and the benchmarks.
import { Piscina } from 'piscina';
import type { WorkerResult, WorkerTask } from './worker.js';

/**
 * Each worker's JS heap limit. It bounds memory, not just failure: V8 lets the heap grow to 4× its live size
 * between full collections when the limit is 2 GB or more (a 24 GB machine's default), and 1.3–2× below it,
 * so a worker's peak RSS stays flat over a long ingest (measured: 944 → 626 MB over 20 MB of news on one
 * thread, same speed). A worker needs some 110 MB live, plus about 10 MB per MB of the document in hand.
 */
export const WORKER_HEAP_MB = 1536;

export function workerPool(threads: number, heapMB = WORKER_HEAP_MB): Piscina<WorkerTask, WorkerResult> {
  return new Piscina<WorkerTask, WorkerResult>({
    // Next to this module: in dist/ the compiled worker.ts; in src/ a shim that loads worker.ts through tsx.
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: heapMB },
  });
}

/** A worker that reached its heap limit: its task fails, the pool starts a fresh worker. */
export const isOutOfMemory = (err: unknown): boolean => (err as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
