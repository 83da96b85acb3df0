// What every command shares: the data directory, the pipeline definition and the Meilisearch connection.
import type { Command } from 'commander';
import { connect, type Access, type Connection } from '../meili/connect.js';
import { resolveDataDir } from '../meili/server.js';
import { DEFAULT_PIPELINE, loadPipeline, type PipelineConfig } from '../pipeline/config.js';

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

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
