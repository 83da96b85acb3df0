// What every workflow needs: the Meilisearch client, the pipeline definition (index names, dictionaries)
// and the regional vocabulary for query rewriting. Built once per CLI command or per server.
import type { Meilisearch } from 'meilisearch';
import { resolveFromProject, type PipelineConfig } from '../pipeline/config.js';
import { loadRegional, type RegionalEntry } from '../vocabulary.js';

export interface Workspace {
  /** Replaced when `serve` reconnects to a restarted Meilisearch, so read it per request. */
  client: Meilisearch;
  config: PipelineConfig;
  regional: RegionalEntry[];
  dictionariesDir: string;
}

export function workspace(client: Meilisearch, config: PipelineConfig): Workspace {
  const dictionariesDir = resolveFromProject(config.dictionaries);
  return { client, config, regional: loadRegional(dictionariesDir), dictionariesDir };
}
