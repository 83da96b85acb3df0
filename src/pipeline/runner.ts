// The one place stages run: createPipeline(config) checks that the configured order can work, loads each
// stage once, gathers the vocabularies the stages contribute, and runs the stages over a document in order.
// Ingest workers, reindex, `zhpipe figures`, `zhpipe entities` and the tests all go through it.
import { InputError } from '../errors.js';
import * as z from '../zod-mini.js';
import type { AnnotatedDocument, DocField, StageName } from '../schema.js';
import type { SegmenterWord } from '../stages/segment.js';
import { resolveFromProject, type PipelineConfig } from './config.js';
import type { LoadContext, SearchVocabulary, Stage } from './stage.js';
import { STAGES } from './stages.js';

/** A stage with its resources loaded, its types closed over. */
interface LoadedStage {
  name: StageName;
  requires: readonly DocField[];
  assigns: readonly DocField[];
  stage: object;
  resources: unknown;
  words: readonly SegmenterWord[];
  search: Partial<SearchVocabulary>;
  run(doc: AnnotatedDocument): void;
}

function loadStage<O, L>(stage: Stage<O, L>, section: unknown, context: LoadContext): LoadedStage {
  const parsed = z.safeParse(stage.options, section ?? {});
  if (!parsed.success) throw new InputError(`pipeline ${context.config.name}: stage ${stage.name}: ${parsed.error.issues[0]?.message ?? 'invalid options'}`);
  const loaded = stage.load(parsed.data, context);
  return {
    name: stage.name,
    requires: stage.requires,
    assigns: stage.assigns,
    stage,
    resources: loaded.resources,
    words: loaded.words ?? [],
    search: loaded.search ?? {},
    run: (doc) => stage.run(doc, loaded.resources),
  };
}

/** Each stage loaded with its section of the pipeline file (only read, clean and index have one). */
const LOADERS: { [N in StageName]: (context: LoadContext) => LoadedStage } = {
  read: (context) => loadStage(STAGES.read, context.config.read, context),
  clean: (context) => loadStage(STAGES.clean, context.config.clean, context),
  segment: (context) => loadStage(STAGES.segment, undefined, context),
  entities: (context) => loadStage(STAGES.entities, undefined, context),
  figures: (context) => loadStage(STAGES.figures, undefined, context),
  index: (context) => loadStage(STAGES.index, context.config.index, context),
};

const CANONICAL = Object.keys(STAGES) as StageName[];

/**
 * The stages to run: the configured ones in their order, or with `need`, only those the needed stages
 * require (transitively), with a needed stage the pipeline lacks put where it usually goes.
 */
export function resolveStages(config: PipelineConfig, need?: readonly StageName[]): StageName[] {
  if (!need) return [...new Set(config.stages)];
  const wanted = new Set<StageName>();
  const want = (name: StageName) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const field of STAGES[name].requires) {
      // What the pipeline runs for the field, else the usual stage for it.
      const by = config.stages.find((s) => STAGES[s].assigns.includes(field)) ?? CANONICAL.find((s) => STAGES[s].assigns.includes(field));
      if (by) want(by);
    }
  };
  need.forEach(want);
  const order = [...new Set(config.stages)].filter((s) => wanted.has(s));
  for (const name of CANONICAL) {
    if (!wanted.has(name) || order.includes(name)) continue;
    // After every stage that usually comes before it.
    const rank = CANONICAL.indexOf(name);
    let at = 0;
    order.forEach((s, i) => {
      if (CANONICAL.indexOf(s) < rank) at = i + 1;
    });
    order.splice(at, 0, name);
  }
  return order;
}

/** Refuses an order that cannot work, naming the stage and the field it would lack. */
export function checkOrder(name: string, stages: readonly StageName[]): void {
  const assigned = new Set<DocField>();
  for (const stage of stages) {
    for (const field of STAGES[stage].requires) {
      if (assigned.has(field)) continue;
      const by = stages.filter((s) => STAGES[s].assigns.includes(field));
      const fix = by.length
        ? `list ${by.join(' or ')} before ${stage}`
        : `add ${CANONICAL.filter((s) => STAGES[s].assigns.includes(field)).join(' or ')} before it`;
      throw new InputError(`pipeline ${name}: stage ${stage} requires ${field}, which no stage before it assigns: ${fix}`);
    }
    for (const field of STAGES[stage].assigns) assigned.add(field);
  }
}

export interface PipelineOptions {
  /** Only these stages and what they require (a command asking for what it prints); default: the configured ones. */
  need?: readonly StageName[];
  /** False: load nodejieba only when a document is first segmented (for a thread that needs only the vocabulary). */
  segmenter?: boolean;
}

export interface Pipeline {
  config: PipelineConfig;
  dictionaryDir: string;
  /** The stages run, in order. */
  stages: readonly StageName[];
  /** Words and synonyms for Meilisearch, from the stages that contribute them. */
  vocabulary: SearchVocabulary;
  /** What a stage loaded (its dictionaries), or undefined when the pipeline does not run it. */
  resources<L>(stage: { load(...args: never[]): { resources: L } }): L | undefined;
  /** Runs the stages a document still needs (those after the last whose fields it has), in order. */
  run(doc: AnnotatedDocument): AnnotatedDocument;
}

export function createPipeline(config: PipelineConfig, options: PipelineOptions = {}): Pipeline {
  const stages = resolveStages(config, options.need);
  checkOrder(config.name, stages);
  const dictionaryDir = resolveFromProject(config.dictionaries);
  const loaded: LoadedStage[] = [];
  const context: LoadContext = {
    config,
    dictionaryDir,
    contributedWords: () => loaded.flatMap((s) => s.words),
    dictionaryWords: () => loaded.flatMap((s) => s.search.words ?? []),
  };
  for (const name of stages) loaded.push(LOADERS[name](context));

  const words = new Set<string>();
  const synonyms: Record<string, string[]> = {};
  for (const { search } of loaded) {
    for (const w of search.words ?? []) words.add(w);
    for (const [key, values] of Object.entries(search.synonyms ?? {})) synonyms[key] = [...new Set([...(synonyms[key] ?? []), ...values])];
  }
  const byStage = new Map<object, unknown>(loaded.map((s) => [s.stage, s.resources]));

  const pipeline: Pipeline = {
    config,
    dictionaryDir,
    stages,
    vocabulary: { words: [...words], synonyms },
    resources: <L>(stage: { load(...args: never[]): { resources: L } }) => byStage.get(stage) as L | undefined,
    run(doc) {
      const has = (field: DocField) => doc.assigned.includes(field);
      let from = 0;
      loaded.forEach((s, i) => {
        if (s.assigns.length && s.assigns.every(has)) from = i + 1;
      });
      for (const stage of loaded.slice(from)) {
        const missing = stage.requires.find((field) => !has(field));
        if (missing !== undefined) {
          // A stage that could not fill its fields (a file that cannot be read) said why: the rest cannot run.
          if (doc.diagnostics.length && !doc.source) return doc;
          throw new Error(`stage ${stage.name} requires ${missing}, which the document (${doc.source?.doc ?? doc.input?.doc ?? 'unnamed'}) lacks`);
        }
        stage.run(doc);
      }
      return doc;
    },
  };
  if (options.segmenter !== false) {
    const segmenter = pipeline.resources(STAGES.segment);
    segmenter?.ready();
  }
  return pipeline;
}
