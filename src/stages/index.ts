// Stage "index": annotated passages and figures into Meilisearch. zhpipe owns the index settings, writes
// in batches through p-queue, waits for every task and reports a failed one with its error. Re-ingesting a
// document replaces its passages and removes those it no longer has, so the index mirrors the files.
import type { Index, Meilisearch, Settings, Task } from 'meilisearch';
import PQueue from 'p-queue';
import { RuntimeError } from '../errors.js';
import type { FigureRecord, PassageRecord, Proximity } from '../schema.js';

export interface IndexNames {
  passages: string;
  figures: string;
}

const PROXIMITY_PRECISION = { word: 'byWord', attribute: 'byAttribute' } as const;

export interface WriterOptions {
  batchSize: number;
  concurrency: number;
  /** Upper bound on one request's JSON body, in MB (Meilisearch refuses bodies over 100 MB by default). */
  maxRequestMB?: number;
}

/** Half of Meilisearch's default payload limit (100 MB): one document's passages never need more per request. */
export const MAX_REQUEST_MB = 50;

/** Words and synonyms of the custom dictionaries, pushed to Meilisearch so its tokenizer agrees with ours. */
export interface Vocabulary {
  words: string[];
  synonyms: Record<string, string[]>;
}

const TASK_TIMEOUT_MS = 10 * 60_000;

/** Meilisearch answers a query with at most this many hits per index (`pagination.maxTotalHits`). */
export const MAX_TOTAL_HITS = { passages: 10_000, figures: 100_000 } as const;
const RETRIES = 4;

const RANKING_RULES = ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'];

export function passageSettings(vocabulary: Vocabulary, proximity: Proximity = 'word'): Settings {
  return {
    searchableAttributes: ['norm'],
    displayedAttributes: ['*'],
    // Meilisearch's order with sort moved up behind words: a search sorted by date is in date order (every
    // hit holds every word); a search without a sort is ranked as before.
    rankingRules: RANKING_RULES,
    // Only what is filtered or faceted (each costs indexing time): id and docId by passage views, re-index
    // and stale-record removal; the rest by user filters and facets; dateNum (YYYYMMDD) takes the date filters
    // and the date sort, the only sort.
    filterableAttributes: ['id', 'doc', 'docId', 'person', 'place', 'org', 'year', 'figureKinds', 'units', 'hasFigure', 'hasTarget', 'heading', 'script', 'dateNum', 'month', 'source'],
    sortableAttributes: ['dateNum'],
    localizedAttributes: [{ attributePatterns: ['norm'], locales: ['cmn'] }],
    proximityPrecision: PROXIMITY_PRECISION[proximity],
    // zhpipe reads facet counts but never searches facet values; building that index costs indexing time.
    facetSearch: false,
    dictionary: vocabulary.words,
    synonyms: vocabulary.synonyms,
    // Typos on two-character Chinese words match unrelated words; see README (search) for the measurement.
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: MAX_TOTAL_HITS.passages },
    faceting: { maxValuesPerFacet: 200 },
  };
}

/**
 * The figures index is read by filters only: a query goes through the passages index (a figure's sentence is
 * part of its passage; searching it here too was most of this index's cost, issue 23), so it holds no searchable
 * text, and with none, no word positions: proximity precision costs nothing either way here; it follows the
 * pipeline's so that one setting describes both indexes.
 */
export function figureSettings(proximity: Proximity = 'word'): Settings {
  return {
    searchableAttributes: [],
    proximityPrecision: PROXIMITY_PRECISION[proximity],
    displayedAttributes: ['*'],
    // User filters, `passageId` (queries through passages, re-index), id and docId (stale-record removal).
    filterableAttributes: ['id', 'unit', 'kind', 'status', 'qualifier', 'period', 'year', 'doc', 'docId', 'place', 'org', 'passageId', 'dateNum', 'month', 'source', 'currency', 'change'],
    sortableAttributes: [],
    facetSearch: false,
    typoTolerance: { enabled: false },
    pagination: { maxTotalHits: MAX_TOTAL_HITS.figures },
    faceting: { maxValuesPerFacet: 500 },
  };
}

/** Waits for a task and turns a failed one into an error naming it. */
export async function settle(client: Meilisearch, taskUid: number): Promise<Task> {
  const task = await client.tasks.waitForTask(taskUid, { timeout: TASK_TIMEOUT_MS, interval: 50 });
  if (task.status === 'failed') {
    const error = task.error;
    // Messages can quote a whole filter; keep the line readable.
    const message = (error?.message ?? '').slice(0, 300);
    throw new RuntimeError(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? '?'}) failed: ${error?.code ?? ''} ${message}`.trim());
  }
  return task;
}

/** Retries a request to Meilisearch with exponential backoff when the server does not answer. */
export async function withRetry<T>(what: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      // A failed task is an answer, not an outage: do not retry it.
      if (err instanceof RuntimeError || attempt >= RETRIES) {
        throw err instanceof RuntimeError ? err : new RuntimeError(`${what}: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
  }
}

/** Settings Meilisearch updates field by field: what an update leaves out keeps its value (and its defaults). */
const MERGED = new Set(['typoTolerance', 'faceting', 'pagination']);
/** Lists Meilisearch holds as sets (it returns them sorted); searchableAttributes, by contrast, is a ranking. */
const SETS = new Set(['displayedAttributes', 'filterableAttributes', 'sortableAttributes', 'dictionary', 'stopWords', 'separatorTokens', 'nonSeparatorTokens', 'synonyms']);

/** A setting's value with object keys sorted, and with `sets`, every list sorted too. */
function canonical(value: unknown, sets: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v, sets));
    return sets ? items.map((v) => JSON.stringify(v)).sort() : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v, sets)]));
  }
  return value;
}

const same = (a: unknown, b: unknown, sets: boolean) => JSON.stringify(canonical(a, sets)) === JSON.stringify(canonical(b, sets));

/**
 * The settings of `wanted` that an update would change in `current` (an index's settings as Meilisearch
 * returns them: sets sorted, objects filled with defaults). Sending one that changes nothing still queues a
 * task, and a settings change can re-index every document.
 */
export function settingsToChange(current: Settings, wanted: Settings): Settings {
  const have = current as Record<string, unknown>;
  const changes = Object.entries(wanted).filter(([key, value]) => {
    if (MERGED.has(key) && value && typeof value === 'object') {
      const held = (have[key] ?? {}) as Record<string, unknown>;
      return Object.entries(value).some(([field, v]) => !same(held[field], v, false));
    }
    // Synonyms' keys, and the words of each, are a set.
    return !same(have[key], value, SETS.has(key));
  });
  return Object.fromEntries(changes) as Settings;
}

/** Creates an index if needed and updates the settings that differ (a settings change re-indexes). */
async function prepareIndex(client: Meilisearch, uid: string, settings: Settings): Promise<Index> {
  const index = client.index(uid);
  let exists = true;
  try {
    await index.getRawInfo();
  } catch {
    exists = false;
  }
  if (!exists) await settle(client, (await client.createIndex(uid, { primaryKey: 'id' })).taskUid);
  const changes = settingsToChange(await index.getSettings(), settings);
  if (Object.keys(changes).length) await settle(client, (await index.updateSettings(changes)).taskUid);
  return index;
}

export async function prepareIndexes(client: Meilisearch, names: IndexNames & { proximity?: Proximity }, vocabulary: Vocabulary): Promise<{ passages: Index; figures: Index }> {
  const passages = await withRetry('preparing the passages index', () => prepareIndex(client, names.passages, passageSettings(vocabulary, names.proximity)));
  const figures = await withRetry('preparing the figures index', () => prepareIndex(client, names.figures, figureSettings(names.proximity)));
  return { passages, figures };
}

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
      throw new RuntimeError(`Meilisearch refused a request as larger than its payload limit (--http-payload-size-limit): set index.maxRequestMB in the pipeline (now ${maxRequestMB}) below that limit`);
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
    // One hold per kind until its stale records are removed, plus one while records wait in a buffer.
    const unflushed = passages.length + figures.length;
    this.pending.set(docId, { tasks: 2 + (unflushed > 0 ? 1 : 0), unflushed, onAck });
    this.passageBuffer.push(...passages.map((record) => ({ docId, record })));
    this.figureBuffer.push(...figures.map((record) => ({ docId, record })));
    this.markStale('passages', docId, passages.map((p) => p.id));
    this.markStale('figures', docId, figures.map((f) => f.id));
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
    this.enqueue(`removing stale ${kind} of ${docIds.length} document(s)`, docIds, async () => [(await index.deleteDocuments({ filter })).taskUid], () => undefined);
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
    this.enqueue(`writing ${count} ${kind}`, [...docs.keys()], addition(index, batch.map((b) => b.record), this.maxRequestMB), () => {
      this.stats[kind] += count;
    });
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
