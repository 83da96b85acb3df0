// Figures and targets as a table: every figure of the `figures` index that matches a query and filters
// (targets: status = target), flattened into rows, optionally grouped. Shared by `zhpipe targets` and the
// HTTP API.
import { z } from 'zod';
import { FigureRecord, FigureStatus, type PassageRecord } from '../schema.js';
import { FilterClause, toMeiliFilter } from '../search/filter.js';
import { prepareQuery } from '../search/query.js';
import { normalizeForIndex } from '../text/script.js';
import { regionalSynonyms } from '../vocabulary.js';
import { explainMissingIndex, PAGE_SIZE } from '../meili/pages.js';
import { pages } from './pages.js';
import type { Workspace } from './workspace.js';

export const GroupBy = z.enum(['metric', 'doc', 'place', 'period', 'source', 'month']);
export type GroupBy = z.infer<typeof GroupBy>;

export const FiguresRequest = z.object({
  /** Figures whose metric or sentence holds every word; empty: every figure. */
  q: z.string().max(1000).default(''),
  filter: z.array(FilterClause).max(20).default([]),
  /** `all` keeps every status. */
  status: z.union([FigureStatus, z.literal('all')]).default('all'),
  /** Upper bound on rows, so a table stays a table. */
  max: z.number().int().min(1).max(100000).default(100000),
});
export type FiguresRequest = z.input<typeof FiguresRequest>;

export const FigureRow = z.object({
  value: z.number(),
  valueHi: z.number().nullable(),
  unit: z.string(),
  qualifier: z.string(),
  kind: z.string(),
  metric: z.string(),
  period: z.string(),
  status: FigureStatus,
  place: z.array(z.string()),
  org: z.array(z.string()),
  year: z.array(z.number().int()),
  doc: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  sentence: z.string(),
  id: z.string(),
  passageId: z.string(),
  /** The document's title, ISO date, month (YYYY-MM), source and URL, or null. */
  title: z.string().nullable(),
  date: z.string().nullable(),
  month: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
});
export type FigureRow = z.infer<typeof FigureRow>;

/** Column order of CSV and table output. */
export const FIGURE_COLUMNS = [
  'value',
  'valueHi',
  'unit',
  'qualifier',
  'kind',
  'metric',
  'period',
  'status',
  'place',
  'org',
  'doc',
  'start',
  'end',
  'text',
  'sentence',
  'title',
  'date',
  'source',
  'url',
] as const;

export function toRow(record: FigureRecord): FigureRow {
  const { value, valueHi, unit, qualifier, kind, metric, period, status, place, org, year, doc, start, end, text, sentence, id, passageId } = record;
  // Figures indexed before 0.4 have no document metadata.
  const meta = { title: record.title ?? null, date: record.date ?? null, month: record.month ?? null, source: record.source ?? null, url: record.url ?? null };
  return { value, valueHi, unit, qualifier, kind, metric, period, status, place, org, year, doc, start, end, text, sentence, id, passageId, ...meta };
}

/** Whether a text (simplified) holds every term in one of its readings or their regional synonyms. */
export function holdsEvery(text: string, terms: string[][], synonyms: Record<string, string[]>): boolean {
  return terms.every((readings) => readings.some((r) => text.includes(r) || (synonyms[r] ?? []).some((s) => text.includes(s))));
}

/**
 * The figures a query finds, a page of passages at a time in the passages' relevance order. The figures index
 * keeps no searchable text (a figure's sentence is part of its passage, and indexing it twice was a third of
 * Meilisearch's work, issue 23): the passages index finds the passages holding every word, and of their
 * figures those whose metric or sentence holds every term are kept.
 */
async function* figuresByQuery(ws: Workspace, q: string, filter: FilterClause[], max: number): AsyncGenerator<FigureRecord[]> {
  const { terms } = prepareQuery(q, ws.regional);
  const synonyms = regionalSynonyms(ws.regional);
  const figureFilter = toMeiliFilter(filter, 'figures');
  const figures = ws.client.index<FigureRecord>(ws.config.index.figures);
  const missing = explainMissingIndex(ws.config.index.figures);
  let count = 0;
  for await (const passages of pages<Pick<PassageRecord, 'id'>>({
    client: ws.client,
    index: ws.config.index.passages,
    target: 'passages',
    q,
    filter: [],
    regional: ws.regional,
    fields: ['id'],
  })) {
    const rank = new Map(passages.map((p, i) => [p.id, i]));
    // Ids are ours (hex and dashes); JSON quoting is Meilisearch's string syntax for them.
    const ids = `passageId IN [${passages.map((p) => JSON.stringify(p.id)).join(', ')}]`;
    const where = figureFilter ? `(${figureFilter}) AND ${ids}` : ids;
    const found: FigureRecord[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const { results } = await figures.getDocuments<FigureRecord>({ filter: where, offset, limit: PAGE_SIZE }).catch(missing);
      found.push(...results.filter((f) => holdsEvery(normalizeForIndex(`${f.metric}\n${f.sentence}`), terms, synonyms)));
      if (results.length < PAGE_SIZE) break;
    }
    found.sort((a, b) => (rank.get(a.passageId) ?? 0) - (rank.get(b.passageId) ?? 0) || a.start - b.start);
    const taken = found.slice(0, max - count);
    count += taken.length;
    if (taken.length) yield taken;
    if (count >= max) return;
  }
}

/** Every matching figure: in document order, or for a query in the order of its passages' relevance. */
export async function listFigures(ws: Workspace, input: FiguresRequest): Promise<FigureRow[]> {
  const request = FiguresRequest.parse(input);
  const filter = request.status === 'all' ? request.filter : [...request.filter, { field: 'status' as const, op: '=' as const, value: request.status }];
  const rows: FigureRow[] = [];
  const source = request.q.trim()
    ? figuresByQuery(ws, request.q, filter, request.max)
    : pages<FigureRecord>({ client: ws.client, index: ws.config.index.figures, target: 'figures', q: '', filter, regional: ws.regional, max: request.max });
  for await (const page of source) rows.push(...page.map(toRow));
  // Search order is relevance; a table reads best in document order.
  if (!request.q.trim()) rows.sort((a, b) => (a.doc === b.doc ? a.start - b.start : a.doc < b.doc ? -1 : 1));
  return rows;
}

export function listTargets(ws: Workspace, input: Omit<FiguresRequest, 'status'>): Promise<FigureRow[]> {
  return listFigures(ws, { ...input, status: 'target' });
}

export interface FigureGroup {
  key: string;
  rows: FigureRow[];
}

export const NO_VALUE = '—';

export function groupKey(row: FigureRow, by: GroupBy): string {
  const key = by === 'place' ? row.place.join('、') : row[by];
  return key || NO_VALUE;
}

/** Groups rows by a field, largest group first; rows keep their order within a group. */
export function groupFigures(rows: FigureRow[], by: GroupBy): FigureGroup[] {
  const groups = new Map<string, FigureRow[]>();
  for (const row of rows) {
    const key = groupKey(row, by);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, rows: list }))
    .sort((a, b) => b.rows.length - a.rows.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Rows in group order with the group as a leading field, for CSV and JSONL. */
export function groupedRows(rows: FigureRow[], by: GroupBy): Array<{ group: string } & FigureRow> {
  return groupFigures(rows, by).flatMap((g) => g.rows.map((r) => ({ group: g.key, ...r })));
}
