// A user's query and filter clauses read page by page from an index: the query prepared as search does, the
// clauses as a Meilisearch filter, the paging itself in meili/pages.ts.
import type { Meilisearch } from 'meilisearch';
import { indexPages } from '../meili/pages.js';
import { MAX_TOTAL_HITS } from '../meili/settings.js';
import { toMeiliFilter, type FilterClause } from '../search/filter.js';
import { prepareQuery } from '../search/search.js';
import type { RegionalEntry } from '../vocabulary.js';

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
  /** The index's `pagination.maxTotalHits` (default: what zhpipe sets, MAX_TOTAL_HITS). */
  hitLimit?: number;
  /** Only these fields of each record (default: all). */
  fields?: string[];
}

/** The matching records of an index, one page at a time (see indexPages for the order). */
export async function* pages<T extends Record<string, unknown>>(request: PageRequest): AsyncGenerator<T[]> {
  const filter = toMeiliFilter(request.filter, request.target);
  const query = request.q.trim() ? prepareQuery(request.q, request.regional).simplified : '';
  const { client, index, pageSize, max, fields } = request;
  yield* indexPages<T>({ client, index, query, filter, pageSize, max, fields, hitLimit: request.hitLimit ?? MAX_TOTAL_HITS[request.target] });
}
