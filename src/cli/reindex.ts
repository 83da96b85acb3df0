// `zhpipe reindex [--changed]`: re-tag entities after a dictionary change, from the text already indexed.
import { Command } from 'commander';
import { reindex, type ReindexSummary } from '../pipeline/reindex.js';
import { connectFor, dataDirOf, pipelineOf } from './context.js';
import { progressOption, progressReporter, progressSeconds, REINDEX_PROGRESS } from './progress.js';

export function reindexCommand(): Command {
  return new Command('reindex')
    .description('re-tag entities in the index after dictionary changes (--changed: only passages with changed names)')
    .option('--changed', 'only the passages that contain names added, removed or changed since the last ingest or reindex')
    .option('--pipeline <file>', 'pipeline definition', 'pipeline/default.json')
    .option('--json', 'print the summary as JSON')
    .addOption(progressOption())
    .action(async (options: { changed?: boolean; pipeline: string; json?: boolean; progress: string }, command: Command) => {
      const config = pipelineOf(options.pipeline);
      const every = progressSeconds(options.progress);
      const { client } = await connectFor(command);
      const progress = progressReporter(process.stderr, every, REINDEX_PROGRESS);
      let summary: ReindexSummary;
      try {
        summary = await reindex(client, config, dataDirOf(command), { changedOnly: Boolean(options.changed), onProgress: (p) => progress.update(p) });
      } finally {
        progress.stop();
      }
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
