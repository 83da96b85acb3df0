// `zhpipe figures [paths...]`: every quantitative figure — number, unit, qualifier, metric, period and
// status — with offsets into the original decoded text (DESIGN.md contract). Runs the text stages locally;
// no Meilisearch needed.
import { Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { type Figure, FigureKind, FigureStatus } from '../schema.js';
import { analyzePaths, isSkipped } from '../pipeline/analyze.js';
import { loadResources } from '../pipeline/annotate.js';
import { extractFigures } from '../stages/figures/index.js';
import { spanToSource } from '../text/offsets.js';
import { collect, pipelineOf } from './context.js';
import { OutputFormat, toCsv, toJsonl, toTable } from './output.js';

export const FIGURE_FIELDS = ['doc', 'start', 'end', 'text', 'value', 'valueHi', 'unit', 'kind', 'qualifier', 'metric', 'period', 'status', 'sentence'] as const;
// A terminal is narrow: the table leaves out the offsets and the sentence, which CSV and JSONL keep.
const TABLE_FIELDS = ['text', 'value', 'valueHi', 'unit', 'kind', 'qualifier', 'status', 'metric', 'period', 'doc'];

interface FiguresOptions {
  format: OutputFormat;
  status?: FigureStatus;
  kind?: string[];
  unit?: string[];
  pipeline: string;
}

/** Values of a repeatable option, each possibly comma-separated. */
function listOption(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(/[,，]/)).map((v) => v.trim()).filter(Boolean);
}

export function figuresCommand(): Command {
  return new Command('figures')
    .description('list every figure (number, unit, qualifier, metric, period, status) with source offsets (default input: corpus/)')
    .argument('[paths...]', 'files or directories to read', ['corpus'])
    .addOption(new Option('--format <format>', 'jsonl, csv (UTF-8 with BOM) or table').choices(OutputFormat.options).default('jsonl'))
    .addOption(new Option('--status <status>', 'only target, actual or other figures').choices(FigureStatus.options))
    .option('--kind <kind>', `only these kinds (${FigureKind.options.join(', ')}); repeatable or comma-separated`, collect)
    .option('--unit <unit>', 'only these units (个, 元, %, 个百分点 …); repeatable or comma-separated', collect)
    .option('--pipeline <file>', 'pipeline definition (dictionaries, passage options)', 'pipeline/default.json')
    .action(async (paths: string[], options: FiguresOptions) => {
      const kinds = listOption(options.kind);
      const bad = kinds.filter((k) => !FigureKind.safeParse(k).success);
      if (bad.length) throw new InputError(`--kind ${bad.join(',')}: expected one of ${FigureKind.options.join(', ')}`);
      const units = new Set(listOption(options.unit));
      const config = pipelineOf(options.pipeline);
      // Segmentation needs the project's words; the figures stage must run whatever the pipeline lists.
      const stages = [...new Set([...config.stages.filter((s) => s !== 'entities'), 'segment' as const, 'figures' as const])];
      const resources = loadResources({ ...config, stages });
      const columns = [...FIGURE_FIELDS];
      const tableRows: Figure[] = [];
      let first = true;
      let skipped = 0;
      for await (const item of analyzePaths(paths, { ...config, stages })) {
        if (isSkipped(item)) {
          skipped++;
          process.stderr.write(`zhpipe: skipped ${item.skipped}: ${item.reason}\n`);
          continue;
        }
        const rows: Figure[] = [];
        for (const { passage, tokens } of item.passages) {
          for (const f of extractFigures(passage.text, tokens, { dictionaries: resources.dictionaryDir })) {
            if (options.status && f.status !== options.status) continue;
            if (kinds.length && !kinds.includes(f.kind)) continue;
            if (units.size && !units.has(f.unit)) continue;
            const span = spanToSource(passage.map, f.start, f.end);
            // The text is what the original holds at the span (the passage may have lost a line break inside).
            rows.push({
              doc: item.source.doc,
              start: span.start,
              end: span.end,
              text: item.source.original.slice(span.start, span.end),
              value: f.value,
              valueHi: f.valueHi,
              unit: f.unit,
              kind: f.kind,
              qualifier: f.qualifier,
              metric: f.metric,
              period: f.period,
              status: f.status,
              sentence: f.sentence,
            });
          }
        }
        // Streamed per document, so a large input starts printing at once (the table needs all rows for widths).
        if (options.format === 'jsonl') process.stdout.write(toJsonl(rows));
        else if (options.format === 'csv') process.stdout.write(toCsv(rows, columns, first));
        else tableRows.push(...rows);
        first = false;
      }
      if (options.format === 'csv' && first) process.stdout.write(toCsv([], columns, true));
      if (options.format === 'table') process.stdout.write(toTable(tableRows, TABLE_FIELDS, 28));
      if (skipped) process.exitCode = 2;
    });
}
