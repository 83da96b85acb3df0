// The search API used by the CLI (and the web server): one zod-validated request in, the DESIGN.md
// response out. A query goes through the passages' own normalization (every reading of it searched at
// once); when no passage holds every word, passages holding most of them come back marked partial; one
// document fills at most `perDoc` places. Results come back in the script of the query (or the one asked
// for), highlights included.
import type { FederatedMultiSearchParams, Hit, SearchParams, SearchResponse as MeiliResponse } from 'meilisearch';
import { RuntimeError } from '../errors.js';
import * as z from '../zod-mini.js';
import type { PassageRecord } from '../schema.js';
import { Script } from '../enums.js';
import type { SearchHit, SearchResponse } from './response.js';
import { toSource } from '../text/offsets.js';
import { toScript, toScriptMany } from '../text/script.js';
import { withoutBoundaries } from '../text/searchable.js';
import { regionalSynonyms, type RegionalEntry } from '../vocabulary.js';
import { FilterClause, toMeiliFilter } from './filter.js';
import { Lru, prepareQuery, type PreparedQuery } from './query.js';
import { federatedSearch, MeiliResponseError, searchEach, searchIndex, type Target } from '../meili/transport.js';

export { prepareQuery } from './query.js';

export const FacetName = z.enum(['person', 'place', 'org', 'doc', 'year', 'unit', 'kind', 'source', 'month']);
export type FacetName = z.infer<typeof FacetName>;

/** A whole number from `min` to `max`, `fallback` when absent. */
const count = (min: number, max: number, fallback: number) => z._default(z.int().check(z.minimum(min), z.maximum(max)), fallback);

export const SearchRequest = z.object({
  q: z.string().check(z.maxLength(1000)),
  filter: z._default(z.array(FilterClause).check(z.maxLength(20)), []),
  facets: z._default(z.array(FacetName).check(z.maxLength(FacetName.options.length)), []),
  limit: count(1, 100, 10),
  offset: count(0, 10000, 0),
  /** At most this many passages of one document in the results; 0 for no limit. */
  perDoc: count(0, 100, 2),
  /** Script of the results; default: the script of the query. */
  script: z.optional(Script),
  /** Relevance (default), or by the document's date: `date` oldest first, `-date` newest first (undated last). */
  sort: z._default(z.enum(['relevance', 'date', '-date']), 'relevance'),
});
export type SearchRequest = z.input<typeof SearchRequest>;

// The response's schemas are in response.ts: a search builds no schema it does not parse with.
export type { SearchHit, SearchResponse } from './response.js';

const PRE = '\u0001';
const POST = '\u0002';
// Passage facets under their index names.
const FACET_ATTRIBUTE: Record<FacetName, string> = {
  person: 'person',
  place: 'place',
  org: 'org',
  doc: 'doc',
  year: 'year',
  unit: 'units',
  kind: 'figureKinds',
  source: 'source',
  month: 'month',
};

export interface SearchContext {
  /** A meilisearch-js client, or only the host and key of the server (all a search sends). */
  client: Target;
  index: string;
  /** Not changed after first use: lookup tables and prepared queries are cached per array. */
  regional: RegionalEntry[];
}

/** Highlight ranges in a text from Meilisearch's formatted copy of it (markers around matches). */
export function markedRanges(formatted: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  // UTF-16 units, not code points: ranges index `text` as JS strings do (and the loop is the hot path).
  const pre = PRE.charCodeAt(0);
  const post = POST.charCodeAt(0);
  let plain = 0;
  let open = -1;
  for (let i = 0; i < formatted.length; i++) {
    const code = formatted.charCodeAt(i);
    if (code === pre) open = plain;
    else if (code === post) {
      if (open >= 0 && plain > open) ranges.push({ start: open, end: plain });
      open = -1;
    } else plain++;
  }
  return ranges;
}

const HTML_SPECIAL = /[&<>]/;
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// Chinese passages seldom hold &, < or >: test before replacing.
const escapeHtml = (s: string) => (HTML_SPECIAL.test(s) ? s.replace(/[&<>]/g, (c) => HTML_ESCAPES[c] ?? c) : s);

export function highlightHtml(text: string, ranges: Array<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const { start, end } of ranges) {
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

function unflatten(map: number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 1 < map.length; i += 2) pairs.push([map[i] ?? 0, map[i + 1] ?? 0]);
  return pairs;
}

// What a hit is built from: the searched `words` come back highlighted in `_formatted` (norm with boundary marks), the facet-only fields (year, units,
// figureKinds, hasFigure, …) and `docId`/`index` are not shown, so Meilisearch need not send them.
const RESULT_FIELDS = [
  'id',
  'doc',
  'line',
  'start',
  'end',
  'text',
  'map',
  'script',
  'heading',
  'person',
  'place',
  'org',
  'figures',
  'title',
  'date',
  'source',
  'url',
] as const;
export type ResultRecord = Pick<PassageRecord, (typeof RESULT_FIELDS)[number]>;

// Passages in the other script are converted for display (~25 µs each); the top passages of popular queries
// come back query after query. Small, as a passage can run to a few thousand characters.
const displayTexts: Record<Script, Lru<string>> = { simplified: new Lru(1000), traditional: new Lru(1000) };

function displayText(text: string, script: Script): string {
  return displayTexts[script].get(text) ?? displayTexts[script].set(text, toScript(text, script));
}

export function toHit(
  record: ResultRecord,
  formattedNorm: string | undefined,
  script: Script,
  score?: number,
  matched: 'all' | 'partial' = 'all',
  more = 0,
): SearchHit {
  // Display text, norm and source text are index for index the same length, so ranges carry over.
  const text = record.script === script ? record.text : displayText(record.text, script);
  const ranges = formattedNorm ? markedRanges(formattedNorm).filter((r) => r.end <= text.length) : [];
  const map = unflatten(record.map);
  return {
    id: record.id,
    doc: record.doc,
    line: record.line,
    start: record.start,
    end: record.end,
    text,
    highlight: highlightHtml(text, ranges),
    matches: ranges.map((r) => ({ start: toSource(map, r.start), end: toSource(map, r.end - 1) + 1 })),
    heading: record.heading,
    person: record.person,
    place: record.place,
    org: record.org,
    figures: record.figures,
    ...(score === undefined ? {} : { score }),
    matched,
    more,
    // Records indexed before 0.4 have no metadata fields.
    // The title in the script of the results, like the passage (the document shares the passage's script).
    title: record.title == null ? null : record.script === script ? record.title : displayText(record.title, script),
    date: record.date ?? null,
    source: record.source ?? null,
    url: record.url ?? null,
  };
}

type Request = z.output<typeof SearchRequest>;
type Strategy = 'all' | 'frequency';

/** Meilisearch parameters of one query of a request, without paging and facets (federation sets those). */
function queryParams(request: Request, strategy: Strategy): SearchParams {
  const filter = toMeiliFilter(request.filter);
  return {
    attributesToRetrieve: [...RESULT_FIELDS],
    attributesToHighlight: ['words'],
    highlightPreTag: PRE,
    highlightPostTag: POST,
    // "all": an analyst's keywords narrow, they do not widen; "frequency" only for the partial fallback.
    matchingStrategy: strategy,
    showRankingScore: true,
    ...(filter ? { filter } : {}),
    ...(request.sort === 'relevance' ? {} : { sort: [`dateNum:${request.sort === 'date' ? 'asc' : 'desc'}`] }),
  };
}

export type MeiliRequest = { route: 'search'; body: SearchParams & { q: string } } | { route: 'multi-search'; body: FederatedMultiSearchParams };

/** The Meilisearch request for a window of ranked hits: one search, or a federated one over several readings. */
export function meiliRequest(
  index: string,
  request: Request,
  forms: string[],
  window: { offset: number; limit: number; facets: string[] },
  strategy: Strategy = 'all',
): MeiliRequest {
  const params = queryParams(request, strategy);
  const facets = window.facets.length ? window.facets : undefined;
  if (forms.length === 1) {
    return { route: 'search', body: { ...params, q: forms[0] ?? '', offset: window.offset, limit: window.limit, ...(facets ? { facets } : {}) } };
  }
  return {
    route: 'multi-search',
    body: {
      federation: { offset: window.offset, limit: window.limit, ...(facets ? { facetsByIndex: { [index]: facets }, mergeFacets: {} } : {}) },
      queries: forms.map((q) => ({ indexUid: index, q, ...params })),
    },
  };
}

/** Meilisearch parameters for a request as a single search (exported so benchmarks can time the raw call alike). */
export function searchParams(request: Request): SearchParams {
  return {
    ...queryParams(request, 'all'),
    offset: request.offset,
    limit: request.limit,
    ...(request.facets.length ? { facets: request.facets.map((f) => FACET_ATTRIBUTE[f]) } : {}),
  };
}

interface Window {
  hits: Array<Hit<ResultRecord>>;
  total: number;
  facets: Record<string, Record<string, number>>;
}

async function fetchWindow(
  ctx: SearchContext,
  request: Request,
  forms: string[],
  window: { offset: number; limit: number; facets: string[] },
  strategy: Strategy,
): Promise<Window> {
  const call = meiliRequest(ctx.index, request, forms, window, strategy);
  const answer: Promise<MeiliResponse<ResultRecord>> =
    call.route === 'search' ? searchIndex<ResultRecord>(ctx.client, ctx.index, call.body) : federatedSearch<ResultRecord>(ctx.client, call.body);
  const result = await answer.catch(explain(ctx.index));
  return { hits: result.hits, total: result.estimatedTotalHits ?? result.hits.length, facets: result.facetDistribution ?? {} };
}

/** Meilisearch's refusals as one clear line. */
const explain =
  (index: string) =>
  (err: unknown): never => {
    if (err instanceof MeiliResponseError) {
      if (err.code === 'index_not_found') throw new RuntimeError(`nothing indexed yet (no index "${index}"): run \`zhpipe ingest\` first`, { cause: err });
      // The cause stays attached: a refused key is retried with a new one (cli/context.ts withSearchEndpoint).
      throw new RuntimeError(`Meilisearch refused the search (${err.code ?? `HTTP ${err.status}`}): ${err.message.slice(0, 300)}`, { cause: err });
    }
    throw err;
  };

/** Whether every term, in some reading, is in some passage (under the request's filters): one round trip. */
async function everyTermFound(ctx: SearchContext, request: Request, terms: string[][]): Promise<boolean> {
  const filter = toMeiliFilter(request.filter);
  const readings = terms.flatMap((forms, term) => forms.map((q) => ({ term, q })));
  const queries = readings.map(({ q }) => ({ indexUid: ctx.index, q, limit: 0, matchingStrategy: 'all' as const, ...(filter ? { filter } : {}) }));
  const results = await searchEach(ctx.client, queries).catch(explain(ctx.index));
  const found = new Set(readings.filter((_, i) => (results[i]?.estimatedTotalHits ?? 0) > 0).map((r) => r.term));
  return found.size === terms.length;
}

// Meilisearch answers at most this many hits of one query (its default maxTotalHits).
const MAX_WINDOW = 1000;
// The partial fallback judges this many of Meilisearch's loosest matches.
const PARTIAL_WINDOW = 200;

/** The readings of each term, with their regional synonyms: what "the passage holds the term" means. */
const synonymTables = new WeakMap<RegionalEntry[], Record<string, string[]>>();

function holdsTerm(norm: string, readings: string[], regional: RegionalEntry[]): boolean {
  let synonyms = synonymTables.get(regional);
  if (!synonyms) synonymTables.set(regional, (synonyms = regionalSynonyms(regional)));
  return readings.some((r) => norm.includes(r) || (synonyms[r] ?? []).some((s) => norm.includes(s)));
}

/** A hit's `norm` with Meilisearch's highlight marks, from the highlighted searchable words. */
function formattedNorm(hit: { _formatted?: unknown }): string | undefined {
  const words = (hit._formatted as { words?: string } | undefined)?.words;
  return words === undefined ? undefined : withoutBoundaries(words);
}

const stripMarks = (formatted: string) => formatted.replaceAll(PRE, '').replaceAll(POST, '');

/** Keeps at most `perDoc` hits of each document, in rank order; says how many of each document were left out. */
function perDocument(hits: Array<Hit<ResultRecord>>, perDoc: number): { kept: Array<Hit<ResultRecord>>; left: Map<string, number> } {
  if (perDoc === 0) return { kept: hits, left: new Map() };
  const seen = new Map<string, number>();
  const left = new Map<string, number>();
  const kept = hits.filter((hit) => {
    const n = (seen.get(hit.doc) ?? 0) + 1;
    seen.set(hit.doc, n);
    if (n <= perDoc) return true;
    left.set(hit.doc, (left.get(hit.doc) ?? 0) + 1);
    return false;
  });
  return { kept, left };
}

/** Runs a search request: the request is validated, Meilisearch's answer is typed, not re-parsed. */
export async function search(ctx: SearchContext, input: SearchRequest): Promise<SearchResponse> {
  const parsed = SearchRequest.parse(input);
  // Filtered to one document, the per-document limit would only hide what was asked for.
  const oneDocument = parsed.filter.some((c) => 'field' in c && c.field === 'doc' && c.op === '=');
  const request = oneDocument ? { ...parsed, perDoc: 0 } : parsed;
  const query = prepareQuery(request.q, ctx.regional);
  const script = request.script ?? query.script;
  const facets = request.facets.map((f) => FACET_ATTRIBUTE[f]);
  // The per-document limit needs each document's count of matches: the doc facet gives it.
  const withDocs = request.perDoc > 0 && !facets.includes('doc') ? [...facets, 'doc'] : facets;
  const end = request.offset + request.limit;

  let matched: 'all' | 'partial' = 'all';
  let window: Window;
  let docCounts: Record<string, number> = {};
  if (request.perDoc === 0) {
    window = await fetchWindow(ctx, request, query.forms, { offset: request.offset, limit: request.limit, facets }, 'all');
  } else {
    // Enough ranked hits that the page is full after the per-document limit; widened when one document crowds it.
    let size = Math.min(MAX_WINDOW, end * 3 + 20);
    for (;;) {
      window = await fetchWindow(ctx, request, query.forms, { offset: 0, limit: size, facets: withDocs }, 'all');
      if (size >= MAX_WINDOW || window.hits.length < size || perDocument(window.hits, request.perDoc).kept.length >= end) break;
      size = Math.min(MAX_WINDOW, size * 4);
    }
    docCounts = window.facets['doc'] ?? {};
  }
  if (window.total === 0 && query.terms.length >= 2) {
    ({ window, docCounts } = await partialWindow(ctx, request, query, withDocs));
    matched = 'partial';
  }

  const { kept, left } = perDocument(window.hits, request.perDoc);
  const page = request.perDoc === 0 && matched === 'all' ? kept : kept.slice(request.offset, end);
  const shown = new Map<string, number>();
  for (const hit of kept) shown.set(hit.doc, (shown.get(hit.doc) ?? 0) + 1);
  // Passages (and their titles) in the other script, converted together (the first time, tables are built for them alone).
  const convert = [
    ...new Set(
      page
        .filter((h) => h.script !== script)
        .flatMap((h) => (h.title ? [h.text, h.title] : [h.text]))
        .filter((t) => displayTexts[script].get(t) === undefined),
    ),
  ];
  toScriptMany(convert, script).forEach((shown, i) => displayTexts[script].set(convert[i] ?? '', shown));
  const hits = page.map((hit) => {
    const formatted = formattedNorm(hit);
    // Counted by Meilisearch where the doc facet has the document, else among the fetched hits.
    const more =
      request.perDoc === 0 ? 0 : Math.max(0, (docCounts[hit.doc] ?? (shown.get(hit.doc) ?? 0) + (left.get(hit.doc) ?? 0)) - (shown.get(hit.doc) ?? 0));
    return toHit(hit, formatted, script, hit._rankingScore, matched, more);
  });
  const facetsOut: Record<string, Record<string, number>> = {};
  for (const name of request.facets) facetsOut[name] = window.facets[FACET_ATTRIBUTE[name]] ?? {};
  return {
    query: { text: request.q, simplified: query.simplified, forms: query.forms, script },
    total: window.total,
    hits,
    facets: facetsOut,
  };
}

/**
 * No passage holds every word: the passages holding at least half of the query's terms, best first, judged
 * on Meilisearch's loosest matches ("frequency" drops the commonest words first). Only when every term is
 * somewhere in the index: a query about something absent (长三角 核潜艇) returns nothing, not passages that
 * share a common word with it.
 */
async function partialWindow(
  ctx: SearchContext,
  request: Request,
  query: PreparedQuery,
  facets: string[],
): Promise<{ window: Window; docCounts: Record<string, number> }> {
  if (!(await everyTermFound(ctx, request, query.terms))) return { window: { hits: [], total: 0, facets: {} }, docCounts: {} };
  const loose = await fetchWindow(ctx, request, query.forms, { offset: 0, limit: PARTIAL_WINDOW, facets }, 'frequency');
  const needed = Math.ceil(query.terms.length / 2);
  const hits = loose.hits.filter((hit) => {
    const norm = stripMarks(formattedNorm(hit) ?? '');
    return query.terms.filter((readings) => holdsTerm(norm, readings, ctx.regional)).length >= needed;
  });
  const docCounts: Record<string, number> = {};
  for (const hit of hits) docCounts[hit.doc] = (docCounts[hit.doc] ?? 0) + 1;
  return { window: { hits, total: hits.length, facets: loose.facets }, docCounts };
}
