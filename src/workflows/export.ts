// Custom corpora: the passages matching a query and filters, with their annotations (entities, figures) and
// provenance, written page by page as JSON Lines or CSV. The line format and its reader are in
// src/formats/export-file.ts.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { InputError, RuntimeError } from '../errors.js';
import type { PassageRecord } from '../schema.js';
import { parseFilter } from '../search/filter.js';
import { EXPORT_CSV_COLUMNS, toExportLine, type ExportLine } from '../formats/export-file.js';
import { toCsv } from '../formats/output.js';
import { pages } from './pages.js';
import { provenance } from './provenance.js';
import type { Workspace } from './workspace.js';

export const ExportFormat = z.enum(['jsonl', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportRequest = z.object({
  q: z.string().max(1000).default(''),
  /** Filter expressions as typed (`place = 上海`); kept as text for the provenance. */
  filter: z.array(z.string().max(500)).max(20).default([]),
  format: ExportFormat.default('jsonl'),
});
export type ExportRequest = z.input<typeof ExportRequest>;

function csvRow(line: ExportLine): Record<string, unknown> {
  const { entities, provenance: origin, map: _map, ...rest } = line;
  return {
    ...rest,
    ...entities,
    ...origin,
    filter: origin.filter.join(' AND '),
    figures: line.figures.length ? JSON.stringify(line.figures) : '',
    extra: Object.keys(line.extra).length ? JSON.stringify(line.extra) : '',
  };
}

/** Writes to a stream and waits when its buffer is full, so a slow reader slows the export, not memory. */
export function streamSink(stream: Writable): (chunk: string) => Promise<void> {
  return async (chunk) => {
    // A closed output (a browser that went away) ends the export instead of waiting for a drain forever.
    if (stream.destroyed) throw new RuntimeError('output closed before the export finished');
    if (stream.write(chunk)) return;
    const stop = new AbortController();
    try {
      await Promise.race([
        once(stream, 'drain', { signal: stop.signal }),
        once(stream, 'close', { signal: stop.signal }).then(() => {
          throw new RuntimeError('output closed before the export finished');
        }),
      ]);
    } finally {
      stop.abort();
    }
  };
}

/** Writes the matching passages to `write`, page by page; returns how many. */
export async function exportCorpus(
  ws: Workspace,
  input: ExportRequest,
  write: (chunk: string) => Promise<void>,
  options: { now?: Date; pageSize?: number } = {},
): Promise<{ passages: number }> {
  const request = ExportRequest.parse(input);
  const clauses = request.filter.flatMap(parseFilter);
  const origin = provenance(ws.config, ws.dictionariesDir, request.q, request.filter, options.now);
  let count = 0;
  for await (const page of pages<PassageRecord>({
    client: ws.client,
    index: ws.config.index.passages,
    target: 'passages',
    q: request.q,
    filter: clauses,
    regional: ws.regional,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  })) {
    const lines = page.map((record) => toExportLine(record, origin));
    if (request.format === 'jsonl') await write(lines.map((l) => JSON.stringify(l) + '\n').join(''));
    else await write(toCsv(lines.map(csvRow), EXPORT_CSV_COLUMNS, count === 0));
    count += lines.length;
  }
  // An empty CSV still gets its BOM and header, so spreadsheet users see the columns.
  if (count === 0 && request.format === 'csv') await write(toCsv([], EXPORT_CSV_COLUMNS, true));
  return { passages: count };
}

/** The export format a file name asks for. */
export function formatOfFile(file: string): ExportFormat {
  if (/\.jsonl$/i.test(file) || /\.ndjson$/i.test(file)) return 'jsonl';
  if (/\.csv$/i.test(file)) return 'csv';
  throw new InputError(`--out ${file}: expected a .jsonl or .csv file name (or give --format)`);
}
