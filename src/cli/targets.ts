// `zhpipe targets`: every quantitative target of the `figures` index as a table, CSV (UTF-8 with BOM) or
// JSON Lines, optionally grouped by metric, document, place or period.
import { Command } from 'commander';
import { InputError } from '../errors.js';
import { parseFilter } from '../search/filter.js';
import { FIGURE_COLUMNS, GroupBy, groupedRows, groupFigures, listTargets, type FigureRow } from '../workflows/targets.js';
import { workspace } from '../workflows/workspace.js';
import { collect, connectFor, pipelineOf } from './context.js';
import { OutputFormat, formatRows, toTable } from '../formats/output.js';

function parseOption<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  value: string,
  option: string,
  allowed: readonly string[],
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InputError(`${option} ${value}: expected one of ${allowed.join(', ')}`);
  return parsed.data;
}

const TABLE_COLUMNS = ['value', 'valueHi', 'unit', 'qualifier', 'metric', 'period', 'place', 'org', 'date', 'source', 'doc', 'start', 'end', 'sentence'];

/** Table output prints a heading per group; CSV and JSONL get a leading `group` column instead. */
export function renderTargets(rows: FigureRow[], format: OutputFormat, groupBy: GroupBy | undefined): string {
  const columns = [...FIGURE_COLUMNS];
  // A terminal is narrow: the table leaves out what CSV and JSONL keep (kind, status, the figure text).
  const tableColumns = TABLE_COLUMNS.filter((c) => c !== groupBy);
  if (format === 'table' && !groupBy) return toTable(rows, tableColumns, 28);
  if (!groupBy) return formatRows(rows, format, columns);
  if (format === 'table') {
    return groupFigures(rows, groupBy)
      .map((g) => `== ${groupBy}: ${g.key} (${g.rows.length})\n${toTable(g.rows, tableColumns, 28)}`)
      .join('\n');
  }
  return formatRows(groupedRows(rows, groupBy), format, ['group', ...columns]);
}

export function targetsCommand(): Command {
  return new Command('targets')
    .description('list every quantitative target (figures with status target) from the figures index')
    .option('--filter <expr>', 'FIELD OP VALUE (place = 上海, unit = 个, year >= 2025, period = 全年); repeatable, AND-ed', collect)
    .option('--query <text>', 'only figures whose metric or sentence matches these words (either script)')
    .option('--group-by <field>', `group rows by ${GroupBy.options.join('|')}`)
    .option('--format <format>', 'table, csv (UTF-8 with BOM) or jsonl', 'table')
    .option('--pipeline <file>', 'pipeline definition (index names, dictionaries)', 'pipeline/default.json')
    .action(async (options: { filter?: string[]; query?: string; groupBy?: string; format: string; pipeline: string }, command: Command) => {
      const format = parseOption(OutputFormat, options.format, '--format', OutputFormat.options);
      const groupBy = options.groupBy === undefined ? undefined : parseOption(GroupBy, options.groupBy, '--group-by', GroupBy.options);
      const filter = (options.filter ?? []).flatMap(parseFilter);
      const config = pipelineOf(options.pipeline);
      const { client } = await connectFor(command, 'search');
      const rows = await listTargets(workspace(client, config), { q: options.query ?? '', filter });
      if (format === 'table' && rows.length === 0) {
        process.stderr.write('no targets found (are figures indexed? `zhpipe ingest` fills the figures index)\n');
        return;
      }
      process.stdout.write(renderTargets(rows, format, groupBy));
    });
}
