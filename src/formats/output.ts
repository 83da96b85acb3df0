// Writing records for other tools: JSON Lines, CSV (UTF-8 with BOM so Excel and WPS detect the encoding)
// and a plain table for terminals.
import { stringify } from 'csv-stringify/sync';
import * as z from '../zod-mini.js';

export const OutputFormat = z.enum(['jsonl', 'csv', 'table']);
export type OutputFormat = z.infer<typeof OutputFormat>;

export const CSV_BOM = '\uFEFF';

type Row = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('|');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…) in a scraped article
// would be live in Excel): such text cells get a leading apostrophe, which spreadsheets show as text. Numbers
// (a negative change) stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell: the text of a value, made inert if a spreadsheet would read it as a formula. */
export function csvCell(value: unknown): string {
  const text = cell(value);
  return typeof value !== 'number' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** One JSON object per line. */
export function toJsonl(rows: Iterable<Row>): string {
  let out = '';
  for (const row of rows) out += JSON.stringify(row) + '\n';
  return out;
}

/** CSV with a header row; `withBom` starts a file (set false when appending further chunks). */
export function toCsv(rows: Iterable<Row>, columns: string[], withBom = true): string {
  const records = [...rows].map((row) => columns.map((c) => csvCell(row[c])));
  return (withBom ? CSV_BOM : '') + stringify(records, { header: withBom, columns });
}

// Control characters a terminal would obey rather than show: C0 (but tab and newline), DEL, C1, and the
// bidirectional overrides that reorder a line. Text and file names come from untrusted files: `\x1b]52;…`
// could set the clipboard, `\x1b[2J` clear the screen.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: every control character shown as an inert `\u{1b}` instead of acting. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}

/**
 * A reader that closed the pipe (`zhpipe figures | head -1`) has all it wanted: the command ends quietly with
 * status 0 instead of crashing on EPIPE. Any other output error is one line and status 1.
 */
export function endQuietlyOnClosedPipe(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      if (stream !== process.stderr) process.stderr.write(`zhpipe: cannot write the output: ${err.message}\n`);
      process.exit(1);
    });
  }
}

/** Display width: CJK and full-width characters take two terminal columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6) ||
        code >= 0x20000)
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

/** An aligned text table for a terminal (control characters made inert); long cells are cut at `maxCell` columns. */
export function toTable(rows: Iterable<Row>, columns: string[], maxCell = 40): string {
  const cells = [...rows].map((row) => columns.map((c) => truncate(terminalSafe(cell(row[c]).replace(/\s+/g, ' ')), maxCell)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((v, i) => pad(v, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** Formats rows in the requested format. */
export function formatRows(rows: Row[], format: OutputFormat, columns: string[]): string {
  if (format === 'jsonl') return toJsonl(rows);
  if (format === 'csv') return toCsv(rows, columns);
  return toTable(rows, columns);
}

/**
 * Writes rows to stdout as they come: JSON Lines and CSV (one BOM and header) stream, so a large input starts
 * printing at once; a table waits for all rows, since its column widths depend on them.
 */
export class RowWriter {
  private started = false;
  private readonly held: Row[] = [];

  constructor(
    private readonly format: OutputFormat,
    private readonly columns: string[],
    private readonly tableColumns: string[] = columns,
    private readonly out: NodeJS.WritableStream = process.stdout,
  ) {}

  write(rows: Row[]): void {
    if (this.format === 'table') this.held.push(...rows);
    else if (this.format === 'jsonl') this.out.write(toJsonl(rows));
    else this.out.write(toCsv(rows, this.columns, !this.started));
    this.started = true;
  }

  /** Finishes the output: the table, or a CSV header when no rows came, so the columns are still there. */
  end(): void {
    if (this.format === 'table') this.out.write(toTable(this.held, this.tableColumns, 28));
    else if (this.format === 'csv' && !this.started) this.out.write(toCsv([], this.columns, true));
  }
}
