// `zhpipe entities [paths...]`: every person, place and organization mention, with offsets into the original
// text and the canonical name (DESIGN.md contract). Runs the text stages locally; no Meilisearch needed.
import { Command, Option } from 'commander';
import { EntityType, type Mention } from '../schema.js';
import { createPipeline } from '../pipeline/runner.js';
import { pipelineOf, readableDocuments } from './context.js';
import { OutputFormat, RowWriter } from '../formats/output.js';

export const ENTITY_COLUMNS = ['doc', 'start', 'end', 'type', 'text', 'canonical'] as const;

interface EntitiesOptions {
  format: OutputFormat;
  type?: EntityType;
  pipeline: string;
}

export function entitiesCommand(): Command {
  return new Command('entities')
    .description('list person, place and organization mentions with canonical names (default input: corpus/)')
    .argument('[paths...]', 'files or directories to read', ['corpus'])
    .addOption(new Option('--format <format>', 'jsonl, csv (UTF-8 with BOM) or table').choices(OutputFormat.options).default('jsonl'))
    .addOption(new Option('--type <type>', 'only person, place or org').choices(EntityType.options))
    .option('--pipeline <file>', 'pipeline definition (dictionaries, passage options)', 'pipeline/default.json')
    .action(async (paths: string[], options: EntitiesOptions) => {
      const config = pipelineOf(options.pipeline);
      // The entities stage runs whatever the pipeline lists: it is what this command is for.
      const pipeline = createPipeline(config, { need: ['entities'] });
      const out = new RowWriter(options.format, [...ENTITY_COLUMNS]);
      for await (const item of readableDocuments(paths, config)) {
        const rows: Mention[] = [];
        for (const { mentions } of pipeline.run(item).passages) {
          for (const m of mentions) {
            if (options.type && m.type !== options.type) continue;
            // The text is what the original holds at the span (the passage may have lost a line break inside).
            rows.push({
              doc: item.source.doc,
              start: m.start,
              end: m.end,
              type: m.type,
              text: item.source.original.slice(m.start, m.end),
              canonical: m.canonical,
            });
          }
        }
        out.write(rows);
      }
      out.end();
    });
}
