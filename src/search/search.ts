// The search API used by the CLI (and the web server): one zod-validated request in, the DESIGN.md
// response out. Queries are normalized to simplified mainland wording; results come back in the script
// of the query (or the one asked for), highlights included.
import { MeilisearchApiError, type Meilisearch, type SearchParams } from 'meilisearch';
import { RuntimeError } from '../errors.js';
import { z } from 'zod';
import { Figure, PassageRecord, Script } from '../schema.js';
import { toSource } from '../text/offsets.js';
import { detectScript, normalizeQuery, toScript } from '../text/script.js';
import type { RegionalEntry } from '../vocabulary.js';
import { FilterClause, toMeiliFilter } from './filter.js';

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
  regional: RegionalEntry[];
}

/** Rewrites Taiwan / Hong Kong wording to mainland wording, longest variant first. */
export function rewriteRegional(simplified: string, regional: RegionalEntry[], traditionalQuery: boolean): string {
  const entries = regional
    .filter((e) => traditionalQuery || !e.traditionalOnly)
    .sort((a, b) => b.variant.length - a.variant.length);
  let out = '';
  for (let i = 0; i < simplified.length; ) {
    const entry = entries.find((e) => simplified.startsWith(e.variant, i));
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

/** Normalizes a query: simplified script, mainland wording; and says which script it was typed in. */
export function prepareQuery(q: string, regional: RegionalEntry[]): { simplified: string; script: Script } {
  const script = detectScript(q);
  return { simplified: rewriteRegional(normalizeQuery(q), regional, script === 'traditional'), script };
}

/** Highlight ranges in a text from Meilisearch's formatted copy of it (markers around matches). */
export function markedRanges(formatted: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let plain = 0;
  let open = -1;
  for (const ch of formatted) {
    if (ch === PRE) open = plain;
    else if (ch === POST) {
      if (open >= 0 && plain > open) ranges.push({ start: open, end: plain });
      open = -1;
    } else plain += ch.length;
  }
  return ranges;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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

export function toHit(record: PassageRecord, formattedNorm: string | undefined, script: Script, score?: number): SearchHit {
  // Display text, norm and source text are index for index the same length, so ranges carry over.
  const text = record.script === script ? record.text : toScript(record.text, script);
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
  return {
    limit: request.limit,
    offset: request.offset,
    attributesToHighlight: ['norm'],
    highlightPreTag: PRE,
    highlightPostTag: POST,
    // Every query word must match: an analyst's keywords narrow, they do not widen.
    matchingStrategy: 'all',
    showRankingScore: true,
    ...(request.facets.length ? { facets: request.facets.map((f) => FACET_ATTRIBUTE[f]) } : {}),
    ...(toMeiliFilter(request.filter) ? { filter: toMeiliFilter(request.filter) } : {}),
  };
}

/** Runs a search request. */
export async function search(ctx: SearchContext, input: SearchRequest): Promise<SearchResponse> {
  const request = SearchRequest.parse(input);
  const { simplified, script: queryScript } = prepareQuery(request.q, ctx.regional);
  const script = request.script ?? queryScript;
  const result = await ctx.client
    .index(ctx.index)
    .search<PassageRecord>(simplified, searchParams(request))
    .catch((err: unknown) => {
      if (err instanceof MeilisearchApiError && err.cause?.code === 'index_not_found') {
        throw new RuntimeError(`nothing indexed yet (no index "${ctx.index}"): run \`zhpipe ingest\` first`);
      }
      throw err;
    });
  const hits = result.hits.map((hit) => {
    const formatted = (hit._formatted as { norm?: string } | undefined)?.norm;
    return toHit(hit as unknown as PassageRecord, formatted, script, hit._rankingScore);
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
