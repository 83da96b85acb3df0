// Where the Meilisearch server comes from (DESIGN.md): MEILI_HOST (+ MEILI_MASTER_KEY), else the managed
// local server of the data directory, started when needed.
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { RuntimeError } from '../errors.js';
import { readKeyFile, writePrivateFile } from './private-files.js';
import { isHealthy } from './launch.js';
import { ensureServer, runningHost } from './server.js';
import { protocolOf } from './protocol.js';

/** `admin` writes indexes and settings; `search` only reads (search and fetch documents). */
export type Access = 'admin' | 'search';

const SEARCH_ACTIONS = ['search', 'documents.get'];

/** The managed server's search-only key, in the data directory. */
const SEARCH_KEY_FILE = 'search.key';

const KEY_PAGE = 100;

/** Whether `key` is one of the server's API keys; listed with the master key, so the key is never in a URL (Meilisearch logs every URL). */
async function isServerKey(admin: Meilisearch, key: string): Promise<boolean> {
  for (let offset = 0; ; offset += KEY_PAGE) {
    const page = await admin.getKeys({ offset, limit: KEY_PAGE });
    if (page.results.some((k) => k.key === key)) return true;
    if (offset + KEY_PAGE >= page.total) return false;
  }
}

/** Whether the server takes `key` for searching: an empty multi-search sent with it (in a header, never in a URL). */
function searchKeyWorks(host: string, key: string): Promise<boolean> {
  return new Promise((resolve) => {
    const body = '{"queries":[]}';
    const url = new URL('multi-search', host.endsWith('/') ? host : `${host}/`);
    const req = protocolOf(url).request(
      url,
      { method: 'POST', timeout: 5000, headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${key}` } },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

/**
 * A read-only key for the managed server, created once with the master key and stored (mode 0600) beside
 * it, so commands that only search never hold the master key's powers.
 */
async function searchKey(dataDir: string, host: string, masterKey: string): Promise<string> {
  const file = path.join(dataDir, SEARCH_KEY_FILE);
  const stored = readKeyFile(file)?.toString('utf8').trim();
  // Checked first with one empty search: no meilisearch-js client to build (see transport.Target), no key
  // list to read.
  if (stored && (await searchKeyWorks(host, stored))) return stored;
  // Not the server's (the database was reset, or the master key changed): make a new one.
  const { Meilisearch } = await import('meilisearch');
  const admin = new Meilisearch({ host, apiKey: masterKey });
  if (stored && (await isServerKey(admin, stored))) return stored;
  const created = await admin.createKey({ description: 'zhpipe search-only key', actions: SEARCH_ACTIONS, indexes: ['*'], expiresAt: null });
  writePrivateFile(file, created.key + '\n');
  return created.key;
}

/** Where a server answers and the key to send it: all the search path's own transport needs (meili/transport.ts). */
export interface Endpoint {
  host: string;
  apiKey?: string;
  /** True when zhpipe manages the server (as opposed to MEILI_HOST). */
  managed: boolean;
}

/** An endpoint with a meilisearch-js client for it (commands that write: settings, documents, tasks). */
export interface Connection extends Pick<Endpoint, 'host' | 'managed'> {
  client: Meilisearch;
}

const REMOTE_TIMEOUT_MS = 10_000;

/** Connects to MEILI_HOST or to the managed server of `dataDir`. */
export async function connect(dataDir: string, access: Access = 'admin'): Promise<Connection> {
  const { host, apiKey, managed } = await endpoint(dataDir, access);
  // Imported here: a search, which needs no client, does not load meilisearch-js at all.
  const { Meilisearch } = await import('meilisearch');
  return { client: new Meilisearch({ host, ...(apiKey ? { apiKey } : {}) }), host, managed };
}

/** MEILI_HOST with its key: a search-only key can be given as MEILI_SEARCH_KEY. */
function remoteEndpoint(url: URL, access: Access): Endpoint {
  const apiKey = (access === 'search' ? process.env.MEILI_SEARCH_KEY : undefined) ?? process.env.MEILI_MASTER_KEY;
  return { host: url.href, ...(apiKey ? { apiKey } : {}), managed: false };
}

/** The error for a MEILI_HOST that does not answer, with why. */
export function unreachableRemote(reason: string): RuntimeError {
  return new RuntimeError(`cannot reach Meilisearch at MEILI_HOST=${process.env.MEILI_HOST ?? ''} (${reason})`);
}

/**
 * The search endpoint as last recorded, found without a request: MEILI_HOST as given, or the managed server
 * running now (process table) with its stored search-only key. Undefined when there is none; then `endpoint`
 * checks, starts and makes what is missing. Unchecked: the caller's own request tells whether the server answers
 * and takes the key (see cli/context.ts `withSearchEndpoint`), which spares a search two round trips.
 */
export function recordedEndpoint(dataDir: string): Endpoint | undefined {
  const remote = process.env.MEILI_HOST;
  if (remote) {
    // A malformed MEILI_HOST is left to `endpoint`, which says so.
    return URL.canParse(remote) ? remoteEndpoint(new URL(remote), 'search') : undefined;
  }
  const host = runningHost(dataDir);
  const key = host && readKeyFile(path.join(dataDir, SEARCH_KEY_FILE))?.toString('utf8').trim();
  return host && key ? { host, apiKey: key, managed: true } : undefined;
}

/** The host and key of MEILI_HOST or of the managed server of `dataDir` (started when needed), without a client. */
export async function endpoint(dataDir: string, access: Access = 'admin'): Promise<Endpoint> {
  const remote = process.env.MEILI_HOST;
  if (remote) {
    let url: URL;
    try {
      url = new URL(remote);
    } catch {
      throw new RuntimeError(`MEILI_HOST=${remote} is not a URL (expected e.g. http://127.0.0.1:7700)`);
    }
    if (!(await isHealthy(url.href, REMOTE_TIMEOUT_MS))) throw unreachableRemote(`no healthy answer within ${REMOTE_TIMEOUT_MS / 1000} s`);
    return remoteEndpoint(url, access);
  }
  const server = await ensureServer(dataDir);
  if (access === 'admin') return { host: server.host, apiKey: server.apiKey, managed: true };
  return { host: server.host, apiKey: await searchKey(dataDir, server.host, server.apiKey), managed: true };
}
