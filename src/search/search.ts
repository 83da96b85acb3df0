// The search API used by the CLI (and the web server): one zod-validated request in, the DESIGN.md
// response out. Queries are normalized to simplified mainland wording; results come back in the script
// of the query (or the one asked for), highlights included.
import type { Meilisearch, SearchParams } from 'meilisearch';
import { RuntimeError } from '../errors.js';
import { z } from 'zod';
import { Figure, PassageRecord, Script } from '../schema.js';
import { toSource } from '../text/offsets.js';
import { detectScript, normalizeQuery, toScript } from '../text/script.js';
import type { RegionalEntry } from '../vocabulary.js';
import { FilterClause, toMeiliFilter } from './filter.js';
import { MeiliResponseError, searchIndex } from './transport.js';

export const FacetName = z.enum(['person', 'place', 'org', 'doc', 'year', 'unit', 'kind']);
export type FacetName = z.infer<typeof FacetName>;

export const SearchRequest = z.object({
  q: z.string().max(1000),
  filter: z.array(FilterClause).max(20).default([]),
  facets: z.array(FacetName).max(FacetName.options.length).default([]),
  limit: z.number().int().min(1).max(100).default(10),
  offset: z.number().int().min(0).max(10000).default(0),
  /** Script of the results; default: the script of the query. */
  script: Script.optional(),
});
export type SearchRequest = z.input<typeof SearchRequest>;

export const SearchHit = z.object({
  id: z.string(),
  doc: z.string(),
  line: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** `text` with matches wrapped in <mark>…</mark>; the rest HTML-escaped. */
  highlight: z.string(),
  /** Matches as offsets into the document's original decoded text. */
  matches: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  heading: z.boolean(),
  person: z.array(z.string()),
  place: z.array(z.string()),
  org: z.array(z.string()),
  figures: z.array(Figure.omit({ doc: true, sentence: true })),
  score: z.number().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  query: z.object({ text: z.string(), simplified: z.string(), script: Script }),
  total: z.number().int(),
  hits: z.array(SearchHit),
  facets: z.record(z.string(), z.record(z.string(), z.number())),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

const PRE = '\u0001';
const POST = '\u0002';
// Passage facets under their index names.
const FACET_ATTRIBUTE: Record<FacetName, string> = { person: 'person', place: 'place', org: 'org', doc: 'doc', year: 'year', unit: 'units', kind: 'figureKinds' };

export interface SearchContext {
  client: Meilisearch;
  index: string;
  /** Not changed after first use: lookup tables and prepared queries are cached per array. */
  regional: RegionalEntry[];
}

/** A bounded map that forgets the least recently used key: caches for the hot path that cannot grow. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert so the key becomes the most recent (Map keeps insertion order).
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): V {
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
    return value;
  }
}

// Regional entries by first character, longest variant first: sorting the dictionary on every query showed
// up in profiles. Keyed by the entries array, which a context keeps for its lifetime.
type RegionalTable = Map<string, RegionalEntry[]>;
const regionalTables = new WeakMap<RegionalEntry[], { traditional: RegionalTable; simplified: RegionalTable }>();

function regionalTable(regional: RegionalEntry[], traditionalQuery: boolean): RegionalTable {
  let tables = regionalTables.get(regional);
  if (!tables) {
    const build = (traditional: boolean): RegionalTable => {
      const table: RegionalTable = new Map();
      const sorted = regional.filter((e) => traditional || !e.traditionalOnly).sort((a, b) => b.variant.length - a.variant.length);
      for (const e of sorted) if (e.variant) table.set(e.variant[0] as string, [...(table.get(e.variant[0] as string) ?? []), e]);
      return table;
    };
    tables = { traditional: build(true), simplified: build(false) };
    regionalTables.set(regional, tables);
  }
  return traditionalQuery ? tables.traditional : tables.simplified;
}

/** Rewrites Taiwan / Hong Kong wording to mainland wording, longest variant first. */
export function rewriteRegional(simplified: string, regional: RegionalEntry[], traditionalQuery: boolean): string {
  const table = regionalTable(regional, traditionalQuery);
  let out = '';
  for (let i = 0; i < simplified.length; ) {
    const entry = table.get(simplified[i] as string)?.find((e) => simplified.startsWith(e.variant, i));
    if (entry) {
      out += entry.mainland;
      i += entry.variant.length;
    } else {
      out += simplified[i];
      i++;
    }
  }
  return out;
}

interface PreparedQuery {
  simplified: string;
  script: Script;
}
// Analysts repeat queries (paging, facet clicks); OpenCC on a query costs ~70 µs, a cache hit ~1 µs.
const preparedQueries = new WeakMap<RegionalEntry[], Lru<PreparedQuery>>();

/** Normalizes a query: simplified script, mainland wording; and says which script it was typed in. */
export function prepareQuery(q: string, regional: RegionalEntry[]): PreparedQuery {
  let cache = preparedQueries.get(regional);
  if (!cache) preparedQueries.set(regional, (cache = new Lru(2000)));
  const cached = cache.get(q);
  if (cached) return cached;
  const script = detectScript(q);
  // Frozen: every caller of a repeated query shares the object.
  return cache.set(q, Object.freeze({ simplified: rewriteRegional(normalizeQuery(q), regional, script === 'traditional'), script }));
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

// What a hit is built from: `norm` comes back highlighted in `_formatted`, the facet-only fields (year, units,
// figureKinds, hasFigure, …) and `docId`/`index` are not shown, so Meilisearch need not send them.
const RESULT_FIELDS = ['id', 'doc', 'line', 'start', 'end', 'text', 'map', 'script', 'heading', 'person', 'place', 'org', 'figures'] as const;
export type ResultRecord = Pick<PassageRecord, (typeof RESULT_FIELDS)[number]>;

// Passages in the other script are converted for display (~25 µs each); the top passages of popular queries
// come back query after query. Small, as a passage can run to a few thousand characters.
const displayTexts: Record<Script, Lru<string>> = { simplified: new Lru(1000), traditional: new Lru(1000) };

function displayText(text: string, script: Script): string {
  return displayTexts[script].get(text) ?? displayTexts[script].set(text, toScript(text, script));
}

export function toHit(record: ResultRecord, formattedNorm: string | undefined, script: Script, score?: number): SearchHit {
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
  };
}

/** Meilisearch parameters for a request (exported so benchmarks can time the raw call alike). */
export function searchParams(request: z.output<typeof SearchRequest>): SearchParams {
  const filter = toMeiliFilter(request.filter);
  return {
    limit: request.limit,
    offset: request.offset,
    attributesToRetrieve: [...RESULT_FIELDS],
    attributesToHighlight: ['norm'],
    highlightPreTag: PRE,
    highlightPostTag: POST,
    // Every query word must match: an analyst's keywords narrow, they do not widen.
    matchingStrategy: 'all',
    showRankingScore: true,
    ...(request.facets.length ? { facets: request.facets.map((f) => FACET_ATTRIBUTE[f]) } : {}),
    ...(filter ? { filter } : {}),
  };
}

/** Runs a search request: the request is validated, Meilisearch's answer is typed, not re-parsed. */
export async function search(ctx: SearchContext, input: SearchRequest): Promise<SearchResponse> {
  const request = SearchRequest.parse(input);
  const { simplified, script: queryScript } = prepareQuery(request.q, ctx.regional);
  const script = request.script ?? queryScript;
  const result = await searchIndex<ResultRecord>(ctx.client, ctx.index, { ...searchParams(request), q: simplified }).catch((err: unknown) => {
    if (err instanceof MeiliResponseError) {
      if (err.code === 'index_not_found') throw new RuntimeError(`nothing indexed yet (no index "${ctx.index}"): run \`zhpipe ingest\` first`);
      throw new RuntimeError(`Meilisearch refused the search (${err.code ?? `HTTP ${err.status}`}): ${err.message.slice(0, 300)}`);
    }
    throw err;
  });
  const hits = result.hits.map((hit) => {
    const formatted = (hit._formatted as { norm?: string } | undefined)?.norm;
    return toHit(hit, formatted, script, hit._rankingScore);
  });
  const facets: Record<string, Record<string, number>> = {};
  for (const name of request.facets) facets[name] = result.facetDistribution?.[FACET_ATTRIBUTE[name]] ?? {};
  return {
    query: { text: request.q, simplified, script },
    total: result.estimatedTotalHits ?? hits.length,
    hits,
    facets,
  };
}
