// Where the Meilisearch server comes from (DESIGN.md): MEILI_HOST (+ MEILI_MASTER_KEY), else the managed
// local server of the data directory, started when needed.
import { Meilisearch } from 'meilisearch';
import { RuntimeError } from '../errors.js';
import { ensureServer, isHealthy } from './server.js';

export interface Connection {
  client: Meilisearch;
  host: string;
  /** True when zhpipe manages the server (as opposed to MEILI_HOST). */
  managed: boolean;
}

const REMOTE_TIMEOUT_MS = 10_000;

/** Connects to MEILI_HOST or to the managed server of `dataDir`. */
export async function connect(dataDir: string): Promise<Connection> {
  const remote = process.env.MEILI_HOST;
  if (remote) {
    let url: URL;
    try {
      url = new URL(remote);
    } catch {
      throw new RuntimeError(`MEILI_HOST=${remote} is not a URL (expected e.g. http://127.0.0.1:7700)`);
    }
    if (!(await isHealthy(url.href, REMOTE_TIMEOUT_MS))) {
      throw new RuntimeError(`cannot reach Meilisearch at MEILI_HOST=${remote} (no healthy answer within ${REMOTE_TIMEOUT_MS / 1000} s)`);
    }
    const apiKey = process.env.MEILI_MASTER_KEY;
    return { client: new Meilisearch({ host: url.href, ...(apiKey ? { apiKey } : {}) }), host: url.href, managed: false };
  }
  const server = await ensureServer(dataDir);
  return { client: new Meilisearch({ host: server.host, apiKey: server.apiKey }), host: server.host, managed: true };
}
