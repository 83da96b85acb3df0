// `zhpipe figures [paths...]`: every quantitative figure — number, unit, qualifier, metric, period and
// status — with offsets into the original decoded text (DESIGN.md contract). Runs the text stages locally;
// no Meilisearch needed.
import { Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { type Figure, FigureKind, FigureStatus } from '../schema.js';
import { docFields, figureYears, namesByType } from '../pipeline/records.js';
import { createPipeline } from '../pipeline/runner.js';
import { fieldsOf, figureMatcher, parseFilter } from '../search/filter.js';
import { collect, pipelineOf, readableDocuments } from './context.js';
import { OutputFormat, RowWriter } from '../formats/output.js';

export const FIGURE_FIELDS = [
  'doc',
  'start',
  'end',
  'text',
  'value',
  'valueHi',
  'unit',
  'currency',
  'kind',
  'qualifier',
  'change',
  'base',
  'metric',
  'period',
  'status',
  'sentence',
] as const;
// A terminal is narrow: the table leaves out the offsets and the sentence, which CSV and JSONL keep.
const TABLE_FIELDS = ['text', 'value', 'valueHi', 'unit', 'kind', 'qualifier', 'status', 'metric', 'period', 'doc'];

interface FiguresOptions {
  format: OutputFormat;
  status?: FigureStatus;
  kind?: string[];
  unit?: string[];
  filter?: string[];
  pipeline: string;
}

/** Values of a repeatable option, each possibly comma-separated. */
function listOption(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(/[,，]/))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function figuresCommand(): Command {
  return new Command('figures')
    .description('list every figure (number, unit, qualifier, metric, period, status) with source offsets (default input: corpus/)')
    .argument('[paths...]', 'files or directories to read', ['corpus'])
    .addOption(new Option('--format <format>', 'jsonl, csv (UTF-8 with BOM) or table').choices(OutputFormat.options).default('jsonl'))
    .addOption(new Option('--status <status>', 'only target, actual or other figures').choices(FigureStatus.options))
    .option('--kind <kind>', `only these kinds (${FigureKind.options.join(', ')}); repeatable or comma-separated`, collect)
    .option('--unit <unit>', 'only these units (个, 元, %, 个百分点 …); repeatable or comma-separated', collect)
    .option(
      '--filter <expr>',
      'as for targets: FIELD OP VALUE (place = 上海, unit = 个, year >= 2025, period = 全年, has:target), joined with AND / OR and ( ); repeatable, AND-ed',
      collect,
    )
    .option('--pipeline <file>', 'pipeline definition (dictionaries, passage options)', 'pipeline/default.json')
    .action(async (paths: string[], options: FiguresOptions) => {
      const kinds = listOption(options.kind);
      const bad = kinds.filter((k) => !FigureKind.safeParse(k).success);
      if (bad.length) throw new InputError(`--kind ${bad.join(',')}: expected one of ${FigureKind.options.join(', ')}`);
      const units = new Set(listOption(options.unit));
      const clauses = (options.filter ?? []).flatMap(parseFilter);
      const matches = figureMatcher(clauses);
      // Places and organizations come from the entities stage: run when a filter asks for them, and whenever the
      // pipeline lists it, since the figures stage reads breakdowns by place with its places (as ingest does).
      const named = fieldsOf(clauses);
      const config = pipelineOf(options.pipeline);
      const needsNames = named.has('place') || named.has('org') || config.stages.includes('entities');
      // The figures stage runs whatever the pipeline lists (it is what this command is for).
      const pipeline = createPipeline(config, { need: needsNames ? ['entities', 'figures'] : ['figures'] });
      const out = new RowWriter(options.format, [...FIGURE_FIELDS], TABLE_FIELDS);
      for await (const item of readableDocuments(paths, config)) {
        const doc = pipeline.run(item);
        const rows: Figure[] = [];
        for (const { mentions, figures } of doc.passages) {
          const { place, org } = namesByType(mentions);
          for (const f of figures) {
            if (options.status && f.status !== options.status) continue;
            if (kinds.length && !kinds.includes(f.kind)) continue;
            if (units.size && !units.has(f.unit)) continue;
            if (!matches({ ...f, doc: item.source.doc, year: figureYears(f), place, org, ...docFields(item.source.meta) })) continue;
            // The text is what the original holds at the span (the passage may have lost a line break inside).
            rows.push({
              doc: item.source.doc,
              start: f.start,
              end: f.end,
              text: item.source.original.slice(f.start, f.end),
              value: f.value,
              valueHi: f.valueHi,
              unit: f.unit,
              currency: f.currency ?? null,
              kind: f.kind,
              qualifier: f.qualifier,
              change: f.change ?? null,
              base: f.base ?? null,
              metric: f.metric,
              period: f.period,
              status: f.status,
              sentence: f.sentence,
            });
          }
        }
        out.write(rows);
      }
      out.end();
    });
}
