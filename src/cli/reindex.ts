// `zhpipe reindex [--changed]`: re-tag entities after a dictionary change, from the text already indexed.
import { Command } from 'commander';
import { reindex } from '../pipeline/reindex.js';
import { connectFor, dataDirOf, pipelineOf } from './context.js';

export function reindexCommand(): Command {
  return new Command('reindex')
    .description('re-tag entities in the index after dictionary changes (--changed: only passages with changed names)')
    .option('--changed', 'only the passages that contain names added, removed or changed since the last ingest or reindex')
    .option('--pipeline <file>', 'pipeline definition', 'pipeline/default.json')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { changed?: boolean; pipeline: string; json?: boolean }, command: Command) => {
      const config = pipelineOf(options.pipeline);
      const { client } = await connectFor(command);
      const summary = await reindex(client, config, dataDirOf(command), { changedOnly: Boolean(options.changed) });
      if (options.json) {
        process.stdout.write(JSON.stringify(summary) + '\n');
        return;
      }
      const names = summary.changed.slice(0, 10).join(', ') + (summary.changed.length > 10 ? ` (+${summary.changed.length - 10} more)` : '');
      process.stdout.write(
        `${summary.full ? (options.changed ? 'rules changed: re-tagged every passage' : 'full reindex: re-tagged every passage') : `changed names: ${names || 'none'}`}\n` +
          `re-tagged ${summary.touched} of ${summary.total} passage(s) (a full reindex touches ${summary.total}), ${summary.figures} figure(s) updated\n`,
      );
    });
}
