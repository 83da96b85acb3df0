// Where an export came from: the pipeline definition (name and a hash of its settings), the dictionaries
// (a hash over every file), the zhpipe version and the time. Enough to tell whether two exports are comparable.
import type { PipelineConfig } from '../pipeline/config.js';
import { dictionariesHash, pipelineHash, VERSION } from '../pipeline/fingerprint.js';
import type { Provenance } from '../formats/export-file.js';

export { Provenance } from '../formats/export-file.js';
export { dictionariesHash, pipelineHash } from '../pipeline/fingerprint.js';

export function provenance(config: PipelineConfig, dictionariesDir: string, query: string, filter: string[], now = new Date()): Provenance {
  return {
    zhpipe: VERSION,
    pipeline: config.name,
    pipelineHash: pipelineHash(config),
    dictionariesHash: dictionariesHash(dictionariesDir),
    exportedAt: now.toISOString(),
    query,
    filter,
  };
}
