// A document's Meilisearch records through the pipeline (runner.ts): for ingest's main thread (zhpipe exports),
// its workers (worker.ts) and the tests.
import type { SourceDoc } from '../schema.js';
import type { PipelineConfig } from './config.js';
import { isRead, newDocument } from './document.js';
import { documentRecords, type DocumentRecords } from './records.js';
import type { EntityDictionaries } from '../stages/entities/index.js';
import { createPipeline, type Pipeline } from './runner.js';
import { entitiesStage } from './stages.js';

export type { DocumentRecords } from './records.js';

/** The pipeline, with the entity dictionaries at hand (undefined when it does not tag entities). */
export type Resources = Pipeline & { entities: EntityDictionaries | undefined };

/**
 * The pipeline with its dictionaries loaded. `segmenter: false` leaves nodejieba alone until a document is
 * segmented (its dictionaries take some 240 MB per thread): for a thread that only needs the vocabulary.
 */
export function loadResources(config: PipelineConfig, { segmenter = true } = {}): Resources {
  const pipeline = createPipeline(config, { segmenter });
  return { ...pipeline, entities: pipeline.resources(entitiesStage) };
}

/** Runs the stages over a document read already and builds its records. */
export function annotate(source: SourceDoc, pipeline: Pipeline): DocumentRecords {
  const doc = pipeline.run(newDocument(source));
  return isRead(doc) ? documentRecords(doc) : { passages: [], figures: [] };
}
