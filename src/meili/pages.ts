// Reading an index page by page, so a result of any size passes through bounded memory: search pagination
// when there is a query, filtered document fetches when there is none.
import { MeilisearchApiError, type Index, type Meilisearch } from 'meilisearch';
import { RuntimeError } from '../errors.js';

export const PAGE_SIZE = 500;

/** A read of one index in Meilisearch's own terms: the query and filter already as it takes them. */
export interface IndexPageRequest {
  client: Meilisearch;
  index: string;
  /** The query as Meilisearch searches it; empty for none. */
  query: string;
  /** A Meilisearch filter expression, if any. */
  filter: string | undefined;
  pageSize?: number;
  /** Stop after this many records. */
  max?: number;
  /** The index's `pagination.maxTotalHits`. */
  hitLimit: number;
  /** Only these fields of each record (default: all). */
  fields?: string[];
}

/** A missing index means nothing was ingested yet: say so instead of Meilisearch's error. */
export function explainMissingIndex(index: string): (err: unknown) => never {
  return (err: unknown) => {
    if (err instanceof MeilisearchApiError && err.cause?.code === 'index_not_found') {
      throw new RuntimeError(`nothing indexed yet (no index "${index}"): run \`zhpipe ingest\` first`);
    }
    throw err;
  };
}

/**
 * Yields the matching records of an index, one page at a time. Without a query: filtered document fetches.
 * With one: search pages in relevance order, unless the result reaches Meilisearch's hit limit, which would
 * silently cut it; then the index is walked by filtered document pages and each page is searched for the
 * query among its ids, so every match comes out (in index order) at any size.
 */
export async function* indexPages<T extends Record<string, unknown>>(request: IndexPageRequest): AsyncGenerator<T[]> {
  const size = request.pageSize ?? PAGE_SIZE;
  const max = request.max ?? Number.POSITIVE_INFINITY;
  const { filter, query, hitLimit } = request;
  const index = request.client.index<T>(request.index);
  const missing = explainMissingIndex(request.index);
  const fields = request.fields as Array<Extract<keyof T, string>> | undefined;
  const search = (offset: number, limit: number, where: string | undefined) =>
    index
      .search<T>(query, { offset, limit, matchingStrategy: 'all', ...(where ? { filter: where } : {}), ...(fields ? { attributesToRetrieve: fields } : {}) })
      .catch(missing);

  if (query) {
    const first = await search(0, Math.min(size, max), filter);
    if ((first.estimatedTotalHits ?? 0) < hitLimit) {
      yield* relevancePages(first.hits as T[], (offset, limit) => search(offset, limit, filter).then((r) => r.hits as T[]), size, max);
      return;
    }
  }
  let count = 0;
  // A search among a page's ids is itself held to the hit limit, so a page may not exceed it.
  for await (const batch of documentPages<T>(
    index,
    filter,
    query ? Math.min(size, hitLimit) : size,
    query ? ['id' as Extract<keyof T, string>] : fields,
    missing,
  )) {
    if (!query) {
      const taken = batch.slice(0, max - count);
      count += taken.length;
      yield taken;
    } else {
      // Ids are ours (hex and dashes); JSON quoting is Meilisearch's string syntax for them.
      const ids = `id IN [${batch.map((d) => JSON.stringify(String(d['id']))).join(', ')}]`;
      const hits = (await search(0, batch.length, filter ? `(${filter}) AND ${ids}` : ids)).hits.slice(0, max - count) as T[];
      count += hits.length;
      if (hits.length) yield hits;
    }
    if (count >= max) return;
  }
}

/** Search pages from offset 0, the first already fetched. */
async function* relevancePages<T>(first: T[], fetch: (offset: number, limit: number) => Promise<T[]>, size: number, max: number): AsyncGenerator<T[]> {
  let batch = first;
  let offset = 0;
  while (batch.length > 0) {
    yield batch;
    offset += batch.length;
    const limit = Math.min(size, max - offset);
    if (batch.length < size || limit <= 0) return;
    batch = await fetch(offset, limit);
  }
}

/** Every document passing the filter, a page at a time (no hit limit applies to document fetches). */
async function* documentPages<T extends Record<string, unknown>>(
  index: Index<T>,
  filter: string | undefined,
  size: number,
  fields: Array<Extract<keyof T, string>> | undefined,
  missing: (err: unknown) => never,
): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += size) {
    const { results } = await index.getDocuments<T>({ offset, limit: size, ...(filter ? { filter } : {}), ...(fields ? { fields } : {}) }).catch(missing);
    if (results.length) yield results;
    if (results.length < size) return;
  }
}
