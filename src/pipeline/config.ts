// Pipeline definitions (pipeline/*.json): which components run, with which options, into which indexes.
// Validated with zod at start, so a malformed file is refused with the field named.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from '../zod-mini.js';
import { InputError } from '../errors.js';
import { Proximity, StageName } from '../enums.js';

export { StageName } from '../enums.js';

// The options of the stages that take some: each stage's schema (pipeline/stages.ts), kept here, where
// reading a pipeline file does not load the stages.
/** A number from `min` to `max` (a whole one when `int`), `fallback` when absent. */
const bounded = (min: number, max: number, fallback: number, int = false) =>
  z._default((int ? z.int() : z.number()).check(z.minimum(min), z.maximum(max)), fallback);
const indexName = (fallback: string) => z._default(z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)), fallback);

export const ReadOptions = z.strictObject({
  /** Files larger than this are reported and skipped rather than read whole into memory. */
  maxFileMB: z._default(z.number().check(z.positive(), z.maximum(4096)), 64),
});
export const CleanOptions = z.strictObject({
  /** Paragraphs longer than this are split at sentence ends. */
  maxPassageChars: bounded(50, 20000, 400, true),
});
export const IndexOptions = z.strictObject({
  passages: indexName('passages'),
  figures: indexName('figures'),
  /** Records per Meilisearch write: larger batches index faster (README, At scale). */
  batchSize: bounded(1, 100000, 5000, true),
  /**
   * Writes in flight at once (sent and not yet indexed). Several let Meilisearch merge the additions that wait
   * for it into one batch when it falls behind the stages (docs/benchmarks.md, "Writes Meilisearch can merge").
   */
  concurrency: bounded(1, 16, 8, true),
  proximity: z._default(Proximity, 'word'),
  /**
   * Largest request body in MB: a document's records are cut into requests under it. Meilisearch refuses
   * bodies over its payload limit (--http-payload-size-limit, 100 MB by default); keep this below it.
   */
  maxRequestMB: z._default(z.number().check(z.positive(), z.maximum(1024)), 50),
});

export const PipelineConfig = z.strictObject({
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  /** Components in order, spaCy-style: each runs after the ones whose fields it needs (pipeline/runner.ts). */
  stages: z.array(StageName).check(z.minLength(1)),
  /** Folder of the custom dictionaries, relative to the pipeline file's project (the working directory). */
  dictionaries: z._default(z.string(), 'dictionaries'),
  read: z._default(ReadOptions, { maxFileMB: 64 }),
  clean: z._default(CleanOptions, { maxPassageChars: 400 }),
  index: z._default(IndexOptions, { passages: 'passages', figures: 'figures', batchSize: 5000, concurrency: 8, proximity: 'word', maxRequestMB: 50 }),
});
export type PipelineConfig = z.infer<typeof PipelineConfig>;

export const DEFAULT_PIPELINE = 'pipeline/default.json';

/** Reads and validates a pipeline file; errors name the file and the field. */
export function loadPipeline(file = DEFAULT_PIPELINE): PipelineConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new InputError(`pipeline ${file}: ${reason}`);
  }
  const parsed = PipelineConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new InputError(`pipeline ${file}: field "${field}": ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Resolves a path named in a pipeline file against the working directory. */
export function resolveFromProject(p: string): string {
  return path.resolve(process.cwd(), p);
}
