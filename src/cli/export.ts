// `zhpipe export`: a custom corpus (passages matching a query and filters, with annotations and provenance)
// written page by page to a JSONL or CSV file.
import { Command } from 'commander';
import { openAtomic, type AtomicStream } from '../atomic-write.js';
import { InputError } from '../errors.js';
import { ExportFormat, exportCorpus, formatOfFile, streamSink } from '../workflows/export.js';
import { workspace } from '../workflows/workspace.js';
import { collect, connectFor, pipelineOf } from './context.js';

export interface ExportTarget {
  query: string;
  filter: string[];
  out: string;
  format?: string;
  pipeline: string;
}

/**
 * Opens the output now, so a bad path is one clear line (exit 2) rather than a stream error later. The
 * passages go to a temporary file that replaces `file` only when the export succeeds: a failed export
 * (a bad filter, Meilisearch going away) leaves an existing file as it was.
 */
function openOutput(file: string): AtomicStream {
  try {
    return openAtomic(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot write (${code})`;
    throw new InputError(`--out ${file}: ${reason}`);
  }
}

/** Shared by `zhpipe export` and `zhpipe corpus run`. */
export async function runExport(target: ExportTarget, command: Command): Promise<number> {
  let format: ExportFormat;
  if (target.format !== undefined) {
    const parsed = ExportFormat.safeParse(target.format);
    if (!parsed.success) throw new InputError(`--format ${target.format}: expected jsonl or csv`);
    format = parsed.data;
  } else format = formatOfFile(target.out);
  const config = pipelineOf(target.pipeline);
  const { client } = await connectFor(command, 'search');
  const ws = workspace(client, config);
  const request = { q: target.query, filter: target.filter, format };
  if (target.out === '-') return (await exportCorpus(ws, request, streamSink(process.stdout))).passages;
  const out = openOutput(target.out);
  let passages: number;
  try {
    passages = (await exportCorpus(ws, request, streamSink(out.stream))).passages;
    await out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
  process.stderr.write(`exported ${passages} passage(s) to ${target.out}\n`);
  return passages;
}

export function exportCommand(): Command {
  return new Command('export')
    .description('write the passages matching a query and filters, with entities, figures and provenance, to JSONL or CSV')
    .option('--query <text>', 'keywords in either script (empty: every passage that passes the filters)', '')
    .option('--filter <expr>', 'FIELD OP VALUE (place = 上海, year >= 2024, has:target); repeatable, AND-ed', collect)
    .requiredOption('--out <file>', 'output file: .jsonl or .csv (CSV is UTF-8 with BOM); - for stdout with --format')
    .option('--format <format>', 'jsonl or csv (default: from the --out extension)')
    .option('--pipeline <file>', 'pipeline definition (index names, dictionaries)', 'pipeline/default.json')
    .action(async (options: { query: string; filter?: string[]; out: string; format?: string; pipeline: string }, command: Command) => {
      await runExport(
        {
          query: options.query,
          filter: options.filter ?? [],
          out: options.out,
          pipeline: options.pipeline,
          ...(options.format ? { format: options.format } : {}),
        },
        command,
      );
    });
}
