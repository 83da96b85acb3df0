// The data model of zhpipe. Every type used across stages is inferred from a zod schema here (its enums from
// enums.ts), so the schemas are the single source of truth for what flows between stages and into Meilisearch.
import { z } from 'zod';
import { DocField, Encoding, EntityType, FigureChange, FigureKind, FigureStatus, Qualifier, Script, StageName } from './enums.js';

// The enums live in enums.ts, small enough for a search's start-up to load without the records' schemas.
export { DocField, Encoding, EntityType, FigureChange, FigureKind, FigureStatus, Proximity, Qualifier, Script, StageName } from './enums.js';

/**
 * An anchor of an offset map: from derived index `at` on, derived index i maps to source index
 * `src + (i - at)`, until the next anchor. A map is a list of anchors sorted by `at`.
 */
export const Anchor = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Anchor = z.infer<typeof Anchor>;
export const OffsetMap = z.array(Anchor);
export type OffsetMap = z.infer<typeof OffsetMap>;

/**
 * What is known about a document besides its text: from a JSONL or CSV row's columns, an HTML page's <title>
 * and <meta>, or a date in the file name. `date` is ISO (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that
 * is given) or null; `dateText` the date as written (kept when it could not be read as a date).
 */
export const DocMeta = z.object({
  title: z.string().nullable(),
  date: z.string().nullable(),
  dateText: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  /** Other columns of a row, as text. */
  extra: z.record(z.string(), z.string()),
});
export type DocMeta = z.infer<typeof DocMeta>;

export const NO_META: DocMeta = { title: null, date: null, dateText: null, source: null, url: null, author: null, extra: {} };

/** A file (or one row of a JSONL/CSV file) as read: the original decoded text, and the text with markup removed plus its map back. */
export const SourceDoc = z.object({
  doc: z.string(),
  docId: z.string(),
  encoding: Encoding,
  original: z.string(),
  text: z.string(),
  map: OffsetMap,
  /** Absent: nothing known (NO_META). */
  meta: DocMeta.optional(),
});
export type SourceDoc = z.infer<typeof SourceDoc>;

/**
 * A token from the segmenter; offsets are into the passage text (UTF-16, end exclusive). `text` is the word as
 * the segmenter read it: in simplified script for a traditional passage (stages/segment.ts).
 */
export const Token = z.object({
  text: z.string(),
  tag: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Token = z.infer<typeof Token>;

/** An entity mention; `start`/`end` are into the document's original decoded text. */
export const Mention = z.object({
  doc: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: EntityType,
  text: z.string(),
  canonical: z.string(),
});
export type Mention = z.infer<typeof Mention>;

/** A quantitative figure (DESIGN.md contract); `start`/`end` are into the original decoded text. */
export const Figure = z.object({
  doc: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  value: z.number(),
  valueHi: z.number().nullable(),
  unit: z.string(),
  kind: FigureKind,
  qualifier: Qualifier,
  metric: z.string(),
  period: z.string(),
  status: FigureStatus,
  // The three fields below are optional so records written before them still parse; the figures stage
  // always sets them (null when they do not apply).
  /** ISO 4217 code of a money figure (CNY, TWD, HKD, USD …; BTC); null when not money or not known. */
  currency: z.string().nullish(),
  /** A change (增加/下降 N, 比上年增长 N) rather than a level; null for a level. */
  change: z.nullish(FigureChange),
  /** What a change is measured against (上年, 2020年, 上年年初预算); null when not stated. Never the period. */
  base: z.string().nullish(),
  sentence: z.string(),
});
export type Figure = z.infer<typeof Figure>;

/** A passage: a paragraph (or a part of an overlong one) with layout breaks removed. */
export const Passage = z.object({
  id: z.string(),
  doc: z.string(),
  docId: z.string(),
  /** Position of the passage within its document, from 0. */
  index: z.number().int().nonnegative(),
  heading: z.boolean(),
  /** Offsets into the document's original decoded text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The passage as written in the source, cleaned of layout breaks and markup. */
  text: z.string(),
  /** Maps passage-text indices to the original decoded text. */
  map: OffsetMap,
  script: Script,
});
export type Passage = z.infer<typeof Passage>;

/**
 * The document's metadata on each of its passages and figures: `dateNum` (YYYYMMDD, 00 for a missing month or
 * day) is what date filters and the date sort use, `month` (YYYY-MM) the facet. Older records lack them.
 */
export const DocFields = z.object({
  title: z.string().nullable().default(null),
  date: z.string().nullable().default(null),
  dateText: z.string().nullable().default(null),
  dateNum: z.number().int().nullable().default(null),
  month: z.string().nullable().default(null),
  source: z.string().nullable().default(null),
  url: z.string().nullable().default(null),
});
export type DocFields = z.infer<typeof DocFields>;

/** An entity mention as a passage record keeps it: offsets into the document's original decoded text. */
export const MentionSpan = Mention.pick({ start: true, end: true, type: true, canonical: true });
export type MentionSpan = z.infer<typeof MentionSpan>;

/** A passage as stored in the Meilisearch `passages` index. */
export const PassageRecord = z.object({
  id: z.string(),
  doc: z.string(),
  docId: z.string(),
  index: z.number().int(),
  heading: z.boolean(),
  start: z.number().int(),
  end: z.number().int(),
  /** 1-based line of `start` in the original text, for people reading results. */
  line: z.number().int(),
  text: z.string(),
  /** Simplified, width-folded copy of `text`, index for index: what a match is judged and highlighted on. */
  norm: z.string(),
  /** `norm` with U+3000 at the segmenter's word boundaries (text/searchable.ts): what Meilisearch searches; older records lack it. */
  words: z.string().default(''),
  /** The offset map, flattened: [at0, src0, at1, src1, …]. */
  map: z.array(z.number().int()),
  script: Script,
  person: z.array(z.string()),
  place: z.array(z.string()),
  org: z.array(z.string()),
  /** Where each entity stands, in the original text: what the passage view highlights (older records lack it). */
  mentions: z.array(MentionSpan).default([]),
  year: z.array(z.number().int()),
  figures: z.array(Figure.omit({ doc: true, sentence: true })),
  figureKinds: z.array(FigureKind),
  units: z.array(z.string()),
  hasFigure: z.boolean(),
  hasTarget: z.boolean(),
  ...DocFields.shape,
  author: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
});
export type PassageRecord = z.infer<typeof PassageRecord>;

/** A figure as stored in the Meilisearch `figures` index. */
export const FigureRecord = Figure.extend({
  id: z.string(),
  docId: z.string(),
  passageId: z.string(),
  year: z.array(z.number().int()),
  place: z.array(z.string()),
  org: z.array(z.string()),
  ...DocFields.shape,
});
export type FigureRecord = z.infer<typeof FigureRecord>;

/**
 * Something a stage has to say about a document: a file it cannot read, a date it cannot understand. `file`
 * names the document (`FILE` or `FILE#LINE`), `line` the line of the file when known.
 */
export const Diagnostic = z.object({
  file: z.string(),
  line: z.number().int().positive().nullable(),
  stage: StageName,
  reason: z.string(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** A mention in an annotated document: offsets into the original text; `text` is the passage's text there. */
export const DocMention = Mention.omit({ doc: true });
export type DocMention = z.infer<typeof DocMention>;

/**
 * A figure in an annotated document: offsets into the original text; `text` and `sentence` are the passage's
 * text (a line break inside the figure is gone), as the figures index stores them. `id` comes from the passage
 * and the figure's place in it.
 */
export const DocFigure = Figure.omit({ doc: true }).extend({ id: z.string() });
export type DocFigure = z.infer<typeof DocFigure>;

/**
 * A passage with what the stages found in it. `tokens` are the segmenter's working output, the one span kept
 * in passage-text offsets: the later stages read them against the passage text, and nothing outputs them.
 */
export const AnnotatedPassage = z.object({
  passage: Passage,
  tokens: z.array(Token),
  mentions: z.array(DocMention),
  figures: z.array(DocFigure),
});
export type AnnotatedPassage = z.infer<typeof AnnotatedPassage>;

/**
 * One document through the pipeline (as spaCy's Doc or unified's VFile): the input, the source once read, its
 * passages with their tokens, mentions and figures (every span in source offsets), what each stage had to say,
 * and which fields the stages have filled (`assigned`), so the runner never runs a stage twice.
 */
export const AnnotatedDocument = z.object({
  /** The name and bytes of a file not yet read (absent for a document read already, like a row). */
  input: z.object({ doc: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }).optional(),
  /** Null until read, and when the document cannot be read (a diagnostic says why), or rebuilt from the index. */
  source: SourceDoc.nullable(),
  passages: z.array(AnnotatedPassage),
  /**
   * The document as its passages read (documentOfPassages), when `passages` holds only some of them: reindex
   * re-tags a few passages and counts names in the whole document. Absent: the passages are the document.
   */
  documentText: z.string().optional(),
  diagnostics: z.array(Diagnostic),
  assigned: z.array(DocField),
});
export type AnnotatedDocument = z.infer<typeof AnnotatedDocument>;
