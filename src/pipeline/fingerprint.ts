// What decides the records of an index: the pipeline definition, the dictionaries and the zhpipe version. The
// hashes here also say where an export came from (workflows/provenance.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from '../zod-mini.js';
import { fromRoot } from '../root.js';
import type { PipelineConfig } from './config.js';

/** zhpipe's version, from package.json: a release that changes what the stages find re-annotates on ingest. */
export const VERSION: string = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'))).version;

/**
 * The shape of the records, changed when they gain fields between releases: 2 = document metadata (title,
 * date, source, url…) on every passage and figure, 3 = mention spans on every passage, 4 = the searchable words (text/searchable.ts); a checkpoint from
 * before sends every file again.
 */
const RECORDS_FORMAT = '4';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

const sha = (data: string) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Hash of the validated definition (key order and formatting do not change it). */
export function pipelineHash(config: PipelineConfig): string {
  return sha(JSON.stringify(canonical(config)));
}

/** Hash over the names (relative to `dir`) and contents of every file in the dictionaries folder. */
export function dictionariesHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** A fingerprint of what decides the records: pipeline, dictionaries, zhpipe version, records format. */
export function pipelineFingerprint(config: PipelineConfig, dictionaryDir: string): string {
  return sha([VERSION, RECORDS_FORMAT, pipelineHash(config), dictionariesHash(dictionaryDir)].join('\0')).slice(0, 12);
}
