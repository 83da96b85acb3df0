// Turns analyzed passages into the records stored in Meilisearch (schema.ts: PassageRecord, FigureRecord).
import { NO_META, type DocFields, type DocMeta, type FigureRecord, type Passage, type PassageRecord } from '../schema.js';
import { dateNumOf, monthOf } from '../text/dates.js';
import { normalizeForIndex } from '../text/script.js';

/** Line starts of a text, for turning offsets into 1-based line numbers. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Years a passage speaks of (2024年, 2025年度), for the `year` facet. */
export function yearsIn(text: string): number[] {
  const years = new Set<number>();
  for (const m of text.matchAll(/(?<![0-9])((?:19|20)[0-9]{2})(?=年)/g)) years.add(Number(m[1]));
  return [...years].sort();
}

export interface PassageAnnotations {
  person: string[];
  place: string[];
  org: string[];
  figures: FigureRecord[];
}

export const NO_ANNOTATIONS: PassageAnnotations = { person: [], place: [], org: [], figures: [] };

/** The document's metadata as every passage and figure of it carries it. */
export function docFields(meta: DocMeta = NO_META): DocFields {
  return { title: meta.title, date: meta.date, dateText: meta.dateText, dateNum: dateNumOf(meta.date), month: monthOf(meta.date), source: meta.source, url: meta.url };
}

export function toPassageRecord(passage: Passage, lines: number[], notes: PassageAnnotations, meta: DocMeta = NO_META): PassageRecord {
  const figures = notes.figures.map(({ start, end, text, value, valueHi, unit, kind, qualifier, metric, period, status, currency, change, base }) => ({
    start, end, text, value, valueHi, unit, kind, qualifier, metric, period, status, currency, change, base,
  }));
  return {
    id: passage.id,
    doc: passage.doc,
    docId: passage.docId,
    index: passage.index,
    heading: passage.heading,
    start: passage.start,
    end: passage.end,
    line: lineOf(lines, passage.start),
    text: passage.text,
    norm: normalizeForIndex(passage.text),
    map: passage.map.flat(),
    script: passage.script,
    person: notes.person,
    place: notes.place,
    org: notes.org,
    year: yearsIn(passage.text),
    figures,
    figureKinds: [...new Set(figures.map((f) => f.kind))],
    units: [...new Set(figures.map((f) => f.unit))],
    hasFigure: figures.length > 0,
    hasTarget: figures.some((f) => f.status === 'target'),
    ...docFields(meta),
    author: meta.author,
    extra: meta.extra,
  };
}
