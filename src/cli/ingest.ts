// `zhpipe ingest [paths...]`: the main job.
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { ingest, type IngestSummary } from '../pipeline/ingest.js';
import { connectFor, pipelineOf } from './context.js';

function formatSummary(summary: IngestSummary): string {
  const lines = [
    `indexed ${summary.documents} document(s), ${summary.passages} passage(s), ${summary.figures} figure(s) in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ];
  if (summary.skipped.length) {
    lines.push(`skipped ${summary.skipped.length} file(s):`);
    for (const s of summary.skipped) lines.push(`  ${s.skipped}: ${s.reason}`);
  }
  return lines.join('\n') + '\n';
}

export function ingestCommand(): Command {
  return new Command('ingest')
    .description('read, clean, segment and annotate files, and index them in Meilisearch')
    .argument('[paths...]', 'files or directories', ['corpus'])
    .option('--pipeline <file>', 'pipeline definition', 'pipeline/default.json')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], options: { pipeline: string; json?: boolean }, command: Command) => {
      const config = pipelineOf(options.pipeline);
      const { client } = await connectFor(command);
      // A progress bar only on a terminal; piped output stays clean.
      const bar = process.stderr.isTTY
        ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} files | {passages} passages | {file}', hideCursor: true, clearOnComplete: true, stream: process.stderr })
        : undefined;
      bar?.start(1, 0, { passages: 0, file: '' });
      let summary: IngestSummary;
      try {
        summary = await ingest(client, paths, config, {
          onProgress: (p) => {
            bar?.setTotal(p.total);
            bar?.update(p.done, { passages: p.passages, file: p.file });
          },
        });
      } finally {
        bar?.stop();
      }
      process.stdout.write(options.json ? JSON.stringify(summary) + '\n' : formatSummary(summary));
      // Bad input was reported and skipped; the exit status still says so.
      if (summary.skipped.length) process.exitCode = 2;
    });
}
