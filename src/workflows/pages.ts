// Reading an index page by page, so a result of any size passes through bounded memory: search pagination
// when there is a query, filtered document fetches when there is none.
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import { RuntimeError } from '../errors.js';
import { toMeiliFilter, type FilterClause } from '../search/filter.js';
import { prepareQuery } from '../search/search.js';
import type { RegionalEntry } from '../vocabulary.js';

export const PAGE_SIZE = 500;

export interface PageRequest {
  client: Meilisearch;
  index: string;
  target: 'passages' | 'figures';
  q: string;
  filter: FilterClause[];
  regional: RegionalEntry[];
  pageSize?: number;
  /** Stop after this many records. */
  max?: number;
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

/** Yields the matching records of an index, one page at a time. */
export async function* pages<T extends Record<string, unknown>>(request: PageRequest): AsyncGenerator<T[]> {
  const size = request.pageSize ?? PAGE_SIZE;
  const max = request.max ?? Number.POSITIVE_INFINITY;
  const filter = toMeiliFilter(request.filter, request.target);
  const index = request.client.index<T>(request.index);
  const query = request.q.trim() ? prepareQuery(request.q, request.regional).simplified : '';
  for (let offset = 0; offset < max; offset += size) {
    const limit = Math.min(size, max - offset);
    let batch: T[];
    if (query) {
      const result = await index
        .search<T>(query, { offset, limit, matchingStrategy: 'all', ...(filter ? { filter } : {}) })
        .catch(explainMissingIndex(request.index));
      batch = result.hits as T[];
    } else {
      const result = await index.getDocuments<T>({ offset, limit, ...(filter ? { filter } : {}) }).catch(explainMissingIndex(request.index));
      batch = result.results;
    }
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < limit) return;
  }
}
