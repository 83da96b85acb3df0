// The HTTP API of `zhpipe serve` against a real Meilisearch: answers, 400s naming the bad parameter, size
// and rate limits, the token off loopback, and the Meilisearch key never leaving the server.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { serveCommand } from '../../src/cli/serve.js';
import { InputError } from '../../src/errors.js';
import { readFile } from '../../src/pipeline/analyze.js';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { isLoopback } from '../../src/server/auth.js';
import { RateLimiter } from '../../src/server/rate-limit.js';
import { ingestFixture, type Fixture } from '../server-fixture.js';
import { bundledOriginal, meiliEnv, ROOT, tempDir, writePipeline } from '../helpers.js';
import { normalizeForIndex } from '../../src/text/script.js';

let fixture: Fixture;
const servers: Server[] = [];

async function start(options: Omit<AppOptions, 'workspace'> = {}): Promise<string> {
  const server = createApp({ workspace: fixture.ws, loopbackOnly: true, ...options });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;
beforeAll(async () => {
  fixture = await ingestFixture('server');
  base = await start();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function getJson(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(base + path, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('API answers', () => {
  it('searches in traditional script and answers in it, highlighted', async () => {
    const { status, body } = await getJson(`/api/search?q=${encodeURIComponent('充電樁')}&facets=doc,year`);
    expect(status).toBe(200);
    const hits = body.hits as Array<{ highlight: string; doc: string }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.highlight).toContain('<mark>充電樁</mark>');
    expect((body.query as { simplified: string }).simplified).toBe('充电桩');
    expect(Object.keys((body.facets as { doc: object }).doc).length).toBeGreaterThan(0);
  });

  it('takes the same search as a JSON POST', async () => {
    const { status, body } = await getJson('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: '充电桩', limit: 2, facets: ['doc'] }),
    });
    expect(status).toBe(200);
    expect((body.hits as unknown[]).length).toBeGreaterThan(0);
  });

  it('limits passages per document as asked (perDoc), saying how many more each document has', async () => {
    const count = (hits: Array<{ doc: string }>) => Math.max(...[...new Set(hits.map((h) => h.doc))].map((d) => hits.filter((h) => h.doc === d).length));
    const limited = await getJson(`/api/search?q=${encodeURIComponent('长三角')}&limit=20`);
    const hits = limited.body.hits as Array<{ doc: string; more: number; matched: string }>;
    expect(count(hits)).toBeLessThanOrEqual(2);
    expect(hits.some((h) => h.more > 0)).toBe(true);
    expect(hits.every((h) => h.matched === 'all')).toBe(true);
    const unlimited = await getJson(`/api/search?q=${encodeURIComponent('长三角')}&limit=20&perDoc=0`);
    expect(count(unlimited.body.hits as Array<{ doc: string }>)).toBeGreaterThan(2);
  });

  it('gives facet counts for every facet', async () => {
    const { status, body } = await getJson(`/api/facets?q=${encodeURIComponent('长三角')}`);
    expect(status).toBe(200);
    const facets = body.facets as Record<string, Record<string, number>>;
    expect(Object.keys(facets).sort()).toEqual(['doc', 'kind', 'month', 'org', 'person', 'place', 'source', 'unit', 'year']);
    const docs = Object.values(facets.doc ?? {});
    expect(docs.reduce((a, b) => a + b, 0)).toBe(body.total);
  });

  it('lists targets only, with the fixture target among them, and filters them', async () => {
    const { body } = await getJson('/api/targets');
    const rows = body.rows as Array<{ status: string; metric: string; value: number }>;
    expect(rows.every((r) => r.status === 'target')).toBe(true);
    expect(rows).toContainEqual(expect.objectContaining({ metric: '新建公共充电桩', value: 70000 }));
    expect(rows.some((r) => r.metric === '进出口总额占全国')).toBe(false);
    const filtered = await getJson(`/api/targets?filter=${encodeURIComponent('unit = 项')}`);
    expect((filtered.body.rows as Array<{ unit: string }>).map((r) => r.unit)).toEqual(expect.arrayContaining(['项']));
    expect((filtered.body.rows as Array<{ unit: string }>).every((r) => r.unit === '项')).toBe(true);
  });

  it('lists the targets the ingest found, each at its exact place in the original text', async () => {
    const { body } = await getJson('/api/targets');
    const found = (body.rows as Array<{ id: string; doc: string; start: number; end: number; text: string }>).filter(
      (r) => !fixture.figures.some((f) => f.id === r.id),
    );
    expect(found.length).toBeGreaterThan(10);
    const originals = new Map<string, string>();
    for (const row of found) {
      if (!originals.has(row.doc)) originals.set(row.doc, bundledOriginal(row.doc));
      expect(originals.get(row.doc)?.slice(row.start, row.end), `${row.doc} [${row.start}-${row.end}]`).toBe(row.text);
    }
  });

  it('lists figures by status', async () => {
    const { body } = await getJson('/api/figures?status=actual');
    const rows = body.rows as Array<{ status: string; metric: string }>;
    expect(rows.every((r) => r.status === 'actual')).toBe(true);
    expect(rows.some((r) => r.metric === '进出口总额占全国')).toBe(true);
  });

  it('downloads targets as CSV with a BOM, grouped when asked', async () => {
    const res = await fetch(`${base}/api/targets?format=csv&groupBy=metric`);
    expect(res.headers.get('content-disposition')).toContain('targets.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFFgroup,value,valueHi,unit,qualifier')).toBe(true);
    expect(text).toMatch(/\n新建公共充电桩,70000,,个,gt,count,新建公共充电桩,全年,target,长三角,/);
  });

  it('shows a passage with its figure marked at the right place and its neighbours', async () => {
    const figure = fixture.figures[0];
    const { status, body } = await getJson(`/api/passages/${figure?.passageId}?script=traditional`);
    expect(status).toBe(200);
    const text = body.text as string;
    const spans = body.spans as Array<{ start: number; end: number; type: string }>;
    const marked = spans.filter((s) => s.type === 'figure').map((s) => text.slice(s.start, s.end));
    expect(marked).toContain('超7萬個');
    expect(body.before).not.toBeNull();
  });

  it('streams an export as JSONL with provenance', async () => {
    const res = await fetch(`${base}/api/export?q=${encodeURIComponent('充电桩')}`);
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; provenance: { query: string } });
    expect(lines.length).toBeGreaterThan(0);
    // Found in either script: the Taiwan row of the sample writes 充電樁.
    expect(lines.every((l) => normalizeForIndex(l.text).includes('充电桩') && l.provenance.query === '充电桩')).toBe(true);
  });
});

describe('API refuses bad requests with a 400 naming the problem', () => {
  const cases: Array<[string, RegExp]> = [
    ['/api/search?q=x&limit=0', /parameter "limit"/],
    ['/api/search?q=x&limit=many', /parameter "limit"/],
    ['/api/search?q=x&offset=-1', /parameter "offset"/],
    ['/api/search?q=x&perDoc=-1', /parameter "perDoc"/],
    ['/api/search?q=x&facets=colour', /parameter "facets/],
    ['/api/search?q=x&script=latin', /parameter "script"/],
    ['/api/search?q=x&lmit=3', /unknown parameter\(s\): lmit/],
    [`/api/search?q=x&filter=${encodeURIComponent('colour = red')}`, /unknown field "colour"/],
    [`/api/search?q=x&filter=${encodeURIComponent('status = target')}`, /applies to figures/],
    [`/api/search?q=${'x'.repeat(1001)}`, /parameter "q"/],
    ['/api/targets?format=xlsx', /parameter "format"/],
    ['/api/targets?groupBy=colour', /parameter "groupBy"/],
    [`/api/figures?filter=${encodeURIComponent('person = 陈吉宁')}`, /applies to passages/],
    ['/api/figures?status=maybe', /parameter "status"/],
    ['/api/export?format=xml', /parameter "format"/],
    ['/api/passages/bad%20id!', /passage id/],
  ];
  it.each(cases)('%s', async (path, message) => {
    const { status, body } = await getJson(path);
    expect(status).toBe(400);
    expect(String(body.error)).toMatch(message);
  });

  it('refuses a body that is not JSON, the wrong content type, and a body over the limit', async () => {
    const post = (body: string, type = 'application/json') => getJson('/api/search', { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('{"q":')).status).toBe(400);
    expect((await post(JSON.stringify({ q: 'x', limit: 500 }))).body.error).toMatch(/parameter "limit"/);
    expect((await post('q=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    const big = await post(JSON.stringify({ q: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
  });

  it('refuses an overlong URL with 414', async () => {
    expect((await getJson(`/api/search?q=${encodeURIComponent('长'.repeat(1500))}`)).status).toBe(414);
  });

  it('answers 404 for an unknown passage or endpoint', async () => {
    expect((await getJson('/api/passages/0000-ffff')).status).toBe(404);
    expect((await getJson('/api/nothing')).status).toBe(404);
  });
});

describe('API limits and access', () => {
  it('limits the request rate per IP with 429 and Retry-After', async () => {
    const limited = await start({ rateLimit: { max: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${limited}/api/health`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await fetch(`${limited}/api/health`);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('requires the token on every API request when one is set, but serves the page', async () => {
    const guarded = await start({ token: 'correct-horse-battery' });
    expect((await fetch(`${guarded}/api/search?q=x`)).status).toBe(401);
    expect((await fetch(`${guarded}/api/targets`, { headers: { authorization: 'Bearer wrong-token-value' } })).status).toBe(401);
    expect((await fetch(`${guarded}/api/targets`, { headers: { authorization: 'Bearer correct-horse-battery' } })).status).toBe(200);
    expect((await fetch(`${guarded}/api/targets`, { headers: { 'x-zhpipe-token': 'correct-horse-battery' } })).status).toBe(200);
    expect((await fetch(`${guarded}/`)).status).toBe(200);
  });

  it('refuses to listen off loopback without a token', async () => {
    const previous = process.env.ZHPIPE_TOKEN;
    delete process.env.ZHPIPE_TOKEN;
    try {
      await expect(serveCommand().parseAsync(['--host', '0.0.0.0', '--port', '0'], { from: 'user' })).rejects.toThrow(InputError);
      await expect(serveCommand().parseAsync(['--host', '0.0.0.0', '--port', '0'], { from: 'user' })).rejects.toThrow(/--token or set ZHPIPE_TOKEN/);
    } finally {
      if (previous !== undefined) process.env.ZHPIPE_TOKEN = previous;
    }
  });

  it('answers only to loopback Host names when bound to loopback (DNS rebinding)', async () => {
    const url = new URL(base);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: '/api/health', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('never sends the Meilisearch key to the browser', async () => {
    const { apiKey } = inject('meili');
    for (const path of [
      '/',
      '/app.js',
      '/style.css',
      `/api/search?q=${encodeURIComponent('长三角')}&facets=doc`,
      '/api/targets',
      '/api/figures',
      '/api/export?format=csv',
    ]) {
      const res = await fetch(base + path);
      expect(await res.text()).not.toContain(apiKey);
    }
  });
});

describe('zhpipe serve (the registered command, as a child process)', () => {
  it('prints its address and answers a search in either script', async () => {
    const pipeline = writePipeline(tempDir(), fixture.config.index);
    const child = spawn(process.execPath, [path.join(ROOT, 'src/bin/zhpipe.js'), 'serve', '--port', '0', '--pipeline', pipeline], {
      cwd: ROOT,
      env: { ...process.env, ZHPIPE_DATA_DIR: tempDir(), ZHPIPE_TOKEN: '', ...meiliEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /zhpipe serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const res = await fetch(`${url}api/search?q=${encodeURIComponent('充電樁')}`);
      const body = (await res.json()) as { hits: Array<{ text: string }> };
      expect(body.hits[0]?.text).toContain('充電樁');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});

describe('rate limiter and loopback check', () => {
  it('counts per IP and per window', () => {
    const limiter = new RateLimiter({ max: 2, windowMs: 1000 });
    expect([limiter.hit('a', 0), limiter.hit('a', 10), limiter.hit('a', 20)]).toEqual([0, 0, 1]);
    expect(limiter.hit('b', 20)).toBe(0);
    expect(limiter.hit('a', 1000)).toBe(0);
  });

  it('knows loopback addresses from the rest', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].map(isLoopback)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.20', 'example.com', '128.0.0.1'].map(isLoopback)).toEqual([false, false, false, false, false]);
  });
});
