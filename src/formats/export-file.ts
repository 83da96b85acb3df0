// The zhpipe export file: one JSON line per passage with its doc, offsets, text, offset map, annotations,
// document metadata and provenance; and reading it back (`zhpipe ingest corpus.jsonl` rebuilds each document
// from its passages). Below the CLI, the server and the pipeline, which all use it.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { DocFields, Passage, PassageRecord, type DocMeta, type SourceDoc } from '../schema.js';
import { sourceOf } from '../stages/read.js';

/** Where an export came from: pipeline, dictionaries, zhpipe version, time, query and filters. */
export const Provenance = z.object({
  zhpipe: z.string(),
  pipeline: z.string(),
  pipelineHash: z.string(),
  dictionariesHash: z.string(),
  exportedAt: z.string(),
  query: z.string(),
  filter: z.array(z.string()),
});
export type Provenance = z.infer<typeof Provenance>;

/** One exported passage (one JSONL line). */
// The passage fields come from the schemas, so an export line and a passage cannot drift apart.
export const ExportLine = Passage.pick({
  id: true,
  doc: true,
  docId: true,
  index: true,
  heading: true,
  start: true,
  end: true,
  text: true,
  script: true,
}).extend({
  line: PassageRecord.shape.line,
  /** Passage-text index → original-text index, flattened [at0, src0, at1, src1, …]. */
  map: PassageRecord.shape.map,
  entities: PassageRecord.pick({ person: true, place: true, org: true }),
  year: PassageRecord.shape.year,
  figures: PassageRecord.shape.figures,
  /** The document's metadata (exports before 0.4 lack it: null). */
  ...DocFields.pick({ title: true, date: true, dateText: true, source: true, url: true }).shape,
  author: PassageRecord.shape.author.default(null),
  extra: PassageRecord.shape.extra.default({}),
  provenance: Provenance,
});
export type ExportLine = z.infer<typeof ExportLine>;

export const EXPORT_CSV_COLUMNS = [
  'id',
  'doc',
  'docId',
  'index',
  'start',
  'end',
  'line',
  'heading',
  'script',
  'text',
  'person',
  'place',
  'org',
  'year',
  'figures',
  // The document's metadata after the passage's own columns, so readers of older exports find theirs in place.
  'title',
  'date',
  'dateText',
  'source',
  'url',
  'author',
  'extra',
  'zhpipe',
  'pipeline',
  'pipelineHash',
  'dictionariesHash',
  'exportedAt',
  'query',
  'filter',
];

export function toExportLine(record: PassageRecord, origin: Provenance): ExportLine {
  return {
    id: record.id,
    doc: record.doc,
    docId: record.docId,
    index: record.index,
    heading: record.heading,
    start: record.start,
    end: record.end,
    line: record.line,
    text: record.text,
    script: record.script,
    map: record.map,
    entities: { person: record.person, place: record.place, org: record.org },
    year: record.year,
    figures: record.figures,
    title: record.title ?? null,
    date: record.date ?? null,
    dateText: record.dateText ?? null,
    source: record.source ?? null,
    url: record.url ?? null,
    author: record.author ?? null,
    extra: record.extra ?? {},
    provenance: origin,
  };
}

/** Whether a .jsonl file is a zhpipe export (its first line is an export line) rather than rows of documents. */
export function isExportFile(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.subarray(0, 1 << 20))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const first = text.split('\n').find((line) => line.trim() !== '');
  if (first === undefined) return false;
  try {
    const json: unknown = JSON.parse(first);
    return typeof json === 'object' && json !== null && 'provenance' in json && 'map' in json && 'docId' in json;
  } catch {
    return false;
  }
}

/** Reads a JSONL export back, line by line (bounded memory); bad lines are reported with their number. */
export async function* readExport(file: string): AsyncIterable<ExportLine> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const raw of lines) {
      number++;
      const text = (number === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (!text) continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new InputError(`${file}:${number}: not a JSON line (is this a zhpipe JSONL export?)`);
      }
      const parsed = ExportLine.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`${file}:${number}: field "${issue?.path.join('.') || '(line)'}": ${issue?.message ?? 'invalid'}`);
      }
      yield parsed.data;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`${file}: file not found`);
    throw err;
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * Rebuilds a document's text from its exported passages: every passage character goes back to its original
 * offset (through the passage's map), so offsets in the rebuilt text agree with the source's. Gaps between
 * passages become newlines (paragraph breaks); gaps inside a passage (markup, entities, layout breaks the
 * clean stage removed) become an inline tag or a line break, which reading and cleaning remove again.
 */
export function rebuildDocument(passages: ExportLine[]): { doc: string; docId: string; text: string; meta: DocMeta } {
  const first = passages[0];
  if (!first) throw new InputError('rebuildDocument: no passages');
  const length = Math.max(...passages.map((p) => p.end));
  const chars: string[] = new Array<string>(length).fill('\n');
  for (const p of passages) {
    const anchors: Array<[number, number]> = [];
    for (let i = 0; i + 1 < p.map.length; i += 2) anchors.push([p.map[i] ?? 0, p.map[i + 1] ?? 0]);
    let a = 0;
    let previous = -1;
    for (let i = 0; i < p.text.length; i++) {
      while (a + 1 < anchors.length && (anchors[a + 1]?.[0] ?? Infinity) <= i) a++;
      const anchor = anchors[a];
      const src = anchor && i >= anchor[0] ? anchor[1] + (i - anchor[0]) : p.start + i;
      if (src >= length) continue;
      if (previous >= 0 && src - previous > 1) fillInner(chars, previous + 1, src);
      chars[src] = p.text[i] ?? '\n';
      previous = src;
    }
  }
  // A heading marked in the source (Markdown `#`) gets its mark back where the gap before it has room.
  const placed = new Set(passages.map((p) => p.start));
  for (const p of passages) {
    const room = p.start === 2 || (p.start > 2 && chars[p.start - 3] === '\n');
    if (p.heading && room && chars[p.start - 2] === '\n' && chars[p.start - 1] === '\n' && !placed.has(p.start - 1)) {
      chars[p.start - 2] = '#';
      chars[p.start - 1] = ' ';
    }
  }
  const meta: DocMeta = {
    title: first.title,
    date: first.date,
    dateText: first.dateText,
    source: first.source,
    url: first.url,
    author: first.author,
    extra: first.extra,
  };
  return { doc: first.doc, docId: first.docId, text: chars.join(''), meta };
}

/** Fills a gap inside a passage with something the read and clean stages drop: a tag, or a line break. */
function fillInner(chars: string[], from: number, to: number): void {
  const n = to - from;
  const filler = n >= 3 ? `<i${' '.repeat(n - 3)}>` : n === 2 ? '\r\n' : '\n';
  for (let k = 0; k < n; k++) chars[from + k] = filler[k] ?? ' ';
}

/**
 * The documents of a JSONL export, rebuilt (see rebuildDocument) and read as the read stage reads a file,
 * for `zhpipe ingest corpus.jsonl`. Passages are grouped by document in memory (text and map only).
 */
export async function* exportedSources(file: string): AsyncIterable<SourceDoc> {
  const byDoc = new Map<string, ExportLine[]>();
  for await (const line of readExport(file)) {
    const list = byDoc.get(line.docId);
    if (list) list.push(line);
    else byDoc.set(line.docId, [line]);
  }
  for (const passages of byDoc.values()) {
    const rebuilt = rebuildDocument(passages);
    // Read as text whatever the original was (an HTML page's article, a row's text field), with the docId and metadata exported.
    yield sourceOf(rebuilt.doc, rebuilt.docId, rebuilt.text, 'utf-8', rebuilt.meta);
  }
}
