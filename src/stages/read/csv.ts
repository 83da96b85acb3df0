// CSV (and TSV) rows with a header line, parsed by csv-parse: quoted fields may hold commas, quotes and line breaks.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { UnreadableFileError } from '../read.js';
import type { LineNote, ParsedRows, Row } from './rows.js';

const Records = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }));

/** Parses decoded CSV text; rows are numbered by the line they start on. */
export function parseCsv(text: string, delimiter: ',' | '\t' = ','): ParsedRows {
  let records: z.infer<typeof Records>;
  try {
    // csv-parse's types do not follow its `info` option; the shape is checked instead.
    records = Records.parse(parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }));
  } catch (err) {
    // csv-parse names the line ("Invalid Closing Quote: … at line 3").
    throw new UnreadableFileError(`not valid CSV: ${(err as Error).message.slice(0, 200)}`);
  }
  const [header, ...body] = records;
  if (!header) throw new UnreadableFileError('no header line');
  const columns = header.record.map((c) => c.trim());
  const rows: Row[] = [];
  const warnings: LineNote[] = [];
  for (const { record, info } of body) {
    // csv-parse counts the line a record ends on; a quoted field with line breaks started that many lines before.
    const breaks = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const line = info.lines - breaks;
    if (record.length > columns.length) warnings.push({ line, reason: `${record.length} fields for ${columns.length} columns; the extra fields are ignored` });
    const values: Record<string, string> = {};
    columns.forEach((name, i) => {
      const value = record[i];
      if (name && value !== undefined) values[name] = value;
    });
    rows.push({ line, values });
  }
  return { columns, rows, skipped: [], warnings };
}
