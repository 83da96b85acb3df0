// The HTTP server of `zhpipe serve`: the JSON API over the shared workflows and the single web page.
// Every endpoint validates its parameters with zod (400 with the parameter named), requests are bounded in
// size and rate, the Meilisearch key stays on the server, and off loopback every API call needs the token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Meilisearch } from 'meilisearch';
import { InputError, RuntimeError } from '../errors.js';
import { parseFilter, type FilterClause } from '../search/filter.js';
import { prepareQuery } from '../search/query.js';
import { FacetName, search, type SearchResponse } from '../search/search.js';
import { toScript } from '../text/script.js';
import { toCsv, toJsonl } from '../formats/output.js';
import { exportCorpus, streamSink } from '../workflows/export.js';
import { FIGURE_COLUMNS, groupedRows, listFigures, type FigureRow, type GroupBy } from '../workflows/targets.js';
import type { Workspace } from '../workflows/workspace.js';
import type { Script } from '../schema.js';
import { hostHeaderAllowed, requestToken, tokenMatches } from './auth.js';
import { HttpError, readBody, sendError, sendJson } from './http.js';
import { ExportQuery, FacetsQuery, FiguresQuery, PassageId, PassageQuery, queryObject, SearchBody, SearchQuery, TargetsQuery, validate } from './params.js';
import { passageView } from './passage.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { isUnreachable, Upstream } from './upstream.js';
import { loadStatic, PAGE_HEADERS } from './static.js';

export interface AppOptions {
  workspace: Workspace;
  /** Required on every API request when set. */
  token?: string;
  /** Check the Host header against loopback names (set when listening on loopback). */
  loopbackOnly?: boolean;
  rateLimit?: RateLimitOptions;
  maxBodyBytes?: number;
  maxUrlBytes?: number;
  /** A new client for the data directory's current Meilisearch, when the one in use stops answering. */
  reconnect?: () => Promise<Meilisearch>;
}

const MAX_JSON_ROWS = 5000;

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 240, windowMs: 60_000 };

/** Names and figure texts are stored simplified; a traditional page shows them in traditional too. */
function inScript(response: SearchResponse): SearchResponse {
  const script = response.query.script;
  if (script === 'simplified') return response;
  const show = (t: string) => toScript(t, script);
  return {
    ...response,
    hits: response.hits.map((hit) => ({
      ...hit,
      person: hit.person.map(show),
      place: hit.place.map(show),
      org: hit.org.map(show),
      figures: hit.figures.map((f) => ({ ...f, text: show(f.text), metric: show(f.metric), period: show(f.period) })),
    })),
  };
}

function clauses(filter: string[]): FilterClause[] {
  return filter.flatMap(parseFilter);
}

// The text of a figure row that the page shows and its table filter reads.
const SHOWN_FIELDS = ['unit', 'metric', 'period', 'text', 'sentence'] as const;

/**
 * A figure row for the page's table: its text in the script asked for, and `match`, the row's text in both
 * scripts, so the table filter finds 充電樁 and 充电桩 alike.
 */
function tableRow(row: FigureRow, script: Script | undefined): FigureRow & { match: string } {
  const show = (t: string) => (script === 'traditional' ? toScript(t, 'traditional') : t);
  const shown: FigureRow = { ...row, place: row.place.map(show), org: row.org.map(show) };
  for (const field of SHOWN_FIELDS) shown[field] = show(row[field]);
  const text = [...SHOWN_FIELDS.map((f) => row[f]), ...row.place, ...row.org, row.doc].join('\u0001');
  return { ...shown, match: `${text}\u0001${toScript(text, 'traditional')}` };
}

function figureOutput(res: ServerResponse, rows: FigureRow[], format: 'json' | 'csv' | 'jsonl', name: string, groupBy?: GroupBy, script?: Script): void {
  if (format === 'json') {
    // The page shows a table, not a data dump: the full set is a CSV/JSONL download away.
    sendJson(res, 200, { total: rows.length, truncated: rows.length > MAX_JSON_ROWS, rows: rows.slice(0, MAX_JSON_ROWS).map((r) => tableRow(r, script)) });
    return;
  }
  const grouped = groupBy ? groupedRows(rows, groupBy) : rows;
  const columns = groupBy ? ['group', ...FIGURE_COLUMNS] : [...FIGURE_COLUMNS];
  const body = format === 'csv' ? toCsv(grouped, columns) : toJsonl(grouped);
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.${format}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, rest: string) => Promise<void>;

export function createApp(options: AppOptions): Server {
  const ws = options.workspace;
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const maxBody = options.maxBodyBytes ?? 16 * 1024;
  const maxUrl = options.maxUrlBytes ?? 12 * 1024;
  const page = loadStatic();
  // Read per request: a reconnection replaces the workspace's client.
  const searchContext = () => ({ client: ws.client, index: ws.config.index.passages, regional: ws.regional });
  const upstream = options.reconnect ? new Upstream(ws, options.reconnect) : undefined;
  // A request tried again after a reconnection reads its body from here, not from the spent stream.
  const bodies = new WeakMap<IncomingMessage, Promise<string>>();
  const bodyOf = (req: IncomingMessage) => {
    let body = bodies.get(req);
    if (!body) bodies.set(req, (body = readBody(req, maxBody)));
    return body;
  };

  const routes: Record<string, Handler> = {
    'GET /api/health': async (_req, res) => sendJson(res, 200, { ok: true }),
    'GET /api/search': async (_req, res, url) => {
      const p = validate(SearchQuery, queryObject(url.searchParams));
      sendJson(res, 200, inScript(await search(searchContext(), { ...p, filter: clauses(p.filter), facets: p.facets ?? [] })));
    },
    'POST /api/search': async (req, res) => {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'POST /api/search takes application/json');
      let body: unknown;
      try {
        body = JSON.parse(await bodyOf(req));
      } catch (err) {
        if (err instanceof HttpError) throw err;
        throw new HttpError(400, 'request body is not valid JSON');
      }
      const p = validate(SearchBody, body);
      sendJson(res, 200, inScript(await search(searchContext(), { ...p, filter: clauses(p.filter), facets: p.facets ?? [] })));
    },
    'GET /api/facets': async (_req, res, url) => {
      const p = validate(FacetsQuery, queryObject(url.searchParams));
      const result = await search(searchContext(), { q: p.q, filter: clauses(p.filter), facets: [...FacetName.options], limit: 1 });
      sendJson(res, 200, { total: result.total, facets: result.facets });
    },
    'GET /api/figures': async (_req, res, url) => {
      const p = validate(FiguresQuery, queryObject(url.searchParams));
      const rows = await listFigures(ws, { q: p.q, filter: clauses(p.filter), status: p.status });
      figureOutput(res, rows, p.format, 'figures', p.groupBy, p.script);
    },
    'GET /api/targets': async (_req, res, url) => {
      const p = validate(TargetsQuery, queryObject(url.searchParams));
      const rows = await listFigures(ws, { q: p.q, filter: clauses(p.filter), status: 'target' });
      figureOutput(res, rows, p.format, 'targets', p.groupBy, p.script);
    },
    'GET /api/export': async (_req, res, url) => {
      const p = validate(ExportQuery, queryObject(url.searchParams));
      clauses(p.filter); // a bad filter is a 400 before the download starts
      res.writeHead(200, {
        'content-type': p.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="corpus.${p.format}"`,
        'cache-control': 'no-store',
      });
      await exportCorpus(ws, p, streamSink(res));
      res.end();
    },
    'GET /api/passages/': async (_req, res, url, rest) => {
      let raw: string;
      try {
        raw = decodeURIComponent(rest);
      } catch {
        throw new HttpError(400, 'passage id: malformed percent-encoding');
      }
      const id = validate(PassageId, raw);
      const p = validate(PassageQuery, queryObject(url.searchParams));
      const terms = p.q ? prepareQuery(p.q, ws.regional).terms : [];
      sendJson(res, 200, await passageView(ws.client, ws.config.index.passages, id, p.script, terms));
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((req.url ?? '').length > maxUrl) throw new HttpError(414, `URL too long (limit ${maxUrl} bytes)`);
    if (options.loopbackOnly && !hostHeaderAllowed(req)) throw new HttpError(403, 'this server answers only to localhost / 127.0.0.1');
    const url = new URL(req.url ?? '/', 'http://local');
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith('/api/')) {
      const file = page.get(url.pathname);
      if (!file || (method !== 'GET' && method !== 'HEAD')) throw new HttpError(404, 'not found');
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length, ...PAGE_HEADERS });
      res.end(method === 'HEAD' ? undefined : file.body);
      return;
    }
    const wait = limiter.hit(req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) throw new HttpError(429, `too many requests: try again in ${wait} s`, { 'retry-after': String(wait) });
    if (options.token !== undefined && !tokenMatches(requestToken(req), options.token)) {
      throw new HttpError(401, 'missing or wrong token (send Authorization: Bearer <token>)', { 'www-authenticate': 'Bearer' });
    }
    const prefix = url.pathname.startsWith('/api/passages/') ? '/api/passages/' : url.pathname;
    const handler = routes[`${method} ${prefix}`];
    if (!handler) {
      const allowed = Object.keys(routes).filter((r) => r.endsWith(` ${prefix}`));
      throw allowed.length ? new HttpError(405, `${method} not allowed on ${prefix}`) : new HttpError(404, `no endpoint ${url.pathname}`);
    }
    const rest = url.pathname.slice(prefix.length);
    try {
      await handler(req, res, url, rest);
    } catch (err) {
      // Meilisearch went away (killed, restarted elsewhere): reconnect and try once more. A download already begun
      // cannot be tried again, but the next request finds the new connection.
      if (!upstream || !isUnreachable(err)) throw err;
      if (res.headersSent) {
        upstream.reconnect().catch(() => undefined);
        throw err;
      }
      await upstream.reconnect();
      await handler(req, res, url, rest);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        // Mid-download: the client sees a cut stream rather than a wrong complete file.
        res.destroy(err instanceof Error ? err : undefined);
        return;
      }
      if (err instanceof HttpError) sendError(res, err.status, err.message, err.headers);
      else if (err instanceof InputError) sendError(res, 400, err.message);
      else if (err instanceof RuntimeError) sendError(res, 503, err.message);
      else if (isUnreachable(err)) sendError(res, 503, 'Meilisearch is not answering; try again in a moment');
      else {
        process.stderr.write(`zhpipe serve: ${(err as Error).stack ?? String(err)}\n`);
        sendError(res, 500, 'internal error (see the server log)');
      }
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 10_000;
  return server;
}
