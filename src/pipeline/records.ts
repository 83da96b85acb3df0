// Turns analyzed passages into the records stored in Meilisearch (schema.ts: PassageRecord, FigureRecord).
import type { ReadDocument } from './document.js';
import {
  NO_META,
  type DocFields,
  type DocMention,
  type DocMeta,
  type FigureRecord,
  type MentionSpan,
  type Passage,
  type PassageRecord,
  type Token,
} from '../schema.js';
import { dateNumOf, monthOf } from '../text/dates.js';
import { normalizeForIndex } from '../text/script.js';
import { searchableWords } from '../text/searchable.js';

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

/** The years a figure speaks of, as the figures index stores them: from its period, else its sentence. */
export function figureYears(f: { period: string; sentence: string }): number[] {
  const years = yearsIn(f.period);
  return years.length ? years : yearsIn(f.sentence);
}

/** The canonical names of a passage's mentions by type, each once, in order of first mention. */
export function namesByType(mentions: readonly Pick<DocMention, 'type' | 'canonical'>[]): { person: string[]; place: string[]; org: string[] } {
  const names = (type: string) => [...new Set(mentions.filter((m) => m.type === type).map((m) => m.canonical))];
  return { person: names('person'), place: names('place'), org: names('org') };
}

/** Mention spans as a passage record keeps them. */
export const mentionSpans = (mentions: readonly DocMention[]): MentionSpan[] =>
  mentions.map(({ start, end, type, canonical }) => ({ start, end, type, canonical }));

export interface PassageAnnotations {
  person: string[];
  place: string[];
  org: string[];
  mentions: MentionSpan[];
  figures: FigureRecord[];
  /** The segmenter's words: where the searchable copy is cut. */
  tokens: readonly Pick<Token, 'start' | 'end'>[];
}

export const NO_ANNOTATIONS: PassageAnnotations = { person: [], place: [], org: [], mentions: [], figures: [], tokens: [] };

/** The document's metadata as every passage and figure of it carries it. */
export function docFields(meta: DocMeta = NO_META): DocFields {
  return {
    title: meta.title,
    date: meta.date,
    dateText: meta.dateText,
    dateNum: dateNumOf(meta.date),
    month: monthOf(meta.date),
    source: meta.source,
    url: meta.url,
  };
}

/** The fields of a passage record that make its passage again (reindex reads them from the index). */
export const PASSAGE_FIELDS = ['id', 'doc', 'docId', 'index', 'heading', 'start', 'end', 'text', 'map', 'script'] as const;
export type PassageFields = Pick<PassageRecord, (typeof PASSAGE_FIELDS)[number]>;

/** The passage a record was made of (its map unflattened). */
export function passageOfRecord(r: PassageFields): Passage {
  const map: Passage['map'] = [];
  for (let i = 0; i + 1 < r.map.length; i += 2) map.push([r.map[i] ?? 0, r.map[i + 1] ?? 0]);
  return { id: r.id, doc: r.doc, docId: r.docId, index: r.index, heading: r.heading, start: r.start, end: r.end, text: r.text, map, script: r.script };
}

export function toPassageRecord(passage: Passage, lines: number[], notes: PassageAnnotations, meta: DocMeta = NO_META): PassageRecord {
  const norm = normalizeForIndex(passage.text);
  const figures = notes.figures.map(({ start, end, text, value, valueHi, unit, kind, qualifier, metric, period, status, currency, change, base }) => ({
    start,
    end,
    text,
    value,
    valueHi,
    unit,
    kind,
    qualifier,
    metric,
    period,
    status,
    currency,
    change,
    base,
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
    norm,
    words: searchableWords(norm, notes.tokens),
    map: passage.map.flat(),
    script: passage.script,
    person: notes.person,
    place: notes.place,
    org: notes.org,
    mentions: notes.mentions,
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

export interface DocumentRecords {
  passages: PassageRecord[];
  figures: FigureRecord[];
}

/** The Meilisearch records of an annotated document; figures carry the place and organization of their passage. */
export function documentRecords(doc: ReadDocument): DocumentRecords {
  const { source } = doc;
  const lines = lineStarts(source.original);
  const fields = docFields(source.meta);
  const passages: PassageRecord[] = [];
  const figures: FigureRecord[] = [];
  for (const { passage, mentions, figures: found, tokens } of doc.passages) {
    const names = namesByType(mentions);
    const passageFigures: FigureRecord[] = found.map((f) => ({
      ...f,
      doc: source.doc,
      docId: source.docId,
      passageId: passage.id,
      year: figureYears(f),
      place: names.place,
      org: names.org,
      ...fields,
    }));
    figures.push(...passageFigures);
    passages.push(toPassageRecord(passage, lines, { ...names, mentions: mentionSpans(mentions), figures: passageFigures, tokens }, source.meta));
  }
  return { passages, figures };
}
