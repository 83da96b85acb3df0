// What decides the records of an index: the pipeline definition, the dictionaries and the zhpipe version.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PipelineConfig } from './config.js';

/** zhpipe's version, from package.json: a release that changes what the stages find re-annotates on ingest. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The shape of the records, changed when they gain fields between releases: 2 = document metadata (title,
 * date, source, url…) on every passage and figure, 3 = mention spans on every passage; a checkpoint from
 * before sends every file again.
 */
const RECORDS_FORMAT = '3';

/** A fingerprint of what decides the records: pipeline, dictionaries, zhpipe version, records format. */
export function pipelineFingerprint(config: PipelineConfig, dictionaryDir: string): string {
  const hash = createHash('sha256').update(VERSION).update(RECORDS_FORMAT).update(JSON.stringify(config));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = path.join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(entry).update(readFileSync(p));
    }
  };
  walk(dictionaryDir);
  return hash.digest('hex').slice(0, 12);
}

