// The CPU stages in a worker thread: bytes of one file in, its Meilisearch records (or why it was skipped) out.
import type { DocumentRecords } from './annotate.js';
import { annotate, loadResources, type Resources } from './annotate.js';
import type { PipelineConfig } from './config.js';
import { readSource, UnreadableFileError } from '../stages/read.js';

export interface WorkerTask {
  doc: string;
  bytes: Uint8Array;
  config: PipelineConfig;
}

export type WorkerResult =
  | ({ ok: true; docId: string; chars: number } & DocumentRecords)
  | { ok: false; reason: string };

let cached: { key: string; resources: Resources } | undefined;

function resourcesFor(config: PipelineConfig): Resources {
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, resources: loadResources(config) };
  return cached.resources;
}

export function runTask(task: WorkerTask): WorkerResult {
  try {
    const source = readSource(task.doc, task.bytes);
    const records = annotate(source, resourcesFor(task.config));
    return { ok: true, docId: source.docId, chars: source.original.length, ...records };
  } catch (err) {
    if (err instanceof UnreadableFileError) return { ok: false, reason: err.message };
    throw err;
  }
}

export default runTask;
