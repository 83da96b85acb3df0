// What a stage of the pipeline is (spaCy's components, unified's plugins): a name, the fields of the annotated
// document it requires and assigns, its options (a zod schema over its section of pipeline/*.json), a `load`
// step run once per pipeline, and `run` over one document. The runner (runner.ts) is the only caller.
import type { $ZodType } from 'zod/v4/core';
import type { AnnotatedDocument, DocField, SourceDoc, StageName } from '../schema.js';
import type { SegmenterWord } from '../stages/segment.js';
import type { PipelineConfig } from './config.js';

/** Words and synonyms that Meilisearch gets, so its tokenizer cuts text as the segmenter does. */
export interface SearchVocabulary {
  words: string[];
  synonyms: Record<string, string[]>;
}

export interface LoadContext {
  config: PipelineConfig;
  /** The pipeline's dictionaries folder, resolved. */
  dictionaryDir: string;
  /**
   * The words the other stages contribute to the segmenter (their `words`), in pipeline order. Complete once
   * every stage has loaded: a stage reads it when it first runs, not while loading.
   */
  contributedWords: () => readonly SegmenterWord[];
  /** The words every stage gives Meilisearch's dictionary (their `search.words`); complete once every stage has loaded. */
  dictionaryWords: () => readonly string[];
}

/** What `load` returns: the stage's resources, and what it adds to the shared vocabularies. */
export interface Loaded<L> {
  resources: L;
  /** Words the segmenter must know so this stage finds what it looks for (entity names). */
  words?: readonly SegmenterWord[];
  /** Words and synonyms for the search index. */
  search?: Partial<SearchVocabulary>;
}

export interface Stage<O, L> {
  name: StageName;
  requires: readonly DocField[];
  assigns: readonly DocField[];
  /** Its options, from the pipeline file's section of the same name (defaults when there is none). */
  /** zod or zod/mini: both build on zod's core (config.ts holds the mini ones). */
  options: $ZodType<O>;
  load(options: O, context: LoadContext): Loaded<L>;
  /** Fills the document's `assigns` fields; passage-local offsets stay inside the stage. */
  run(doc: AnnotatedDocument, resources: L): void;
}

/** The document's source, which a stage requiring `source` can count on (the runner checked it). */
export function sourceOf(doc: AnnotatedDocument, stage: StageName): SourceDoc {
  if (!doc.source) throw new Error(`stage ${stage} ran on a document without its source (${doc.input?.doc ?? 'not read'})`);
  return doc.source;
}
