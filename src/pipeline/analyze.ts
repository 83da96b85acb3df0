// The CPU side of the pipeline: files → read → clean → segment → entities → figures, one document at a
// time, as named in the pipeline definition. Bad files are yielded as skipped with their reason.
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Passage, SourceDoc, Token } from '../schema.js';
import { clean } from '../stages/clean.js';
import { readSource, UnreadableFileError } from '../stages/read.js';
import type { FieldNames } from '../stages/read/fields.js';
import { readRows, rowFormatOf, type RowFormat } from '../stages/read/rows.js';
import { segment } from '../stages/segment.js';
import type { PipelineConfig } from './config.js';

export interface AnalyzedPassage {
  passage: Passage;
  tokens: Token[];
}

export interface AnalyzedDoc {
  source: SourceDoc;
  passages: AnalyzedPassage[];
}

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
      if (path.resolve(first) !== path.resolve(p)) missing.push({ skipped: p, reason: stat.isDirectory() ? `symbolic link loop or repeat: the same directory as ${first}` : `the same file as ${first} (a link)` });
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

/** Reads one file into a SourceDoc, or says why it cannot be read. */
export function readFile(file: string): SourceDoc | SkippedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { skipped: file, reason: code === 'EACCES' ? 'permission denied' : `cannot read (${code})` };
  }
  try {
    return readSource(docName(file), bytes);
  } catch (err) {
    if (err instanceof UnreadableFileError) return { skipped: file, reason: err.message };
    throw err;
  }
}

/**
 * Passage ids come from the document and the content (stable across re-ingests), so two passages with the
 * same text in one document would share an id and Meilisearch would keep one of them. Cleaning drops whole
 * repeated paragraphs on purpose (a scraping artefact); what remains repeated (the same sentence chunk in two
 * places) is text at another position and is kept: each repeat gets its occurrence number (`<id>-2`, `<id>-3`
 * …), which is as stable as the file, and every passage counted is a record in the index.
 */
export function uniquePassageIds(passages: Passage[]): Passage[] {
  const seen = new Map<string, number>();
  return passages.map((passage) => {
    const n = (seen.get(passage.id) ?? 0) + 1;
    seen.set(passage.id, n);
    return n === 1 ? passage : { ...passage, id: `${passage.id}-${n}` };
  });
}

/** Runs the text stages over one document. */
export function analyzeSource(source: SourceDoc, config: PipelineConfig): AnalyzedDoc {
  const passages = uniquePassageIds(clean(source, config.clean));
  const segmenting = config.stages.includes('segment');
  return {
    source,
    passages: passages.map((passage) => ({ passage, tokens: segmenting ? segment(passage.text) : [] })),
  };
}

/** The documents of a JSONL/CSV/TSV file, one per row; unreadable rows (and files) as skipped, by line. */
function readRowFile(file: string, format: RowFormat, fields: FieldNames): Array<SourceDoc | SkippedFile> {
  try {
    const rows = readRows(docName(file), readFileSync(file), format, fields);
    return [...rows.skipped.map(({ line, reason }) => ({ skipped: `${file}:${line}`, reason })), ...rows.docs.map((d) => d.source)];
  } catch (err) {
    if (err instanceof UnreadableFileError) return [{ skipped: file, reason: err.message }];
    const code = (err as NodeJS.ErrnoException).code;
    if (code) return [{ skipped: file, reason: code === 'EACCES' ? 'permission denied' : `cannot read (${code})` }];
    throw err;
  }
}

/** Analyzes files and directories, yielding each document or skipped file in order. */
export async function* analyzePaths(paths: string[], config: PipelineConfig, fields: FieldNames = {}): AsyncGenerator<AnalyzedDoc | SkippedFile> {
  const { files, missing } = listInputs(paths);
  yield* missing;
  for (const file of files) {
    const format = rowFormatOf(file);
    for (const source of format ? readRowFile(file, format, fields) : [readFile(file)]) {
      yield 'skipped' in source ? source : analyzeSource(source, config);
    }
  }
}
