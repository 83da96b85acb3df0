// Files of many documents: a JSONL or CSV/TSV file, one document per row. Each row's text field is its
// document's text as read (offsets point into it); the other columns become its metadata. Rows without text,
// and rows repeating an earlier row's id, are reported by line and skipped; the other rows are read.
import path from 'node:path';
import type { SourceDoc } from '../../schema.js';
import { dateFromFileName } from '../../text/dates.js';
import { dateNotUnderstood, decode, docIdOf, sourceOf, UnreadableFileError } from '../read.js';
import { parseCsv } from './csv.js';
import { missingColumns, pickColumns, rowFields, type FieldNames } from './fields.js';
import { parseJsonl } from './jsonl.js';

export interface Row {
  line: number;
  values: Record<string, string>;
}

export interface LineNote {
  line: number;
  reason: string;
}

export interface ParsedRows {
  columns: string[];
  rows: Row[];
  skipped: LineNote[];
  warnings: LineNote[];
}

export type RowFormat = 'jsonl' | 'csv' | 'tsv';

/** The row format a file name says, or undefined for a file of one document. */
export function rowFormatOf(file: string): RowFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv') return 'tsv';
  return undefined;
}

export interface RowDocuments {
  docs: Array<{ line: number; source: SourceDoc }>;
  skipped: LineNote[];
  warnings: LineNote[];
}

/** The document name of a row: the file's name and the line the row starts on (`news.jsonl#12`). */
export const rowDocName = (doc: string, line: number) => `${doc}#${line}`;

/** Reads a JSONL/CSV/TSV file's rows into documents. Throws UnreadableFileError for a file that has none. */
export function readRows(doc: string, bytes: Uint8Array, format: RowFormat, named: FieldNames = {}): RowDocuments {
  const { text, encoding } = decode(bytes);
  const parsed = format === 'jsonl' ? parseJsonl(text) : parseCsv(text, format === 'tsv' ? '\t' : ',');
  const missing = missingColumns(parsed.columns, named);
  if (missing.length) throw new UnreadableFileError(`${missing.join(', ')}: no such column (columns: ${parsed.columns.join(', ') || 'none'})`);
  const columns = pickColumns(parsed.columns, named);
  if (columns.text === undefined) {
    throw new UnreadableFileError(`no text column (columns: ${parsed.columns.join(', ') || 'none'}); name it with --text-field`);
  }
  const fileDate = dateFromFileName(doc);
  const docs: RowDocuments['docs'] = [];
  const skipped = [...parsed.skipped];
  const warnings = [...parsed.warnings];
  const lineOfKey = new Map<string, number>();
  for (const { line, values } of parsed.rows) {
    const fields = rowFields(values, columns, fileDate);
    if (fields.text.trim() === '') {
      skipped.push({ line, reason: `no text (column "${columns.text}")` });
      continue;
    }
    // The id or url keeps a row's passages' ids when rows are added or reordered; else its line does.
    const key = fields.key ?? `line ${line}`;
    const first = lineOfKey.get(key);
    if (first !== undefined) {
      skipped.push({ line, reason: `same ${columns.id !== undefined && values[columns.id] ? 'id' : 'url'} as line ${first} (${key.slice(0, 80)})` });
      continue;
    }
    lineOfKey.set(key, line);
    if (fields.badDate !== null) warnings.push({ line, reason: dateNotUnderstood(fields.badDate) });
    const source = sourceOf(rowDocName(doc, line), docIdOf(`${doc}#${key}`), fields.text, encoding, fields.meta);
    docs.push({ line, source });
  }
  if (docs.length === 0 && parsed.rows.length === 0 && skipped.length === 0) throw new UnreadableFileError('no rows');
  return { docs, skipped, warnings };
}
