// npm run bench:search [-- --passages 100000 --queries 1000 --rounds 2 --separate --block 250 --data-dir DIR --skip-quality
//                         --skip-concurrency --cli-runs 40]
// 1. Quality: recall@10 per script on the judged queries for zhpipe, for plain Meilisearch (default settings,
//    original text, query as typed) and for the alternatives we decided against (typo tolerance on,
//    matchingStrategy "last"), all in one run.
// 2. Latency: an index of ≥ 100,000 passages (corpus/ recombined with varied numbers and names), ≥ 1,000
//    queries in mixed scripts with and without filters and facets, at concurrency 1, 8 and 32: p50/p95/p99 of
//    zhpipe's search() and of the raw Meilisearch call it makes (the very same request: query already
//    converted, same parameters, same HTTP transport), so the difference is zhpipe's own overhead; and, for
//    reference, of that request through meilisearch-js.
// 3. Start-up, one query at a time: p50/p95 of `zhpipe search` as a whole process (the real CLI, spawned as a user
//    runs it, against the large index), of zhpipe's search() in this process and of the raw Meilisearch call
//    with the same query and parameters; `--cli-runs N` CLI processes (default 40). `--skip-concurrency` leaves
//    out section 2's table (the longest part).
// By default everything is built from scratch in a temporary data directory. `--data-dir DIR` keeps the
// Meilisearch data there and reuses a large index already built in it (for development only).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Meilisearch } from 'meilisearch';
import { startServer } from '../../src/meili/server.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { analyzeSource, listInputs, readFile } from '../../src/pipeline/analyze.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { loadResources } from '../../src/pipeline/annotate.js';
import { lineStarts, NO_ANNOTATIONS, toPassageRecord } from '../../src/pipeline/records.js';
import { passageSettings } from '../../src/meili/settings.js';
import { settle } from '../../src/meili/tasks.js';
import { prepareQuery, search, searchParams, SearchRequest, type SearchContext } from '../../src/search/search.js';
import { searchIndex } from '../../src/meili/transport.js';
import type { PassageRecord } from '../../src/schema.js';
import { loadRegional } from '../../src/vocabulary.js';
import { evaluate, formatEvaluation, loadJudged } from '../judged.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const arg = (name: string, fallback: number) => Number(option(name) ?? fallback);
const PASSAGES = arg('passages', 100_000);
const QUERIES = arg('queries', 1000);
// Rounds over the whole workload per concurrency and path; with --separate, blocks the paths take in turns.
const ROUNDS = arg('rounds', 2);
const SEPARATE = process.argv.includes('--separate');
const BLOCK = arg('block', 250);
const KEEP = option('data-dir');
const SKIP_QUALITY = process.argv.includes('--skip-quality');
const SKIP_CONCURRENCY = process.argv.includes('--skip-concurrency');
const CLI_RUNS = arg('cli-runs', 40);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average at start: ${load()}`);

const dataDir = KEEP ? path.resolve(KEEP) : mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-search-'));
mkdirSync(dataDir, { recursive: true });
const server = await startServer(dataDir, { detached: false });
const client = new Meilisearch({ host: server.host, apiKey: server.apiKey });
const config = PipelineConfig.parse({
  name: 'bench',
  stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
  dictionaries: path.join(ROOT, 'dictionaries'),
  index: { passages: 'bench_passages', figures: 'bench_figures' },
});
const regional = loadRegional(path.join(ROOT, 'dictionaries'));
const { vocabulary } = loadResources(config);

/** Drops an index left by an earlier run on a kept data directory, then creates it afresh. */
async function freshIndex(uid: string): Promise<void> {
  await settle(client, (await client.deleteIndex(uid)).taskUid).catch(() => undefined);
  await settle(client, (await client.createIndex(uid, { primaryKey: 'id' })).taskUid);
}

async function quality(): Promise<void> {
  await ingest(client, [path.join(ROOT, 'corpus')], config, { dataDir });
  const { results } = await client.index('bench_passages').getDocuments<PassageRecord>({ limit: 10000 });
  const passages = results.map((r) => ({ id: r.id, text: r.text }));
  const ctx: SearchContext = { client, index: 'bench_passages', regional };

  // Plain Meilisearch: default settings over the original passage text, query as typed.
  await freshIndex('bench_raw');
  await settle(client, (await client.index('bench_raw').addDocuments(passages)).taskUid);

  // The road not taken: the same index with typo tolerance on.
  await freshIndex('bench_typo');
  await settle(client, (await client.index('bench_typo').updateSettings({ ...passageSettings(vocabulary), typoTolerance: { enabled: true } })).taskUid);
  await settle(client, (await client.index('bench_typo').addDocuments(results)).taskUid);

  // Passage recall, as tests/search/search-quality.test.ts judges it: the per-document limit off (with its default
  // of 2, a query whose 10 relevant passages sit in 2 documents could find only 4, and the table would say so).
  const zhpipe = await evaluate(async (q) => (await search(ctx, { q, perDoc: 0 })).hits.map((h) => h.id), passages);
  const raw = await evaluate(async (q) => (await client.index('bench_raw').search(q, { limit: 10 })).hits.map((h) => String(h.id)), passages);
  const typo = await evaluate(async (q) => (await search({ ...ctx, index: 'bench_typo' }, { q, perDoc: 0 })).hits.map((h) => h.id), passages);
  const last = await evaluate(async (q) => {
    const { simplified } = prepareQuery(q, regional);
    const params = { ...searchParams(SearchRequest.parse({ q })), matchingStrategy: 'last' as const };
    return (await client.index('bench_passages').search(simplified, params)).hits.map((h) => String(h.id));
  }, passages);
  console.log(`judged queries: ${loadJudged().length}, passages: ${passages.length}`);
  console.log(formatEvaluation('zhpipe (typo tolerance off, matchingStrategy all)', zhpipe));
  console.log(formatEvaluation('plain Meilisearch (default settings, query as typed)', raw));
  console.log(formatEvaluation('zhpipe with typo tolerance on', typo));
  console.log(formatEvaluation('zhpipe with matchingStrategy "last"', last));
  if (zhpipe.misses.length) console.log('zhpipe misses:', JSON.stringify(zhpipe.misses));
}

const BIG = 'bench_large';

/** The large index: corpus/ passages recombined with varied numbers, places and years. */
async function buildLarge(): Promise<void> {
  const existing = await client
    .index(BIG)
    .getStats()
    .catch(() => undefined);
  if (KEEP && existing && existing.numberOfDocuments >= PASSAGES) {
    console.log(`\nlarge index: ${existing.numberOfDocuments} passages, reused from ${dataDir}`);
    return;
  }
  await freshIndex(BIG);
  await settle(client, (await client.index(BIG).updateSettings(passageSettings(vocabulary))).taskUid);
  const base: PassageRecord[] = [];
  for (const file of listInputs([path.join(ROOT, 'corpus')]).files) {
    const source = readFile(file);
    if ('skipped' in source) continue;
    const lines = lineStarts(source.original);
    for (const { passage, tokens } of analyzeSource(source, { ...config, stages: ['read', 'clean', 'segment'] }).passages) {
      base.push(toPassageRecord(passage, lines, { ...NO_ANNOTATIONS, tokens }));
    }
  }
  const cities = ['上海', '南京', '杭州', '合肥', '苏州', '宁波', '无锡', '温州', '芜湖', '扬州', '嘉兴', '绍兴'];
  // Same-length replacements keep `text`, `norm` and the offset map index for index.
  const vary = (text: string, n: number) =>
    text
      .replace(/[0-9]+/g, (d) => String((Number(d) + n) % 10 ** d.length).padStart(d.length, '0'))
      .replace(/上海|南京|杭州|合肥/g, () => cities[n % cities.length] ?? '上海');
  const started = Date.now();
  let batch: PassageRecord[] = [];
  const tasks: number[] = [];
  for (let i = 0; i < PASSAGES; i++) {
    const p = base[i % base.length] as PassageRecord;
    const copy = Math.floor(i / base.length);
    const text = copy === 0 ? p.text : vary(p.text, copy);
    const norm = copy === 0 ? p.norm : vary(p.norm, copy);
    const words = copy === 0 ? p.words : vary(p.words, copy);
    batch.push({ ...p, id: `${p.id}-${copy}`, doc: `${p.doc}#${copy}`, docId: `${p.docId}${copy}`, text, norm, words, year: [2020 + (copy % 7)] });
    if (batch.length === 10_000) {
      tasks.push((await client.index(BIG).addDocuments(batch)).taskUid);
      batch = [];
    }
  }
  if (batch.length) tasks.push((await client.index(BIG).addDocuments(batch)).taskUid);
  for (const t of tasks) await settle(client, t);
  const stats = await client.index(BIG).getStats();
  console.log(`\nlarge index: ${stats.numberOfDocuments} passages, indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

function percentiles(ms: number[]): Percentiles {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** The raw Meilisearch request zhpipe's search() makes: the query already converted, zhpipe's own parameters. */
function rawBody(request: SearchRequest) {
  return { ...searchParams(SearchRequest.parse(request)), q: prepareQuery(request.q, regional).simplified };
}

async function latency(): Promise<void> {
  // Mixed workload: judged queries in every script, some with filters and facets.
  const judged = loadJudged().map((j) => j.q);
  const workload = Array.from({ length: QUERIES }, (_, i) => {
    const q = judged[i % judged.length] ?? '长三角';
    const request = SearchRequest.parse({
      q,
      ...(i % 3 === 1 ? { filter: [{ field: 'year', op: '>=', value: 2023 }] } : {}),
      ...(i % 4 === 2 ? { facets: ['year', 'doc'] } : {}),
    });
    // The raw call gets the query already converted and zhpipe's own parameters, over zhpipe's own transport:
    // its time is Meilisearch's (and HTTP's) alone.
    return { request, body: rawBody(request) };
  });
  type Work = (typeof workload)[number];
  const bigCtx: SearchContext = { client, index: BIG, regional };
  const paths = {
    zhpipe: (w: Work) => search(bigCtx, w.request),
    raw: (w: Work) => searchIndex(client, BIG, w.body),
    // For reference: the same request through meilisearch-js (Node's fetch), which zhpipe no longer uses.
    client: (w: Work) => client.index(BIG).search(w.body.q, w.body),
  };
  type PathName = keyof typeof paths;

  type Item = { name: PathName; work: Work };
  /** Runs items with `concurrency` in flight; the latency of each, by path. */
  async function timed(concurrency: number, items: Item[]): Promise<Record<PathName, number[]>> {
    const times: Record<PathName, number[]> = { zhpipe: [], raw: [], client: [] };
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let item = items[next++]; item; item = items[next++]) {
          const t0 = performance.now();
          await paths[item.name](item.work);
          times[item.name].push(performance.now() - t0);
        }
      }),
    );
    return times;
  }
  const one = (name: PathName): Item[] => workload.map((work) => ({ name, work }));
  // Warm up every path (OpenCC tries, JIT, keep-alive sockets, Meilisearch caches) before anything is timed.
  for (const name of Object.keys(paths) as PathName[]) await timed(8, one(name));

  // Interleaved (default): zhpipe and raw calls alternate query by query in one queue, so at every moment the
  // same number of each is in flight and load from other processes on the machine lands on both alike; the
  // Node side is not the bottleneck (event-loop utilization ~0.1-0.2 at concurrency 32), so the mix does not
  // flatter zhpipe. `--separate`: each path runs alone, in blocks of BLOCK queries taken in turns.
  function schedule(names: PathName[], round: number): Item[][] {
    const nth = (i: number) => names[(i + round) % names.length] as PathName;
    if (!SEPARATE) return [workload.flatMap((work, i) => names.map((_, k) => ({ name: nth(i + k), work })))];
    const passes: Item[][] = [];
    for (let from = 0, block = 0; from < workload.length; from += BLOCK, block++) {
      for (let k = 0; k < names.length; k++) passes.push(workload.slice(from, from + BLOCK).map((work) => ({ name: nth(block + k), work })));
    }
    return passes;
  }
  async function measure(concurrency: number, names: PathName[]): Promise<Record<PathName, number[]>> {
    const all: Record<PathName, number[]> = { zhpipe: [], raw: [], client: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const items of schedule(names, round)) {
        const times = await timed(concurrency, items);
        for (const name of names) all[name].push(...times[name]);
      }
    }
    return all;
  }

  const f = (p: Percentiles) => `${p.p50.toFixed(1)}/${p.p95.toFixed(1)}/${p.p99.toFixed(1)}`.padEnd(26);
  console.log(
    `\nlatency over ${QUERIES} queries x ${ROUNDS} round(s) per concurrency and path, ${SEPARATE ? `paths apart in blocks of ${BLOCK}` : 'paths interleaved'} (ms); load average before: ${load()}`,
  );
  console.log('concurrency  zhpipe p50/p95/p99        raw Meilisearch p50/p95/p99   goal: zhpipe p95 <= 1.2 x raw p95 + 2 ms');
  let allMet = true;
  for (const concurrency of [1, 8, 32]) {
    const times = await measure(concurrency, ['zhpipe', 'raw']);
    const z = percentiles(times.zhpipe);
    const r = percentiles(times.raw);
    const goal = 1.2 * r.p95 + 2;
    const met = z.p95 <= goal;
    allMet &&= met;
    console.log(`${String(concurrency).padEnd(12)} ${f(z)} ${f(r)}    ${met ? 'met' : 'NOT met'} (${z.p95.toFixed(1)} vs ${goal.toFixed(1)})`);
  }
  console.log(`goal ${allMet ? 'met' : 'NOT met'} at every concurrency; load average after: ${load()}`);
  // For reference, the transport zhpipe replaced: the same request through meilisearch-js (Node's fetch).
  const transport = await measure(1, ['raw', 'client']);
  console.log(`concurrency 1, same request: zhpipe's transport ${f(percentiles(transport.raw))} meilisearch-js ${f(percentiles(transport.client))}`);
}

/** Milliseconds from spawning `node ARGV` to its exit, as a user at a prompt waits for it. */
function timeNode(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`node ${argv.join(' ')} exited ${code}: ${stderr.trim()}`))));
  });
}

const timeCli = (args: string[], env: NodeJS.ProcessEnv) => timeNode([path.join(ROOT, 'src/bin/zhpipe.js'), ...args], env);

async function startup(): Promise<void> {
  // The CLI runs dist/ while it is current (src/bin/build.js); build it first if a source changed.
  const buildScript = path.join(ROOT, 'src/bin/build.js');
  const built = existsSync(buildScript) ? spawnSync(process.execPath, [buildScript, '--if-stale'], { cwd: ROOT, encoding: 'utf8' }).status === 0 : false;
  console.log(`\nCLI runs ${built ? 'the bundled dist/bundle/ (current)' : 'the TypeScript sources through tsx (no build, or it failed)'}`);
  const pipelineFile = path.join(dataDir, 'bench-pipeline.json');
  writeFileSync(pipelineFile, JSON.stringify({ ...config, index: { ...config.index, passages: BIG } }));
  // Each CLI process also notes its CPU time (all threads) as it exits: on a busy machine wall time counts the
  // waits for a core too, CPU time only the CLI's own work.
  const cpuLog = path.join(dataDir, 'cli-cpu.jsonl');
  const cpuHook = path.join(dataDir, 'cli-cpu.mjs');
  writeFileSync(
    cpuHook,
    `import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.cpuUsage(); appendFileSync(${JSON.stringify(cpuLog)}, (u.user + u.system) / 1000 + '\\n'); });\n`,
  );
  writeFileSync(cpuLog, '');
  const env = {
    ...process.env,
    MEILI_HOST: server.host,
    MEILI_MASTER_KEY: server.apiKey,
    ZHPIPE_DATA_DIR: dataDir,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import ${pathToFileURL(cpuHook).href}`].filter(Boolean).join(' '),
  };
  // Plain queries as a user types them at a prompt: no filter, no facets, the CLI's defaults.
  const queries = loadJudged().map((j) => j.q);
  const requests = queries.map((q) => SearchRequest.parse({ q }));
  const ctx: SearchContext = { client, index: BIG, regional };
  const cli: number[] = [];
  const inProcess: number[] = [];
  const raw: number[] = [];
  const time = async (into: number[], run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    into.push(performance.now() - t0);
  };
  // Warm-up: the file cache holds node, the modules and the index; this process has its converters and JIT.
  for (let i = 0; i < 3; i++) await timeCli(['search', queries[i % queries.length] ?? '长三角', '--json', '--pipeline', pipelineFile], env);
  for (const request of requests) {
    await search(ctx, request);
    await searchIndex(client, BIG, rawBody(request));
  }
  writeFileSync(cpuLog, ''); // not the warm-up's
  // Node's own start, taking turns with the CLI: the floor under the CLI's time on this machine at this moment.
  const bare: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const q = queries[i % queries.length] ?? '长三角';
    cli.push(await timeCli(['search', q, '--json', '--pipeline', pipelineFile], env));
    // Node alone, without the CPU hook of NODE_OPTIONS: it would log a CPU time among the CLI's.
    bare.push(await timeNode(['-e', '0'], { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' }));
  }
  // In process the same queries, many rounds, the two paths taking turns query by query.
  for (let round = 0; round < 20; round++) {
    for (const request of requests) {
      const body = rawBody(request);
      await time(inProcess, () => search(ctx, request));
      await time(raw, () => searchIndex(client, BIG, body));
    }
  }
  const cpu = readFileSync(cpuLog, 'utf8').split('\n').filter(Boolean).map(Number);
  const row = (name: string, ms: number[], cpuMs?: number[]) => {
    const p = percentiles(ms);
    const c = cpuMs && percentiles(cpuMs);
    const cpuCells = c ? `${c.p50.toFixed(1).padStart(12)} ${c.p95.toFixed(1).padStart(12)}` : `${'—'.padStart(12)} ${'—'.padStart(12)}`;
    return `${name.padEnd(44)} ${String(ms.length).padStart(5)} ${p.p50.toFixed(1).padStart(8)} ${p.p95.toFixed(1).padStart(8)} ${cpuCells}`;
  };
  console.log(`\none query at a time, the judged queries without filters or facets, on ${BIG} (ms); load average before: ${load()}`);
  console.log(`${'path'.padEnd(44)} ${'runs'.padStart(5)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'CPU ms p50'.padStart(12)} ${'CPU ms p95'.padStart(12)}`);
  console.log(row('zhpipe search, whole process (CLI)', cli, cpu));
  console.log(row('zhpipe search() in process', inProcess));
  console.log(row('raw Meilisearch call, same query and params', raw));
  console.log(row('node -e 0 (Node alone, for reference)', bare));
  const c = percentiles(cli);
  const z = percentiles(inProcess);
  const r = percentiles(raw);
  const goal = 1.5 * r.p95 + 2;
  console.log(
    `goal CLI p50 <= 250 ms: ${c.p50 <= 250 ? 'met' : 'NOT met'} (${c.p50.toFixed(0)} ms); goal in-process p95 <= 1.5 x raw p95 + 2 ms: ${z.p95 <= goal ? 'met' : 'NOT met'} (${z.p95.toFixed(1)} vs ${goal.toFixed(1)}); load average after: ${load()}`,
  );
}

try {
  if (!SKIP_QUALITY) await quality();
  await buildLarge();
  await startup();
  if (!SKIP_CONCURRENCY) await latency();
} finally {
  await server.stop();
  if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
}
