// The passage view: one passage with its neighbours for context, and spans (passage-text offsets) for the
// entities and figures to mark in it, from the spans (original-text offsets) their records keep.
import type { Meilisearch } from 'meilisearch';
import type { PassageRecord, Script } from '../schema.js';
import { toScript } from '../text/script.js';
import { explainMissingIndex } from '../meili/pages.js';
import { HttpError } from './http.js';

export interface Span {
  start: number;
  end: number;
  type: 'person' | 'place' | 'org' | 'figure';
  label: string;
}

export interface PassageView {
  id: string;
  doc: string;
  docId: string;
  index: number;
  line: number;
  start: number;
  end: number;
  text: string;
  script: Script;
  person: string[];
  place: string[];
  org: string[];
  figures: PassageRecord['figures'];
  spans: Span[];
  /** Where the query's terms stand in `text` (any reading of them), to highlight in the view. */
  matches: Array<{ start: number; end: number }>;
  before: { id: string; text: string } | null;
  after: { id: string; text: string } | null;
}

/** Original-text offset → passage-text index (the inverse of the passage's offset map). */
export function toPassageIndex(map: number[], start: number, source: number): number {
  let best = source - start;
  for (let i = 0; i + 1 < map.length; i += 2) {
    const at = map[i] ?? 0;
    const src = map[i + 1] ?? 0;
    if (src <= source) best = at + (source - src);
    else break;
  }
  return best;
}

/**
 * A span of the original text (a figure's, a mention's, as the records keep them) in passage-text indices,
 * for marking it in the passage.
 */
export function passageSpan(record: Pick<PassageRecord, 'map' | 'start'>, span: { start: number; end: number }): { start: number; end: number } {
  return { start: toPassageIndex(record.map, record.start, span.start), end: toPassageIndex(record.map, record.start, span.end - 1) + 1 };
}

/** Sorted spans without overlaps (figures first, then longer names), so the page can wrap them simply. */
export function disjointSpans(spans: Span[]): Span[] {
  const ranked = [...spans].sort((a, b) => (a.type === 'figure' ? 0 : 1) - (b.type === 'figure' ? 0 : 1) || b.end - b.start - (a.end - a.start));
  const kept: Span[] = [];
  for (const s of ranked) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

/** Every occurrence of any reading of the query's terms in a passage's searchable copy (index for index its text). */
export function queryMatches(norm: string, terms: string[][]): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const readings of terms) {
    for (const reading of readings) {
      if (!reading) continue;
      for (let i = norm.indexOf(reading); i >= 0; i = norm.indexOf(reading, i + reading.length)) found.push({ start: i, end: i + reading.length });
    }
  }
  // Longest first, then without overlaps, in text order.
  const kept: Array<{ start: number; end: number }> = [];
  for (const m of found.sort((a, b) => b.end - b.start - (a.end - a.start))) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

export async function passageView(client: Meilisearch, index: string, id: string, script?: Script, terms: string[][] = []): Promise<PassageView> {
  const found = await client
    .index(index)
    .getDocuments<PassageRecord>({ filter: `id = "${id}"`, limit: 1 })
    .catch(explainMissingIndex(index));
  const record = found.results[0];
  if (!record) throw new HttpError(404, `no passage "${id}"`);
  // Neighbours by position in the same document (ids are hex and dashes: safe in the filter).
  const siblings = await client.index(index).getDocuments<PassageRecord>({
    filter: `docId = "${record.docId}"`,
    fields: ['id', 'index', 'text'],
    limit: 10000,
  });
  const byIndex = new Map(siblings.results.map((p) => [p.index, p]));
  const shown = script ?? record.script;
  const show = (text: string) => (shown === record.script ? text : toScript(text, shown));
  const neighbour = (i: number) => {
    const p = byIndex.get(i);
    return p ? { id: p.id, text: show(p.text) } : null;
  };
  const figureSpans: Span[] = record.figures.map((f) => ({
    ...passageSpan(record, f),
    type: 'figure',
    label: `${f.metric || f.kind}: ${f.value}${f.unit} (${f.status})`,
  }));
  // Where the entities stage found each name (records from before it kept them have none to show).
  const entitySpans: Span[] = (record.mentions ?? []).map((m) => ({ ...passageSpan(record, m), type: m.type, label: m.canonical }));
  const spans = disjointSpans([...figureSpans, ...entitySpans].filter((s) => s.start >= 0 && s.end <= record.text.length && s.end > s.start));
  return {
    id: record.id,
    doc: record.doc,
    docId: record.docId,
    index: record.index,
    line: record.line,
    start: record.start,
    end: record.end,
    text: show(record.text),
    script: shown,
    person: record.person,
    place: record.place,
    org: record.org,
    // Figure texts and metrics are stored as in the source; show them in the script of the passage.
    figures: record.figures.map((f) => ({ ...f, text: show(f.text), metric: show(f.metric), period: show(f.period), unit: show(f.unit) })),
    spans,
    matches: queryMatches(record.norm, terms),
    before: neighbour(record.index - 1),
    after: neighbour(record.index + 1),
  };
}
