// Pipeline definitions (pipeline/*.json): which components run, with which options, into which indexes.
// Validated with zod at start, so a malformed file is refused with the field named.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { Proximity, StageName } from '../schema.js';

export { StageName } from '../schema.js';

// The options of the stages that take some: each stage's schema (pipeline/stages.ts), kept here, where
// reading a pipeline file does not load the stages.
export const ReadOptions = z
  .object({
    /** Files larger than this are reported and skipped rather than read whole into memory. */
    maxFileMB: z.number().positive().max(4096).default(64),
  })
  .strict();
export const CleanOptions = z
  .object({
    /** Paragraphs longer than this are split at sentence ends. */
    maxPassageChars: z.number().int().min(50).max(20000).default(400),
  })
  .strict();
export const IndexOptions = z
  .object({
    passages: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('passages'),
    figures: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('figures'),
    /** Records per Meilisearch write: larger batches index faster (README, At scale). */
    batchSize: z.number().int().min(1).max(100000).default(5000),
    /** Writes in flight at once. */
    concurrency: z.number().int().min(1).max(16).default(2),
    proximity: Proximity.default('word'),
    /**
     * Largest request body in MB: a document's records are cut into requests under it. Meilisearch refuses
     * bodies over its payload limit (--http-payload-size-limit, 100 MB by default); keep this below it.
     */
    maxRequestMB: z.number().positive().max(1024).default(50),
  })
  .strict();

export const PipelineConfig = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** Components in order, spaCy-style: each runs after the ones whose fields it needs (pipeline/runner.ts). */
    stages: z.array(StageName).min(1),
    /** Folder of the custom dictionaries, relative to the pipeline file's project (the working directory). */
    dictionaries: z.string().default('dictionaries'),
    read: ReadOptions.default({ maxFileMB: 64 }),
    clean: CleanOptions.default({ maxPassageChars: 400 }),
    index: IndexOptions.default({ passages: 'passages', figures: 'figures', batchSize: 5000, concurrency: 2, proximity: 'word', maxRequestMB: 50 }),
  })
  .strict();
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
