// The Meilisearch requests on the search hot path (a search, a federated multi-search), over node:http with a keep-alive agent that sends
// headers and body in one write with Nagle's algorithm off. Node's fetch (which meilisearch-js uses) writes
// the body after the headers on a Nagle socket, so a search with a response over a few KB waited for a
// delayed ACK: 48 ms against 5 ms for the same request on a 100,000-passage index (npm run bench:search
// prints both).
import http from 'node:http';
import type { FederatedMultiSearchParams, MultiSearchQuery, SearchParams, SearchResponse } from 'meilisearch';
import { RuntimeError } from '../errors.js';
import { protocolOf, type HttpModule } from './protocol.js';

/**
 * Where to send a request: a meilisearch-js client, or only its host and key (`{ config: { host, apiKey } }`),
 * which is all a search needs and spares building a client (it loads Node's fetch: some 20 ms of start-up).
 */
export interface Target {
  readonly config: { readonly host: string; readonly apiKey?: string | undefined };
}

/** One keep-alive agent per protocol, made on first use. */
const agents = new Map<HttpModule, http.Agent>();
const agentOf = (module: HttpModule): http.Agent => {
  let agent = agents.get(module);
  if (!agent) agents.set(module, (agent = new module.Agent({ keepAlive: true, noDelay: true })));
  return agent;
};

const CONNECT_TIMEOUT_MS = 10_000;

/** A non-2xx answer from Meilisearch, with its error code (`index_not_found`, …). */
export class MeiliResponseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

function errorOf(status: number, body: string): MeiliResponseError {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; code?: unknown };
    const message = typeof parsed.message === 'string' ? parsed.message : body;
    return new MeiliResponseError(status, typeof parsed.code === 'string' ? parsed.code : undefined, message);
  } catch {
    return new MeiliResponseError(status, undefined, body.slice(0, 300) || `HTTP ${status}`);
  }
}

/** Meilisearch did not answer at all (refused, reset, timed out): `serve` reconnects on it. */
export class MeiliUnreachableError extends RuntimeError {}

/** POST /indexes/{uid}/search with the client's host and key; the response is typed, not validated. */
export function searchIndex<T extends Record<string, unknown>>(client: Target, uid: string, body: SearchParams & { q: string }): Promise<SearchResponse<T>> {
  return post(client, `indexes/${encodeURIComponent(uid)}/search`, body);
}

/** POST /multi-search in federated mode: one ranked list merged from several queries. */
export function federatedSearch<T extends Record<string, unknown>>(client: Target, body: FederatedMultiSearchParams): Promise<SearchResponse<T>> {
  return post(client, 'multi-search', body);
}

/** POST /multi-search with separate results: one answer per query, in order. */
export async function searchEach<T extends Record<string, unknown>>(client: Target, queries: MultiSearchQuery[]): Promise<Array<SearchResponse<T>>> {
  return (await post<{ results: Array<SearchResponse<T>> }>(client, 'multi-search', { queries })).results;
}

function post<R>(client: Target, route: string, body: unknown): Promise<R> {
  const { host, apiKey } = client.config;
  const url = new URL(route, host.endsWith('/') ? host : `${host}/`);
  const module = protocolOf(url);
  const agent = agentOf(module);
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = module.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': data.length,
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return reject(errorOf(status, text));
          try {
            resolve(JSON.parse(text) as R);
          } catch {
            reject(new RuntimeError(`Meilisearch at ${url.origin} answered with something that is not JSON`));
          }
        });
      },
    );
    req.on('error', (err) => reject(new MeiliUnreachableError(`Meilisearch at ${url.origin} did not answer: ${err.message}`)));
    // A host that never accepts the connection fails in seconds; a slow search on a connected socket is waited for.
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => req.destroy(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    // Headers and body leave in one write.
    req.end(data);
  });
}
