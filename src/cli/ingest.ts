// `zhpipe ingest [paths...]`: the main job.
import { Command } from 'commander';
import { ingest, type IngestSummary } from '../pipeline/ingest.js';
import { InputError } from '../errors.js';
import { WORKER_HEAP_MB } from '../pipeline/pool.js';
import { parseShard } from '../pipeline/shard.js';
import { FieldRole, type FieldNames } from '../stages/read/fields.js';
import { connectFor, dataDirOf, pipelineOf } from './context.js';
import { terminalSafe } from '../formats/output.js';
import { progressOption, progressReporter, progressSeconds } from './progress.js';

function formatSummary(summary: IngestSummary): string {
  const { shard } = summary;
  const lines = [
    ...(shard
      ? [`shard ${shard.index}/${shard.count}: ${shard.documents} document(s) of the input fell in this shard, ${shard.others} in the other shard(s)`]
      : []),
    `indexed ${summary.documents} document(s), ${summary.passages} passage(s), ${summary.figures} figure(s) in ${(summary.elapsedMs / 1000).toFixed(1)} s` +
      (summary.unchanged ? ` (${summary.unchanged} unchanged since the last ingest, ${summary.sent} sent)` : ''),
  ];
  for (const w of summary.warnings) lines.push(terminalSafe(`warning: ${w.file}: ${w.reason}`));
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
    .option('--shard <K/N>', "ingest only shard K of N (by a hash of each document's id), beside the other shards' processes, with a checkpoint of its own")
    .option('--text-field <column>', 'JSONL/CSV: the column holding the text (default: text, content, body, 正文, 内容 …)')
    .option('--title-field <column>', 'JSONL/CSV: the title column (default: title, headline, 标题 …)')
    .option('--date-field <column>', 'JSONL/CSV: the publication date column (default: date, published, 发布时间, 日期 …)')
    .option('--source-field <column>', 'JSONL/CSV: the source column (default: source, media, 来源, 媒体 …)')
    .option('--url-field <column>', 'JSONL/CSV: the URL column (default: url, link, 链接 …)')
    .option('--author-field <column>', 'JSONL/CSV: the author column (default: author, byline, 作者 …)')
    .option('--id-field <column>', 'JSONL/CSV: a column identifying each row across re-ingests (default: id, uuid …; else the url, else the line)')
    .addOption(progressOption())
    .action(
      async (
        paths: string[],
        options: {
          pipeline: string;
          json?: boolean;
          workers?: string;
          workerHeapMb: string;
          report?: string;
          resume: boolean;
          progress: string;
          shard?: string;
        } & Partial<Record<`${FieldRole}Field`, string>>,
        command: Command,
      ) => {
        const config = pipelineOf(options.pipeline);
        const workers = options.workers === undefined ? undefined : Number(options.workers);
        if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) {
          throw new InputError(`--workers ${options.workers}: expected a whole number from 1 to 64`);
        }
        const workerHeapMB = Number(options.workerHeapMb);
        if (!Number.isInteger(workerHeapMB) || workerHeapMB < 64) {
          throw new InputError(`--worker-heap-mb ${options.workerHeapMb}: expected a whole number of MB, at least 64`);
        }
        const fields: FieldNames = {};
        for (const role of FieldRole.options) {
          const name = options[`${role}Field`];
          if (name === undefined) continue;
          if (name.trim() === '') throw new InputError(`--${role}-field: expected a column name`);
          fields[role] = name.trim();
        }
        const shard = options.shard === undefined ? undefined : parseShard(options.shard);
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
            fields,
            workerHeapMB,
            ...(workers ? { workers } : {}),
            ...(options.report ? { report: options.report } : {}),
            ...(shard ? { shard } : {}),
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
      },
    );
}
