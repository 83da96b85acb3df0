// npm run bench:search [-- --passages 100000 --queries 1000]
// 1. Quality: recall@10 per script on the judged queries for zhpipe, for plain Meilisearch (default settings,
//    original text, query as typed) and for the alternatives we decided against (typo tolerance on,
//    matchingStrategy "last"), all in one run.
// 2. Latency: an index of ≥ 100,000 passages (corpus/ recombined with varied numbers and names), ≥ 1,000
//    queries in mixed scripts with and without filters and facets, at concurrency 1, 8 and 32: p50/p95/p99 of
//    zhpipe's search() and of the raw Meilisearch call it makes.
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { startServer } from '../../src/meili/server.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { analyzeSource, listInputs, readFile } from '../../src/pipeline/analyze.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { loadResources } from '../../src/pipeline/annotate.js';
import { lineStarts, NO_ANNOTATIONS, toPassageRecord } from '../../src/pipeline/records.js';
import { passageSettings, settle } from '../../src/stages/index.js';
import { prepareQuery, search, searchParams, SearchRequest, type SearchContext } from '../../src/search/search.js';
import type { PassageRecord } from '../../src/schema.js';
import { loadRegional } from '../../src/vocabulary.js';
import { evaluate, formatEvaluation, loadJudged } from '../judged.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PASSAGES = arg('passages', 100_000);
const QUERIES = arg('queries', 1000);

const dataDir = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-search-'));
const server = await startServer(dataDir, { detached: false });
const client = new Meilisearch({ host: server.host, apiKey: server.apiKey });
const config = PipelineConfig.parse({
  name: 'bench',
  stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
  dictionaries: path.join(ROOT, 'dictionaries'),
  index: { passages: 'bench_passages', figures: 'bench_figures' },
});
const regional = loadRegional(path.join(ROOT, 'dictionaries'));

try {
  // ---- 1. quality -------------------------------------------------------------------------------------
  await ingest(client, [path.join(ROOT, 'corpus')], config, { dataDir });
  const { results } = await client.index('bench_passages').getDocuments<PassageRecord>({ limit: 10000 });
  const passages = results.map((r) => ({ id: r.id, text: r.text }));
  const ctx: SearchContext = { client, index: 'bench_passages', regional };

  // Plain Meilisearch: default settings over the original passage text, query as typed.
  await settle(client, (await client.createIndex('bench_raw', { primaryKey: 'id' })).taskUid);
  await settle(client, (await client.index('bench_raw').addDocuments(passages)).taskUid);

  // The road not taken: the same index with typo tolerance on.
  const { vocabulary } = loadResources(config);
  await settle(client, (await client.createIndex('bench_typo', { primaryKey: 'id' })).taskUid);
  await settle(client, (await client.index('bench_typo').updateSettings({ ...passageSettings(vocabulary), typoTolerance: { enabled: true } })).taskUid);
  await settle(client, (await client.index('bench_typo').addDocuments(results)).taskUid);

  const zhpipe = await evaluate(async (q) => (await search(ctx, { q })).hits.map((h) => h.id), passages);
  const raw = await evaluate(async (q) => (await client.index('bench_raw').search(q, { limit: 10 })).hits.map((h) => String(h.id)), passages);
  const typo = await evaluate(async (q) => (await search({ ...ctx, index: 'bench_typo' }, { q })).hits.map((h) => h.id), passages);
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

  // ---- 2. latency -------------------------------------------------------------------------------------
  const big = 'bench_large';
  await settle(client, (await client.createIndex(big, { primaryKey: 'id' })).taskUid);
  await settle(client, (await client.index(big).updateSettings(passageSettings(vocabulary))).taskUid);
  const base: PassageRecord[] = [];
  for (const file of listInputs([path.join(ROOT, 'corpus')]).files) {
    const source = readFile(file);
    if ('skipped' in source) continue;
    const lines = lineStarts(source.original);
    for (const { passage } of analyzeSource(source, { ...config, stages: ['read', 'clean'] }).passages) {
      base.push(toPassageRecord(passage, lines, NO_ANNOTATIONS));
    }
  }
  const cities = ['上海', '南京', '杭州', '合肥', '苏州', '宁波', '无锡', '温州', '芜湖', '扬州', '嘉兴', '绍兴'];
  const vary = (text: string, n: number) =>
    text.replace(/[0-9]+/g, (d) => String((Number(d) + n) % 10 ** d.length)).replace(/上海|南京|杭州|合肥/g, () => cities[n % cities.length] ?? '上海');
  const started = Date.now();
  let batch: PassageRecord[] = [];
  const tasks: number[] = [];
  for (let i = 0; i < PASSAGES; i++) {
    const p = base[i % base.length] as PassageRecord;
    const copy = Math.floor(i / base.length);
    const text = copy === 0 ? p.text : vary(p.text, copy);
    batch.push({ ...p, id: `${p.id}-${copy}`, doc: `${p.doc}#${copy}`, docId: `${p.docId}${copy}`, text, norm: text, year: [2020 + (copy % 7)] });
    if (batch.length === 10_000) {
      tasks.push((await client.index(big).addDocuments(batch)).taskUid);
      batch = [];
    }
  }
  if (batch.length) tasks.push((await client.index(big).addDocuments(batch)).taskUid);
  for (const t of tasks) await settle(client, t);
  const stats = await client.index(big).getStats();
  console.log(`\nlarge index: ${stats.numberOfDocuments} passages, indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Mixed workload: judged queries in every script, some with filters and facets.
  const judged = loadJudged().map((j) => j.q);
  const workload = Array.from({ length: QUERIES }, (_, i) => {
    const q = judged[i % judged.length] ?? '长三角';
    const request = SearchRequest.parse({
      q,
      ...(i % 3 === 1 ? { filter: [{ field: 'year', op: '>=', value: 2023 }] } : {}),
      ...(i % 4 === 2 ? { facets: ['year', 'doc'] } : {}),
    });
    // The raw call gets the query already converted: its time is Meilisearch's alone.
    return { request, simplified: prepareQuery(q, regional).simplified, params: searchParams(request) };
  });
  const bigCtx: SearchContext = { client, index: big, regional };
  const percentiles = (ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
    return { p50: at(50), p95: at(95), p99: at(99) };
  };
  async function timed(concurrency: number, call: (r: (typeof workload)[number]) => Promise<unknown>): Promise<number[]> {
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < workload.length) {
          const request = workload[next++];
          if (!request) break;
          const t0 = performance.now();
          await call(request);
          times.push(performance.now() - t0);
        }
      }),
    );
    return times;
  }
  // Warm up both paths (OpenCC tries, Meilisearch caches).
  await timed(4, (w) => search(bigCtx, w.request));
  console.log('\nlatency over', QUERIES, 'queries (ms)');
  console.log('concurrency  zhpipe p50/p95/p99        raw Meilisearch p50/p95/p99   goal: zhpipe p95 <= 1.2 x raw p95 + 2 ms');
  for (const concurrency of [1, 8, 32]) {
    const raw = percentiles(await timed(concurrency, (w) => client.index(big).search(w.simplified, w.params)));
    const zh = percentiles(await timed(concurrency, (w) => search(bigCtx, w.request)));
    const goal = 1.2 * raw.p95 + 2;
    const f = (p: { p50: number; p95: number; p99: number }) => `${p.p50.toFixed(1)}/${p.p95.toFixed(1)}/${p.p99.toFixed(1)}`.padEnd(26);
    console.log(`${String(concurrency).padEnd(12)} ${f(zh)} ${f(raw)}    ${zh.p95 <= goal ? 'met' : 'NOT met'} (${zh.p95.toFixed(1)} vs ${goal.toFixed(1)})`);
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
