// Annotated passages and figures into Meilisearch: records are written in batches through p-queue, every task
// is waited for and a failed one reported with its error. Re-ingesting a document replaces its passages and
// removes those it no longer has, so the index mirrors the files.
import type { Index, Meilisearch } from 'meilisearch';
import PQueue from 'p-queue';
import { RuntimeError } from '../errors.js';
import type { FigureRecord, PassageRecord } from '../schema.js';
import { settle, withRetry } from './tasks.js';

export interface WriterOptions {
  batchSize: number;
  concurrency: number;
  /** Upper bound on one request's JSON body, in MB (Meilisearch refuses bodies over 100 MB by default). */
  maxRequestMB?: number;
  /**
   * The indexes that held nothing when this run began (startsEmpty): a document written there for the first
   * time in the run has no stale records to remove, so no deletion is sent for it.
   */
  startedEmpty?: Partial<Record<Kind, boolean>>;
}

/** Half of Meilisearch's default payload limit (100 MB): one document's passages never need more per request. */
export const MAX_REQUEST_MB = 50;

export interface WriteStats {
  passages: number;
  figures: number;
  tasks: number;
}

/** Records waiting for a batch, with the document they belong to. */
interface Buffered<T> {
  docId: string;
  record: T;
}

/** Documents whose records of one kind replace what the index held for them: all but `keep` goes. */
interface StaleBuffer {
  docIds: string[];
  keep: string[];
}

type Kind = 'passages' | 'figures';

/**
 * Whether `index` holds no documents and no write to it waits or runs (another run's, still queued): then
 * nothing written before this run can be stale in it. Skipping the deletions of a first ingest matters beyond
 * their own cost: a deletion between two additions keeps Meilisearch from merging them into one batch when it
 * falls behind (docs/benchmarks.md, "Writes Meilisearch can merge").
 */
export async function startsEmpty(client: Meilisearch, index: Index): Promise<boolean> {
  if ((await index.getStats()).numberOfDocuments > 0) return false;
  const pending = await client.tasks.getTasks({ indexUids: [index.uid], statuses: ['enqueued', 'processing'], limit: 1 });
  return pending.results.length === 0;
}

/**
 * The documents written in this run, as one bit per value of their id's first 24 bits (ids are hex): 2 MB
 * however many documents. A collision only makes a first write look like a second one, which costs a deletion
 * that removes nothing; a second write is never taken for a first.
 */
class WrittenDocs {
  private readonly bits = new Uint8Array(1 << 21);

  /** Marks `docId` written; true when it may have been written before in this run. */
  add(docId: string): boolean {
    if (!/^[0-9a-f]{6}/.test(docId)) return true;
    const n = Number.parseInt(docId.slice(0, 6), 16);
    const byte = n >>> 3;
    const bit = 1 << (n & 7);
    const before = ((this.bits[byte] as number) & bit) !== 0;
    this.bits[byte] = (this.bits[byte] as number) | bit;
    return before;
  }
}

/** Meilisearch refused a request body as larger than its payload limit (`--http-payload-size-limit`). */
function isPayloadTooLarge(err: unknown): boolean {
  const e = err as { response?: { status?: number }; cause?: { code?: string } } | undefined;
  return e?.response?.status === 413 || e?.cause?.code === 'payload_too_large';
}

/**
 * The request that adds `records`, made in a scope of its own: V8 keeps the variables of a scope for as long
 * as any closure made in it lives, and the records must go with the request, not stay with the bookkeeping.
 * A body the server refuses as too large is a setting to change, not an outage to retry: it would fail the same
 * way on every run.
 */
function addition(index: Index, records: object[], maxRequestMB: number): () => Promise<number[]> {
  return async () => {
    try {
      return [(await index.addDocuments(records, { primaryKey: 'id' })).taskUid];
    } catch (err) {
      if (!isPayloadTooLarge(err)) throw err;
      throw new RuntimeError(
        `Meilisearch refused a request as larger than its payload limit (--http-payload-size-limit): set index.maxRequestMB in the pipeline (now ${maxRequestMB}) below that limit`,
      );
    }
  };
}

/** Cuts a batch into requests whose JSON bodies stay under `maxBytes` (a record over it goes alone). */
function requestSized<T>(batch: Buffered<T>[], maxBytes: number): Buffered<T>[][] {
  const parts: Buffered<T>[][] = [];
  let part: Buffered<T>[] = [];
  let bytes = 2;
  for (const item of batch) {
    const size = Buffer.byteLength(JSON.stringify(item.record)) + 1;
    if (part.length && bytes + size > maxBytes) {
      parts.push(part);
      part = [];
      bytes = 2;
    }
    part.push(item);
    bytes += size;
  }
  if (part.length) parts.push(part);
  return parts;
}

/**
 * Buffers records into batches and writes them through a bounded queue, so the CPU stages keep working
 * while Meilisearch indexes. A document is acknowledged (its `onAck` called) once every task that carries
 * its records has succeeded. `close()` flushes and waits for everything.
 */
export class IndexWriter {
  private readonly queue: PQueue;
  private passageBuffer: Buffered<PassageRecord>[] = [];
  private figureBuffer: Buffered<FigureRecord>[] = [];
  private stale: Record<Kind, StaleBuffer> = { passages: { docIds: [], keep: [] }, figures: { docIds: [], keep: [] } };
  /** Per document: tasks still to succeed (+1 while some of its records wait in a buffer). */
  private readonly pending = new Map<string, { tasks: number; unflushed: number; onAck: () => void }>();
  private failure: Error | undefined;
  private readonly written = new WrittenDocs();
  readonly stats: WriteStats = { passages: 0, figures: 0, tasks: 0 };
  private readonly maxRequestMB: number;

  constructor(
    private readonly client: Meilisearch,
    private readonly indexes: { passages: Index; figures: Index },
    private readonly options: WriterOptions,
  ) {
    this.queue = new PQueue({ concurrency: options.concurrency });
    this.maxRequestMB = options.maxRequestMB ?? MAX_REQUEST_MB;
  }

  /** Adds one document's records and removes the records it no longer has. */
  async writeDocument(docId: string, passages: PassageRecord[], figures: FigureRecord[], onAck: () => void = () => undefined): Promise<void> {
    if (this.failure) throw this.failure;
    const again = this.written.add(docId);
    const stale = (kind: Kind) => again || !this.options.startedEmpty?.[kind];
    // One hold per kind until its stale records are removed, plus one while records wait in a buffer.
    const unflushed = passages.length + figures.length;
    const holds = Number(stale('passages')) + Number(stale('figures')) + (unflushed > 0 ? 1 : 0);
    if (holds === 0) onAck();
    else this.pending.set(docId, { tasks: holds, unflushed, onAck });
    this.passageBuffer.push(...passages.map((record) => ({ docId, record })));
    this.figureBuffer.push(...figures.map((record) => ({ docId, record })));
    if (stale('passages'))
      this.markStale(
        'passages',
        docId,
        passages.map((p) => p.id),
      );
    if (stale('figures'))
      this.markStale(
        'figures',
        docId,
        figures.map((f) => f.id),
      );
    if (this.passageBuffer.length >= this.options.batchSize || this.stale.passages.docIds.length >= this.options.batchSize) this.flush('passages');
    if (this.figureBuffer.length >= this.options.batchSize || this.stale.figures.docIds.length >= this.options.batchSize) this.flush('figures');
    // Back-pressure: a batch that waits for a free write holds its records, so at most one waits; the
    // writes in flight hold none (see enqueue).
    await this.queue.onSizeLessThan(1);
    if (this.failure) throw this.failure;
  }

  /** Documents whose records are not all acknowledged yet. */
  unacknowledged(): string[] {
    return [...this.pending.keys()];
  }

  private markStale(kind: Kind, docId: string, keep: string[]): void {
    this.stale[kind].docIds.push(docId);
    this.stale[kind].keep.push(...keep);
  }

  /**
   * One deletion task for the documents of a batch, not one per document: a document's record ids start with
   * its docId, so "these documents, except these ids" removes exactly what each of them no longer has.
   */
  private flushStale(kind: Kind): void {
    const { docIds, keep } = this.stale[kind];
    this.stale[kind] = { docIds: [], keep: [] };
    if (docIds.length === 0) return;
    // Ids and doc ids are hex and dashes: safe inside the filter string.
    const list = (ids: string[]) => `[${ids.map((id) => `"${id}"`).join(',')}]`;
    const filter = keep.length ? `docId IN ${list(docIds)} AND id NOT IN ${list(keep)}` : `docId IN ${list(docIds)}`;
    const index = kind === 'passages' ? this.indexes.passages : this.indexes.figures;
    this.enqueue(
      `removing stale ${kind} of ${docIds.length} document(s)`,
      docIds,
      async () => [(await index.deleteDocuments({ filter })).taskUid],
      () => undefined,
    );
  }

  private flush(kind: Kind): void {
    this.flushStale(kind);
    const batch: Buffered<PassageRecord | FigureRecord>[] = kind === 'passages' ? this.passageBuffer : this.figureBuffer;
    if (kind === 'passages') this.passageBuffer = [];
    else this.figureBuffer = [];
    // A large document's records go in several requests; it is acknowledged once all of them succeed.
    for (const part of requestSized(batch, this.maxRequestMB * 1024 * 1024)) this.send(kind, part);
  }

  private send(kind: Kind, batch: Buffered<PassageRecord | FigureRecord>[]): void {
    const docs = new Map<string, number>();
    for (const { docId } of batch) docs.set(docId, (docs.get(docId) ?? 0) + 1);
    for (const [docId, count] of docs) {
      const state = this.pending.get(docId);
      if (!state) continue;
      state.unflushed -= count;
      // The hold taken in writeDocument becomes this batch's task when the last records leave the buffer.
      if (state.unflushed > 0) state.tasks++;
    }
    const count = batch.length;
    const index = kind === 'passages' ? this.indexes.passages : this.indexes.figures;
    this.enqueue(
      `writing ${count} ${kind}`,
      [...docs.keys()],
      addition(
        index,
        batch.map((b) => b.record),
        this.maxRequestMB,
      ),
      () => {
        this.stats[kind] += count;
      },
    );
  }

  private enqueue(what: string, docIds: string[], send: () => Promise<number[]>, done: () => void): void {
    // The request, and the records it carries, are let go once Meilisearch has them: waiting for the task
    // to finish, which is most of a write's time, then holds only its uid.
    const request: { send?: () => Promise<number[]> } = { send };
    void this.queue
      .add(async () => {
        // After a failure the rest is not attempted: the caller reports it and a re-run completes it.
        if (this.failure || !request.send) return;
        const enqueued = await withRetry(what, request.send);
        delete request.send;
        for (const taskUid of enqueued) await withRetry(`waiting for Meilisearch (${what})`, () => settle(this.client, taskUid));
        this.stats.tasks++;
        done();
        for (const docId of docIds) this.settled(docId);
      })
      .catch((err: Error) => {
        this.failure ??= err;
        this.queue.clear();
      });
  }

  private settled(docId: string): void {
    const state = this.pending.get(docId);
    if (!state) return;
    state.tasks--;
    if (state.tasks <= 0 && state.unflushed <= 0) {
      this.pending.delete(docId);
      state.onAck();
    }
  }

  /** Flushes the remaining batches and waits for every task; throws the first failure. */
  async close(): Promise<WriteStats> {
    this.flush('passages');
    this.flush('figures');
    await this.queue.onIdle();
    if (this.failure) throw this.failure;
    return this.stats;
  }
}
