// The CPU stages in a worker thread: bytes of one file in, its Meilisearch records (or why it was skipped) out.
import type { Diagnostic, SourceDoc } from '../schema.js';
import type { PipelineConfig } from './config.js';
import { isRead, newDocument, unreadable } from './document.js';
import { documentRecords, type DocumentRecords } from './records.js';
import { createPipeline, type Pipeline } from './runner.js';

/** A file's bytes to read (text or HTML), or a document already read (a row of a JSONL or CSV file). */
export interface WorkerTask {
  doc: string;
  bytes?: Uint8Array;
  source?: SourceDoc;
  config: PipelineConfig;
}

export type WorkerResult = ({ ok: true; docId: string; chars: number; diagnostics: Diagnostic[] } & DocumentRecords) | { ok: false; reason: string };

let cached: { key: string; pipeline: Pipeline } | undefined;

function pipelineFor(config: PipelineConfig): Pipeline {
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, pipeline: createPipeline(config) };
  return cached.pipeline;
}

export function runTask(task: WorkerTask): WorkerResult {
  const doc = pipelineFor(task.config).run(newDocument(task.source ?? { doc: task.doc, bytes: task.bytes ?? new Uint8Array() }));
  if (!isRead(doc)) return { ok: false, reason: unreadable(doc) ?? 'not read' };
  return { ok: true, docId: doc.source.docId, chars: doc.source.original.length, diagnostics: doc.diagnostics, ...documentRecords(doc) };
}

export default runTask;
