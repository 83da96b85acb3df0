// Files and directories into documents to annotate: the inputs listed, each file read (a JSONL/CSV file into
// its rows). Bad files are yielded as skipped with their reason.
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { SourceDoc, StageName } from '../schema.js';
import { readErrorReason, UnreadableFileError } from '../stages/read.js';
import type { FieldNames } from '../stages/read/fields.js';
import { readRows, rowFormatOf, type RowFormat } from '../stages/read/rows.js';
import { PipelineConfig } from './config.js';
import { isRead, newDocument, unreadable, type ReadDocument } from './document.js';
import { createPipeline, type Pipeline } from './runner.js';

/** A document as read (its source), which a pipeline then annotates. */
export type AnalyzedDoc = ReadDocument;

export interface SkippedFile {
  skipped: string;
  reason: string;
}

export function isSkipped(item: AnalyzedDoc | SkippedFile): item is SkippedFile {
  return 'skipped' in item;
}

/** The document name of a file: relative to the working directory when inside it, else absolute. */
export function docName(file: string): string {
  const abs = path.resolve(file);
  const rel = path.relative(process.cwd(), abs);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
}

/** What a path is when it is neither a file nor a directory, for the skip reason. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Expands paths (files and directories, recursively; hidden entries skipped) into files in a stable order.
 * Links are followed, but each real directory and file is visited once (by device and inode): a link back
 * up the tree (`ln -s . loop`) would otherwise recurse until the path is too long, and a file reached by two
 * paths would be indexed twice. Such repeats, and FIFOs, devices and sockets, are reported as skipped.
 */
export function listInputs(paths: string[]): { files: string[]; missing: SkippedFile[] } {
  const files: string[] = [];
  const missing: SkippedFile[] = [];
  const seen = new Map<string, string>();
  const walk = (p: string) => {
    let stat;
    try {
      stat = statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'ELOOP' ? 'symbolic link loop' : `cannot access (${code})`;
      missing.push({ skipped: p, reason });
      return;
    }
    if (!stat.isDirectory() && !stat.isFile()) {
      missing.push({ skipped: p, reason: `${kindOf(stat)}, not a file or directory` });
      return;
    }
    const key = `${stat.dev}:${stat.ino}`;
    const first = seen.get(key);
    if (first !== undefined) {
      // The same path named twice is simply read once; another path to it is a link worth reporting.
      if (path.resolve(first) !== path.resolve(p))
        missing.push({
          skipped: p,
          reason: stat.isDirectory() ? `symbolic link loop or repeat: the same directory as ${first}` : `the same file as ${first} (a link)`,
        });
      return;
    }
    seen.set(key, p);
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(p).sort();
      } catch (err) {
        missing.push({ skipped: p, reason: `cannot read directory (${(err as NodeJS.ErrnoException).code})` });
        return;
      }
      for (const entry of entries) if (!entry.startsWith('.')) walk(path.join(p, entry));
    } else {
      files.push(p);
    }
  };
  for (const p of paths) walk(p);
  return { files, missing };
}

const reading = new Map<string, Pipeline>();

/** The pipeline of `config` up to `stage`, loaded once per process (reading and cleaning load nothing much). */
function pipelineUpTo(config: PipelineConfig, stage: StageName): Pipeline {
  const key = `${stage}\0${JSON.stringify(config)}`;
  let pipeline = reading.get(key);
  if (!pipeline) reading.set(key, (pipeline = createPipeline(config, { need: [stage] })));
  return pipeline;
}

const READ_ONLY = PipelineConfig.parse({ name: 'read', stages: ['read'] });

/** Reads one file through the read stage, or says why it cannot be read. */
function readDocument(file: string, config: PipelineConfig): ReadDocument | SkippedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { skipped: file, reason: readErrorReason(err) };
  }
  const doc = pipelineUpTo(config, 'read').run(newDocument({ doc: docName(file), bytes }));
  return isRead(doc) ? doc : { skipped: file, reason: unreadable(doc) ?? 'not read' };
}

/** Reads one file into a SourceDoc, or says why it cannot be read. */
export function readFile(file: string): SourceDoc | SkippedFile {
  const doc = readDocument(file, READ_ONLY);
  return isSkipped(doc) ? doc : doc.source;
}

/** Cleans a document into passages, segmented when the pipeline segments (as ingest would). */
export function analyzeSource(source: SourceDoc, config: PipelineConfig): ReadDocument {
  const doc = pipelineUpTo(config, config.stages.includes('segment') ? 'segment' : 'clean').run(newDocument(source));
  if (!isRead(doc)) throw new Error(`${source.doc}: not read`);
  return doc;
}

/** The documents of a JSONL/CSV/TSV file, one per row; unreadable rows (and files) as skipped, by line. */
function readRowFile(file: string, format: RowFormat, fields: FieldNames): Array<ReadDocument | SkippedFile> {
  try {
    const rows = readRows(docName(file), readFileSync(file), format, fields);
    const docs = rows.docs.map((d) => ({ ...newDocument(d.source), source: d.source }));
    return [...rows.skipped.map(({ line, reason }) => ({ skipped: `${file}:${line}`, reason })), ...docs];
  } catch (err) {
    if (err instanceof UnreadableFileError) return [{ skipped: file, reason: err.message }];
    if ((err as NodeJS.ErrnoException).code) return [{ skipped: file, reason: readErrorReason(err) }];
    throw err;
  }
}

/**
 * Reads files and directories, yielding each document (read: the caller's pipeline runs the other stages) or
 * skipped file in order.
 */
export async function* analyzePaths(paths: string[], config: PipelineConfig, fields: FieldNames = {}): AsyncGenerator<AnalyzedDoc | SkippedFile> {
  const { files, missing } = listInputs(paths);
  yield* missing;
  for (const file of files) {
    const format = rowFormatOf(file);
    yield* format ? readRowFile(file, format, fields) : [readDocument(file, config)];
  }
}
