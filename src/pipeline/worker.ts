// The CPU stages in a worker thread: bytes of one file in, its Meilisearch records (or why it was skipped) out.
import type { DocumentRecords } from './annotate.js';
import { annotate, loadResources, type Resources } from './annotate.js';
import type { PipelineConfig } from './config.js';
import { readSource, UnreadableFileError } from '../stages/read.js';
import type { SourceDoc } from '../schema.js';

/** A file's bytes to read (text or HTML), or a document already read (a row of a JSONL or CSV file). */
export interface WorkerTask {
  doc: string;
  bytes?: Uint8Array;
  source?: SourceDoc;
  config: PipelineConfig;
}

export type WorkerResult =
  | ({ ok: true; docId: string; chars: number; warning?: string } & DocumentRecords)
  | { ok: false; reason: string };

let cached: { key: string; resources: Resources } | undefined;

function resourcesFor(config: PipelineConfig): Resources {
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, resources: loadResources(config) };
  return cached.resources;
}

export function runTask(task: WorkerTask): WorkerResult {
  try {
    const source = task.source ?? readSource(task.doc, task.bytes ?? new Uint8Array());
    const records = annotate(source, resourcesFor(task.config));
    // A row's date was reported when its file was read.
    const bad = !task.source && source.meta?.dateText != null && source.meta.date === null ? source.meta.dateText : undefined;
    return { ok: true, docId: source.docId, chars: source.original.length, ...records, ...(bad === undefined ? {} : { warning: `date "${bad.slice(0, 60)}" not understood; kept as written (dateText), no date` }) };
  } catch (err) {
    if (err instanceof UnreadableFileError) return { ok: false, reason: err.message };
    throw err;
  }
}

export default runTask;
