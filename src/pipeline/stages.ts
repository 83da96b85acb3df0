// The stages of zhpipe as the runner knows them (stage.ts): each wraps its module under src/stages/ and
// maps what it finds to source offsets, once, here.
import path from 'node:path';
import { z } from 'zod';
import type { AnnotatedPassage, Passage, StageName } from '../schema.js';
import { clean } from '../stages/clean.js';
import {
  dictionarySynonyms,
  searchDictionaryWords,
  dictionaryWords,
  documentOfPassages,
  loadEntityDictionaries,
  tagEntities,
  type EntityDictionaries,
} from '../stages/entities/index.js';
import { documentRegion, extractFigures, loadDictionaries } from '../stages/figures/index.js';
import { dateNotUnderstood, readSource, UnreadableFileError } from '../stages/read.js';
import { addWords, forceWords, segment } from '../stages/segment.js';
import { spanToSource } from '../text/offsets.js';
import { loadRegional, loadWords, regionalSynonyms } from '../vocabulary.js';
import { CleanOptions, IndexOptions, ReadOptions } from './config.js';
import { sourceOf, type Stage } from './stage.js';

const NoOptions = z.object({}).strict();

/** Stage "read": a file's bytes into its source (text, map, metadata); what cannot be read, a diagnostic. */
export const readStage: Stage<ReadOptions, null> = {
  name: 'read',
  requires: [],
  assigns: ['source'],
  options: ReadOptions,
  load: () => ({ resources: null }),
  run(doc) {
    if (!doc.input) return;
    const file = doc.input.doc;
    try {
      doc.source = readSource(file, doc.input.bytes);
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      doc.diagnostics.push({ file, line: null, stage: 'read', reason: err.message });
      return;
    }
    doc.assigned.push('source');
    const meta = doc.source.meta;
    if (meta?.dateText != null && meta.date === null) doc.diagnostics.push({ file, line: null, stage: 'read', reason: dateNotUnderstood(meta.dateText) });
  },
};
type ReadOptions = z.infer<typeof ReadOptions>;

/**
 * Passage ids come from the document and the content (stable across re-ingests), so two passages with the
 * same text in one document would share an id and Meilisearch would keep one of them. Cleaning drops whole
 * repeated paragraphs on purpose (a scraping artefact); what remains repeated (the same sentence chunk in two
 * places) is text at another position and is kept: each repeat gets its occurrence number (`<id>-2`, `<id>-3`
 * …), which is as stable as the file, and every passage counted is a record in the index.
 */
export function uniquePassageIds(passages: Passage[]): Passage[] {
  const seen = new Map<string, number>();
  return passages.map((passage) => {
    const n = (seen.get(passage.id) ?? 0) + 1;
    seen.set(passage.id, n);
    return n === 1 ? passage : { ...passage, id: `${passage.id}-${n}` };
  });
}

/** A passage before the text stages. */
export const bare = (passage: Passage): AnnotatedPassage => ({ passage, tokens: [], mentions: [], figures: [] });

/** Stage "clean": the source into passages (layout breaks and repeated paragraphs removed). */
export const cleanStage: Stage<z.infer<typeof CleanOptions>, z.infer<typeof CleanOptions>> = {
  name: 'clean',
  requires: ['source'],
  assigns: ['passages'],
  options: CleanOptions,
  load: (options) => ({ resources: options }),
  run(doc, options) {
    doc.passages = uniquePassageIds(clean(sourceOf(doc, 'clean'), options)).map(bare);
    doc.assigned.push('passages');
  },
};

/**
 * Stage "segment": nodejieba's words of each passage. Its load is the one place the segmenter's vocabulary is
 * assembled: the project's words (dictionaries/words.txt), then every word the other stages contribute. They
 * go into nodejieba when the stage first runs (its dictionaries cost some 240 MB a thread, which a thread that
 * only needs the vocabulary, like ingest's main thread, never pays).
 */
export const segmentStage: Stage<Record<string, never>, { ready: () => void }> = {
  name: 'segment',
  requires: ['passages'],
  assigns: ['tokens'],
  options: NoOptions,
  load(_options, context) {
    const words = loadWords(context.dictionaryDir);
    let ready = false;
    return {
      resources: {
        ready() {
          if (ready) return;
          addWords(words);
          addWords(context.contributedWords());
          // Meilisearch's tokenizer cuts its dictionary's words whole wherever they occur; ours does too, so
          // that 主任何军 is 主任/何军 for both, not 主/任何/军 here (which hid the name and the title).
          forceWords(context.dictionaryWords());
          ready = true;
        },
      },
      search: { words: words.map((w) => w.word), synonyms: regionalSynonyms(loadRegional(context.dictionaryDir)) },
    };
  },
  run(doc, { ready }) {
    ready();
    for (const p of doc.passages) p.tokens = segment(p.passage.text);
    doc.assigned.push('tokens');
  },
};

/** Stage "entities": person, place and organization mentions, with their canonical names. */
export const entitiesStage: Stage<Record<string, never>, EntityDictionaries> = {
  name: 'entities',
  requires: ['passages', 'tokens'],
  assigns: ['mentions'],
  options: NoOptions,
  load(_options, context) {
    const dicts = loadEntityDictionaries(path.join(context.dictionaryDir, 'entities'), { fresh: true });
    const words = dictionaryWords(dicts);
    return { resources: dicts, words, search: { words: searchDictionaryWords(dicts), synonyms: dictionarySynonyms(dicts) } };
  },
  run(doc, dicts) {
    // A name said twice in the document is evidence of a person: the document as its passages read (reindex
    // rebuilds the same text from the index).
    const document = doc.documentText ?? documentOfPassages(doc.passages.map(({ passage }) => passage.text));
    for (const p of doc.passages) {
      p.mentions = tagEntities(p.passage.text, p.tokens, dicts, { document }).map((m) => ({ ...m, ...spanToSource(p.passage.map, m.start, m.end) }));
    }
    doc.assigned.push('mentions');
  },
};

/** Stage "figures": every quantitative figure, with value, unit, qualifier, metric, period and status. */
export const figuresStage: Stage<Record<string, never>, { dictionaryDir: string }> = {
  name: 'figures',
  requires: ['source', 'passages', 'tokens'],
  assigns: ['figures'],
  options: NoOptions,
  load(_options, { dictionaryDir }) {
    loadDictionaries(dictionaryDir);
    return { resources: { dictionaryDir } };
  },
  run(doc, { dictionaryDir }) {
    // Bare 元 takes the currency of the document's region, which the whole text tells better than one passage.
    const region = documentRegion(sourceOf(doc, 'figures').text);
    for (const p of doc.passages) {
      // Places the entities stage found (when it ran first) tell a breakdown by place (其中合肥2万个).
      const places = new Set(p.mentions.filter((m) => m.type === 'place').map((m) => m.text));
      p.figures = extractFigures(p.passage.text, p.tokens, { dictionaries: dictionaryDir, region, places }).map((f) => ({
        ...f,
        ...spanToSource(p.passage.map, f.start, f.end),
        id: `${p.passage.id}-${f.start}`,
      }));
    }
    doc.assigned.push('figures');
  },
};

/** Stage "index": the sink. Ingest writes each document's records (records.ts) to Meilisearch with these options. */
export const indexStage: Stage<z.infer<typeof IndexOptions>, z.infer<typeof IndexOptions>> = {
  name: 'index',
  requires: ['source', 'passages'],
  assigns: [],
  options: IndexOptions,
  load: (options) => ({ resources: options }),
  run: () => undefined,
};

/** Every stage by the name pipeline files give it. */
export const STAGES = {
  read: readStage,
  clean: cleanStage,
  segment: segmentStage,
  entities: entitiesStage,
  figures: figuresStage,
  index: indexStage,
} as const satisfies Record<StageName, unknown>;
