// The closed sets of names zhpipe's data uses (scripts, stages, entity types, figure kinds …), as zod enums.
// Apart from schema.ts (which re-exports them) so that a command needing only these, such as a search, does not
// build every record schema at start-up (about 10 ms).
import * as z from './zod-mini.js';

export const Encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5']);
export type Encoding = z.infer<typeof Encoding>;

/**
 * How Meilisearch measures the distance between query words: `word` ranks passages where they stand together
 * first; `attribute` only knows they share a field, and indexes some 1.8x faster (npm run bench:meili).
 */
export const Proximity = z.enum(['word', 'attribute']);
export type Proximity = z.infer<typeof Proximity>;

export const Script = z.enum(['simplified', 'traditional']);
export type Script = z.infer<typeof Script>;

export const EntityType = z.enum(['person', 'place', 'org']);
export type EntityType = z.infer<typeof EntityType>;

export const FigureKind = z.enum(['count', 'percent', 'percentage_point', 'money', 'measure', 'duration', 'ratio', 'multiple', 'rank']);
export type FigureKind = z.infer<typeof FigureKind>;

export const Qualifier = z.enum(['eq', 'gt', 'gte', 'lt', 'lte', 'approx', 'range']);
export type Qualifier = z.infer<typeof Qualifier>;

export const FigureStatus = z.enum(['target', 'actual', 'other']);
export type FigureStatus = z.infer<typeof FigureStatus>;

export const FigureChange = z.enum(['increase', 'decrease']);
export type FigureChange = z.infer<typeof FigureChange>;

/** The components of a pipeline (pipeline/*.json `stages`), in their usual order. */
export const StageName = z.enum(['read', 'clean', 'segment', 'entities', 'figures', 'index']);
export type StageName = z.infer<typeof StageName>;

/** What the stages of one annotated document fill: a stage requires some and assigns others (pipeline/stage.ts). */
export const DocField = z.enum(['source', 'passages', 'tokens', 'mentions', 'figures']);
export type DocField = z.infer<typeof DocField>;
