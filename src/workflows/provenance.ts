// Where an export came from: the pipeline definition (name and a hash of its settings), the dictionaries
// (a hash over every file), the zhpipe version and the time. Enough to tell whether two exports are comparable.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PipelineConfig } from '../pipeline/config.js';
import type { Provenance } from '../formats/export-file.js';



const PACKAGE_JSON = path.resolve(import.meta.dirname, '../../package.json');

export function zhpipeVersion(): string {
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')));
  return parsed.success ? parsed.data.version : 'unknown';
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Hash of the validated definition (key order and formatting do not change it). */
export function pipelineHash(config: PipelineConfig): string {
  return sha(JSON.stringify(canonical(config)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Hash over the names and contents of every file in the dictionaries folder. */
export function dictionariesHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir)) {
    hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export function provenance(config: PipelineConfig, dictionariesDir: string, query: string, filter: string[], now = new Date()): Provenance {
  return {
    zhpipe: zhpipeVersion(),
    pipeline: config.name,
    pipelineHash: pipelineHash(config),
    dictionariesHash: dictionariesHash(dictionariesDir),
    exportedAt: now.toISOString(),
    query,
    filter,
  };
}
