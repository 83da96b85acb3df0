// What a search answers (DESIGN.md): the hits with their highlights, annotations and document fields, and the
// facet counts. Types for search.ts, the CLI and the web API; the schemas for whoever validates a response. A hit
// shows a passage record's own fields as stored.
import { z } from 'zod';
import { DocFields, PassageRecord, Script } from '../schema.js';

export const SearchHit = PassageRecord.pick({
  id: true,
  doc: true,
  line: true,
  start: true,
  end: true,
  text: true,
  heading: true,
  person: true,
  place: true,
  org: true,
  figures: true,
}).extend({
  /** `text` with matches wrapped in <mark>…</mark>; the rest HTML-escaped. */
  highlight: z.string(),
  /** Matches as offsets into the document's original decoded text. */
  matches: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  score: z.number().optional(),
  /** "all": the passage holds every word of the query; "partial": most of them (no passage held all). */
  matched: z.enum(['all', 'partial']),
  /** The document's title, ISO date, source and URL (null when unknown). */
  ...DocFields.pick({ title: true, date: true, source: true, url: true }).shape,
  /** Passages of the same document that match too but are left out by the per-document limit. */
  more: z.number().int().min(0),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  query: z.object({ text: z.string(), simplified: z.string(), forms: z.array(z.string()), script: Script }),
  total: z.number().int(),
  hits: z.array(SearchHit),
  facets: z.record(z.string(), z.record(z.string(), z.number())),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
