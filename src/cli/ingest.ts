// `zhpipe ingest [paths...]`: the main job.
import { Command } from 'commander';
import { ingest, type IngestSummary } from '../pipeline/ingest.js';
import { InputError } from '../errors.js';
import { WORKER_HEAP_MB } from '../pipeline/pool.js';
import { connectFor, dataDirOf, pipelineOf } from './context.js';
import { terminalSafe } from './output.js';
import { progressOption, progressReporter, progressSeconds } from './progress.js';

function formatSummary(summary: IngestSummary): string {
  const lines = [
    `indexed ${summary.documents} document(s), ${summary.passages} passage(s), ${summary.figures} figure(s) in ${(summary.elapsedMs / 1000).toFixed(1)} s` +
      (summary.unchanged ? ` (${summary.unchanged} unchanged since the last ingest, ${summary.sent} sent)` : ''),
  ];
  if (summary.skipped.length) {
    lines.push(`skipped ${summary.skipped.length} file(s):`);
    for (const s of summary.skipped) lines.push(terminalSafe(`  ${s.skipped}: ${s.reason}`));
  }
  return lines.join('\n') + '\n';
}

export function ingestCommand(): Command {
  return new Command('ingest')
    .description('read, clean, segment and annotate files, and index them in Meilisearch')
    .argument('[paths...]', 'files or directories', ['corpus'])
    .option('--pipeline <file>', 'pipeline definition', 'pipeline/default.json')
    .option('--json', 'print the summary as JSON')
    .option('--workers <n>', 'worker threads for the CPU stages (default: half the cores, leaving the rest to Meilisearch)')
    .option('--worker-heap-mb <MB>', 'JS heap limit of each worker; a document that needs more is skipped and reported', String(WORKER_HEAP_MB))
    .option('--report <file>', 'write a JSON report of every file (indexed, unchanged, skipped with reason)')
    .option('--no-resume', 'send every document again, ignoring the checkpoint of acknowledged ones')
    .addOption(progressOption())
    .action(async (paths: string[], options: { pipeline: string; json?: boolean; workers?: string; workerHeapMb: string; report?: string; resume: boolean; progress: string }, command: Command) => {
      const config = pipelineOf(options.pipeline);
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) {
        throw new InputError(`--workers ${options.workers}: expected a whole number from 1 to 64`);
      }
      const workerHeapMB = Number(options.workerHeapMb);
      if (!Number.isInteger(workerHeapMB) || workerHeapMB < 64) {
        throw new InputError(`--worker-heap-mb ${options.workerHeapMb}: expected a whole number of MB, at least 64`);
      }
      const every = progressSeconds(options.progress);
      const { client } = await connectFor(command);
      // stdout keeps only the summary, so it can be piped; progress goes to stderr.
      const progress = progressReporter(process.stderr, every);
      // Ctrl-C: ingest stops at once, says what is indexed and checkpointed, and releases its lock.
      const interrupt = new AbortController();
      const onSignal = () => interrupt.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let summary: IngestSummary;
      try {
        summary = await ingest(client, paths, config, {
          signal: interrupt.signal,
          dataDir: dataDirOf(command),
          resume: options.resume,
          workerHeapMB,
          ...(workers ? { workers } : {}),
          ...(options.report ? { report: options.report } : {}),
          onProgress: (p) => progress.update({ done: p.done, total: p.total, detail: `${p.passages} passages`, current: p.file }),
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        progress.stop();
      }
      process.stdout.write(options.json ? JSON.stringify(summary) + '\n' : formatSummary(summary));
      // Bad input was reported and skipped; the exit status still says so.
      if (summary.skipped.length) process.exitCode = 2;
    });
}
