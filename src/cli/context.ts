// What every command shares: the data directory, the pipeline definition and the Meilisearch connection.
import type { Command } from 'commander';
import { connect, endpoint, recordedEndpoint, unreachableRemote, type Access, type Connection, type Endpoint } from '../meili/connect.js';
import { MeiliResponseError, MeiliUnreachableError } from '../meili/transport.js';
import { resolveDataDir } from '../meili/server.js';
import type { AnalyzedDoc } from '../pipeline/analyze.js';
import { DEFAULT_PIPELINE, loadPipeline, type PipelineConfig } from '../pipeline/config.js';
import { terminalSafe } from '../formats/output.js';

export interface GlobalOptions {
  dataDir?: string;
}

/** Global options (`--data-dir`) as seen from any subcommand. */
export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function dataDirOf(command: Command): string {
  return resolveDataDir(globals(command).dataDir);
}

export function pipelineOf(file: string | undefined): PipelineConfig {
  return loadPipeline(file ?? DEFAULT_PIPELINE);
}

/** Connects for a command; commands that only read ask for `search` access (a search-only key). */
export async function connectFor(command: Command, access: Access = 'admin'): Promise<Connection> {
  return connect(dataDirOf(command), access);
}

/** Whether Meilisearch refused the request's key (401, 403), directly or as the cause of a clearer error. */
function refusedKey(err: unknown): boolean {
  const answer = err instanceof MeiliResponseError ? err : err instanceof Error && err.cause instanceof MeiliResponseError ? err.cause : undefined;
  return answer?.status === 401 || answer?.status === 403;
}

/**
 * Runs a read-only request (`run`) for a command that only searches; no meilisearch-js client is built (see
 * meili/transport.ts). It first goes to the endpoint as recorded, with no health or key check: start-up is most
 * of a search's time, and its own request tells as much. If the managed server does not answer there or refuses
 * the stored key, the checked `endpoint` (which starts the server or makes a new key) gets a second try.
 */
export async function withSearchEndpoint<T>(command: Command, run: (target: Endpoint) => Promise<T>): Promise<T> {
  const dataDir = dataDirOf(command);
  const recorded = recordedEndpoint(dataDir);
  if (recorded) {
    try {
      return await run(recorded);
    } catch (err) {
      const unreachable = err instanceof MeiliUnreachableError;
      // MEILI_HOST is not ours to start or to give keys to: its failure is the answer.
      if (unreachable && !recorded.managed) throw unreachableRemote(err.message);
      if (!unreachable && !(recorded.managed && refusedKey(err))) throw err;
    }
  }
  return run(await endpoint(dataDir, 'search'));
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * The analyzed documents of files and directories, for commands that print per document. A file that cannot be
 * read is named on stderr with the reason and the exit status becomes 2; the others go on.
 */
export async function* readableDocuments(paths: string[], config: PipelineConfig): AsyncGenerator<AnalyzedDoc> {
  // Imported here, not at the top: every command loads this module, and only these two need the stages.
  const { analyzePaths, isSkipped } = await import('../pipeline/analyze.js');
  for await (const item of analyzePaths(paths, config)) {
    if (!isSkipped(item)) {
      yield item;
      continue;
    }
    process.stderr.write(terminalSafe(`zhpipe: skipped ${item.skipped}: ${item.reason}`) + '\n');
    process.exitCode = 2;
  }
}
