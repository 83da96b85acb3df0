// `zhpipe ingest`: files → CPU stages in worker threads → batched, pipelined writes to Meilisearch.
// Bad files are skipped with their reason; acknowledged documents are checkpointed, so an interrupted
// ingest re-run sends only what is missing; one ingest at a time per data directory, or per shard (shard.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import PQueue from 'p-queue';
import { writeFileAtomic } from '../atomic-write.js';
import { InterruptedError, RuntimeError } from '../errors.js';
import { acquireLock, liveHolder } from '../lockfile.js';
import { prepareIndexes, type Vocabulary } from '../meili/settings.js';
import { IndexWriter, startsEmpty } from '../meili/writer.js';
import { annotate, loadResources } from './annotate.js';
import { exportedSources, isExportFile } from '../formats/export-file.js';
import type { SourceDoc } from '../schema.js';
import { docIdOf, readErrorReason, UnreadableFileError } from '../stages/read.js';
import type { FieldNames } from '../stages/read/fields.js';
import { readRows, rowDocName, rowFormatOf, type RowFormat } from '../stages/read/rows.js';
import type { WorkerTask } from './worker.js';
import { docName, listInputs, type SkippedFile } from './analyze.js';
import { Checkpoint } from './checkpoint.js';
import type { PipelineConfig } from './config.js';
import { isOutOfMemory, WORKER_HEAP_MB, workerPool } from './pool.js';
import { pipelineFingerprint, VERSION } from './fingerprint.js';
import { saveDictionarySnapshot } from './reindex.js';
import { inShard, shardSuffix, type Shard } from './shard.js';

export interface IngestProgress {
  /** Documents handled so far (indexed, unchanged or skipped), of `total`: a file, or a JSONL/CSV row once its file is read. */
  done: number;
  total: number;
  file: string;
  passages: number;
}

export type DocumentStatus = 'indexed' | 'unchanged' | 'skipped' | 'not indexed';

export interface DocumentReport {
  file: string;
  status: DocumentStatus;
  passages?: number;
  figures?: number;
  reason?: string;
}

export interface IngestSummary {
  /** Documents in the index after this run (indexed now or unchanged since an earlier run). */
  documents: number;
  passages: number;
  figures: number;
  /** Documents sent this run, and documents skipped because the checkpoint holds them unchanged. */
  sent: number;
  unchanged: number;
  skipped: SkippedFile[];
  elapsedMs: number;
  workers: number;
  /** Characters of text run through the stages this run (for throughput figures). */
  chars: number;
  /** Read, but with something to say (a date not understood, a CSV row with extra fields): `file:line` or file. */
  warnings: Array<{ file: string; reason: string }>;
  /**
   * With a shard: which one ran (`index` of `count`), the input's documents that fell in it (whatever became
   * of them) and those left to the other shards.
   */
  shard?: { index: number; count: number; documents: number; others: number };
}

export interface IngestOptions {
  /** Where the ingest lock and the checkpoint live; without it, no lock and no checkpoint (library use). */
  dataDir?: string;
  /** Worker threads for the CPU stages (default: defaultWorkers(), half the cores). */
  workers?: number;
  /** Each worker's JS heap limit in MB (default WORKER_HEAP_MB); a document that needs more is skipped. */
  workerHeapMB?: number;
  /** Trust the checkpoint of acknowledged documents (default true); false sends everything again. */
  resume?: boolean;
  /** Write a machine-readable report of every file here. */
  report?: string;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Aborting it (Ctrl-C) ends the ingest at once with an InterruptedError that says what is indexed and
   * checkpointed; the lock is released and the report written. Work in flight is dropped, not checkpointed.
   */
  signal?: AbortSignal;
  /** Columns of JSONL/CSV files named by the user (--text-field …); the others are guessed. */
  fields?: FieldNames;
  /**
   * Only this shard's documents (by a hash of their doc id), with a lock and checkpoint of its own, so the
   * other shards can run at the same time. Problems are reported by one shard: a file's by the shard of its
   * name, a row's by the shard of its line.
   */
  shard?: Shard;
}

/**
 * Half the cores: ingest is bound by Meilisearch, which indexes with up to half the cores by default, and a
 * worker on its cores slows it (npm run bench: 10 MB took 57 s with 1 worker and 77 s with 2 on 2 cores).
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

/** What a row's checkpoint entry remembers: its text and metadata (a changed title re-sends it). */
function rowHash(source: SourceDoc): string {
  return createHash('sha256')
    .update(JSON.stringify([source.original, source.meta ?? null]))
    .digest('hex');
}

const INGEST_LOCK = /^ingest\.lock(?:\.shard-(\d+)-of-(\d+))?$/;

/**
 * One ingest per data directory, or per shard: shards K/N of one N run side by side (their documents are
 * disjoint), never beside a run split another way (1/2 beside 1/4, or beside a whole run), whose documents overlap.
 */
function lockIngest(dataDir: string, shard: Shard | undefined): () => void {
  const suffix = shardSuffix(shard);
  const what = (index: string | undefined, count: string | undefined) => (index ? `an ingest of shard ${index}/${count}` : 'another ingest');
  const release = acquireLock(
    path.join(dataDir, suffix ? `ingest.lock.${suffix}` : 'ingest.lock'),
    (pid) =>
      `${what(shard && String(shard.index), shard && String(shard.count))} (pid ${pid}) is running on ${dataDir}; wait for it to finish and run this one again`,
  );
  // Taken first, looked for second: of two runs that start together, at least one sees the other's lock.
  const count = suffix && shard ? shard.count : 1;
  for (const name of readdirSync(dataDir)) {
    const m = INGEST_LOCK.exec(name);
    if (!m || Number(m[2] ?? 1) === count) continue;
    const pid = liveHolder(path.join(dataDir, name));
    if (pid === undefined) continue;
    release();
    throw new RuntimeError(
      `${what(m[1], m[2])} (pid ${pid}) is running on ${dataDir}, over documents this run shares with it; wait for it to finish and run this one again`,
    );
  }
  return release;
}

/**
 * Shards that start together both find no index and both create it; the later creation fails as
 * index_already_exists, which only means the other was first: prepared again, the settings are compared.
 * Each lost race leaves one more index existing, so with two indexes the third attempt cannot lose one.
 */
async function prepareShared(client: Meilisearch, config: PipelineConfig, vocabulary: Vocabulary): ReturnType<typeof prepareIndexes> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prepareIndexes(client, config.index, vocabulary);
    } catch (err) {
      if (!(err instanceof RuntimeError && err.message.includes('index_already_exists')) || attempt >= 3) throw err;
    }
  }
}

/** Runs `fn` under `file` as a lock, waiting (up to a minute) while another process holds it. */
async function whenFree<T>(file: string, fn: () => T): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let release: () => void;
    try {
      release = acquireLock(file, (pid) => `${file} is held by pid ${pid}`);
    } catch (err) {
      if (!(err instanceof RuntimeError) || attempt >= 600) throw err;
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      return fn();
    } finally {
      release();
    }
  }
}

export async function ingest(client: Meilisearch, paths: string[], config: PipelineConfig, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const { dataDir, shard } = options;
  const release = dataDir ? lockIngest(dataDir, shard) : () => undefined;
  // Documents of the input (files, rows) in this shard and outside it, left to the others.
  let inside = 0;
  let others = 0;
  const mine = (id: string): boolean => {
    const ours = inShard(id, shard);
    if (ours) inside++;
    else others++;
    return ours;
  };
  /** Whether a problem with `name` (a file or `file#line`) is this shard's to report. */
  const reportsOn = (name: string): boolean => inShard(docIdOf(docName(name)), shard);
  const reports: DocumentReport[] = [];
  // Set when interrupted: no document is checkpointed after the count the user was told.
  let interrupted = false;
  const run = async (): Promise<IngestSummary> => {
    // The workers segment; this thread needs only the vocabulary (and nodejieba for zhpipe exports, on demand).
    const resources = loadResources(config, { segmenter: false });
    const indexes = await prepareShared(client, config, resources.vocabulary);
    const checkpoint = dataDir
      ? Checkpoint.for(dataDir, config.index.passages, pipelineFingerprint(config, resources.dictionaryDir), shardSuffix(shard))
      : Checkpoint.none();
    if (options.resume === false) checkpoint.clear();
    // An emptied or recreated index makes the checkpoint a lie.
    if (checkpoint.size > 0 && (await indexes.passages.getStats()).numberOfDocuments === 0) checkpoint.clear();

    const startedEmpty = { passages: await startsEmpty(client, indexes.passages), figures: await startsEmpty(client, indexes.figures) };
    const writer = new IndexWriter(client, indexes, { ...config.index, startedEmpty });
    const listed = listInputs(paths);
    // A plain file is one document named by its path: one outside the shard is not even read. JSONL/CSV
    // files are read by every shard, which each take their rows.
    const files = listed.files.filter((f) => rowFormatOf(f) || mine(docIdOf(docName(f))));
    const missing = listed.missing.filter((m) => reportsOn(m.skipped));
    // No more threads than documents: each one loads the dictionaries (a JSONL or CSV file holds many).
    const documentsAtMost = files.some((f) => rowFormatOf(f)) ? Infinity : files.length;
    const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), documentsAtMost));
    const heapMB = options.workerHeapMB ?? WORKER_HEAP_MB;
    const pool = workerPool(workers, heapMB);
    // Bounded in-flight documents keep memory flat whatever the corpus size.
    const dispatch = new PQueue({ concurrency: workers * 2 });
    const skipped: SkippedFile[] = [...missing];
    for (const m of missing) reports.push({ file: m.skipped, status: 'skipped', reason: m.reason });
    // Counted in documents: a file is one until it turns out to be a JSONL/CSV file of many rows.
    let total = files.length + missing.length;
    let done = missing.length;
    let passages = 0;
    let figures = 0;
    let sent = 0;
    let unchanged = 0;
    let chars = 0;
    const maxBytes = config.read.maxFileMB * 1024 * 1024;
    const progress = (file: string) => options.onProgress?.({ done: ++done, total, file, passages });
    const skip = (file: string, reason: string) => {
      skipped.push({ skipped: file, reason });
      reports.push({ file, status: 'skipped', reason });
    };
    /** A whole JSONL/CSV file's problem, reported by the shard of its name. */
    const skipRows = (file: string, reason: string) => {
      if (reportsOn(file)) skip(file, reason);
    };
    const warnings: IngestSummary['warnings'] = [];

    /**
     * One document to the workers, unless the checkpoint holds it unchanged; `done` after its records are
     * acknowledged (or it is skipped). `file` names it in reports: a path, or `path#line` for a row.
     */
    const send = (file: string, doc: string, hash: string, task: WorkerTask, done: () => void): void => {
      const known = checkpoint.get(doc);
      if (known && checkpoint.has(doc, hash)) {
        unchanged++;
        passages += known.passages;
        figures += known.figures;
        reports.push({ file, status: 'unchanged', passages: known.passages, figures: known.figures });
        done();
        return;
      }
      void dispatch.add(async () => {
        try {
          const result = await pool.run(task);
          if (!result.ok) {
            skip(file, result.reason);
          } else {
            chars += result.chars;
            for (const d of result.diagnostics) warnings.push({ file, reason: d.reason });
            const report: DocumentReport = { file, status: 'not indexed', passages: result.passages.length, figures: result.figures.length };
            reports.push(report);
            await writer.writeDocument(result.docId, result.passages, result.figures, () => {
              if (interrupted) return;
              checkpoint.record({ doc, hash, passages: result.passages.length, figures: result.figures.length });
              report.status = 'indexed';
            });
            sent++;
            passages += result.passages.length;
            figures += result.figures.length;
          }
          done();
        } catch (err) {
          // One document too big for a worker's heap costs that document, not the ingest.
          if (!isOutOfMemory(err)) failure ??= err as Error;
          else {
            skip(file, `ran out of memory in its worker (heap limit ${heapMB} MB; raise it with --worker-heap-mb)`);
            done();
          }
        }
      });
    };

    /** A JSONL/CSV/TSV file: each row is a document of its own, sent as read; bad rows are skipped by line. */
    const sendRows = async (file: string, bytes: Buffer, format: RowFormat): Promise<void> => {
      let rows;
      try {
        rows = readRows(docName(file), bytes, format, options.fields);
      } catch (err) {
        if (!(err instanceof UnreadableFileError)) throw err;
        skipRows(file, err.message);
        progress(file);
        return;
      }
      const ours = ({ line }: { line: number }) => reportsOn(rowDocName(file, line));
      for (const { line, reason } of rows.skipped.filter(ours)) skip(`${file}:${line}`, reason);
      for (const { line, reason } of rows.warnings.filter(ours)) warnings.push({ file: `${file}:${line}`, reason });
      // Progress row by row: a file of 10,000 rows is 10,000 documents of the total, not one.
      const docs = rows.docs.filter(({ source }) => mine(source.docId));
      if (docs.length === 0) return progress(file);
      total += docs.length - 1;
      for (const { line, source } of docs) {
        await dispatch.onSizeLessThan(workers * 2);
        if (failure) return;
        const name = `${file}#${line}`;
        send(name, source.doc, rowHash(source), { doc: source.doc, source, config }, () => progress(name));
      }
    };

    // The first failure of a document task stops the dispatch; in-flight tasks finish before the pool
    // closes (terminating a worker inside nodejieba's native code aborts the process).
    let failure: Error | undefined;
    try {
      for (const file of files) {
        await dispatch.onSizeLessThan(workers * 2);
        if (failure) break;
        let bytes: Buffer;
        try {
          const size = statSync(file).size;
          if (size > maxBytes) {
            skipRows(file, `too large (${(size / 1048576).toFixed(1)} MB > ${config.read.maxFileMB} MB; raise read.maxFileMB in the pipeline to read it)`);
            progress(file);
            continue;
          }
          bytes = readFileSync(file);
        } catch (err) {
          skipRows(file, readErrorReason(err));
          progress(file);
          continue;
        }
        const format = rowFormatOf(file);
        if (format === 'jsonl' && isExportFile(bytes)) {
          // A corpus exported by `zhpipe export`: its documents are rebuilt at their original offsets.
          try {
            for await (const source of exportedSources(file)) {
              if (!mine(source.docId)) continue;
              const records = annotate(source, resources);
              await writer.writeDocument(source.docId, records.passages, records.figures);
              reports.push({ file: `${file}#${source.doc}`, status: 'indexed', passages: records.passages.length, figures: records.figures.length });
              sent++;
              passages += records.passages.length;
              figures += records.figures.length;
            }
          } catch (err) {
            if (err instanceof RuntimeError) throw err;
            skipRows(file, `not a zhpipe export: ${(err as Error).message}`);
          }
          progress(file);
          continue;
        }
        if (format) {
          await sendRows(file, bytes, format);
          continue;
        }
        const hash = createHash('sha256').update(bytes).digest('hex');
        send(file, docName(file), hash, { doc: docName(file), bytes, config }, () => progress(file));
      }
      await dispatch.onIdle();
      if (!failure) await writer.close().catch((err: Error) => (failure ??= err));
    } finally {
      await dispatch.onIdle();
      await pool.destroy();
    }
    if (failure) {
      const pending = reports.filter((r) => r.status === 'not indexed').map((r) => r.file);
      const indexed = reports.filter((r) => r.status === 'indexed' || r.status === 'unchanged').length;
      for (const r of reports) if (r.status === 'not indexed') r.reason = failure.message;
      const unread = files.length - (reports.length - missing.length);
      const list = pending.slice(0, 5).join(', ') + (pending.length > 5 ? ` (+${pending.length - 5} more)` : '');
      throw new RuntimeError(
        `${failure.message} — ${indexed} document(s) are indexed and checkpointed; not indexed: ${list || 'none'}${unread > 0 ? `, and ${unread} file(s) not yet read` : ''}. Run the same ingest again to complete it.`,
      );
    }
    checkpoint.compact();
    // Shards that finish together take turns (the snapshot is a directory, replaced whole).
    if (dataDir && resources.entities)
      await whenFree(path.join(dataDir, 'dictionary-snapshots.lock'), () => saveDictionarySnapshot(dataDir, config, resources.dictionaryDir));
    const documents = reports.filter((r) => r.status === 'indexed' || r.status === 'unchanged').length;
    const summary: IngestSummary = { documents, passages, figures, sent, unchanged, skipped, elapsedMs: Date.now() - started, workers, chars, warnings };
    if (shard) summary.shard = { index: shard.index, count: shard.count, documents: inside, others };
    return summary;
  };
  try {
    const { signal } = options;
    if (!signal) return await run();
    const stop = new Promise<never>((_, reject) => {
      const onAbort = () => {
        interrupted = true;
        const indexed = reports.filter((r) => r.status === 'indexed').length;
        const unchanged = reports.filter((r) => r.status === 'unchanged').length;
        reject(
          new InterruptedError(
            `interrupted: ${indexed + unchanged} document(s) are indexed and checkpointed (${indexed} sent this run, ${unchanged} unchanged); documents in flight were not checkpointed. Run the same ingest again to complete it.`,
          ),
        );
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    const work = run();
    // Once interrupted, what the abandoned work does next is no one's concern (the process is ending).
    work.catch(() => undefined);
    return await Promise.race([work, stop]);
  } finally {
    release();
    if (options.report) {
      writeFileAtomic(
        options.report,
        JSON.stringify(
          { zhpipe: VERSION, pipeline: config.name, startedAt: new Date(started).toISOString(), elapsedMs: Date.now() - started, files: reports },
          null,
          2,
        ) + '\n',
      );
    }
  }
}
