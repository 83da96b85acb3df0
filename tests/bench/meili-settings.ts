// npm run bench:meili [-- --docs 300] [--rounds 2] [--variants word,attribute,no-prefix] [--threads 1,2]
// Meilisearch indexing time of the same records under each variant of the index settings: `word` and
// `attribute` are the `index.proximity` settings, `no-prefix` is `word` with Meilisearch's prefix search off.
// --threads: the servers' indexing threads (`--max-indexing-threads`; default what zhpipe gives its managed
// server, half the cores), one server each. The corpus is recombined into --docs articles (every third in
// traditional script), annotated once, then written to fresh indexes, variants and servers taking turns for
// --rounds rounds. Prints the seconds Meilisearch spent on the batches and, for the first round, its slowest
// indexing phases.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch, type Batch, type Settings } from 'meilisearch';
import { indexingThreads, startServer } from '../../src/meili/server.js';
import { annotate, loadResources } from '../../src/pipeline/annotate.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import type { FigureRecord, PassageRecord, Proximity } from '../../src/schema.js';
import { figureSettings, passageSettings } from '../../src/stages/index.js';
import { readSource } from '../../src/stages/read.js';
import { toScript } from '../../src/text/script.js';
import { durationSeconds } from './durations.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const docs = Number(option('--docs', '300'));
const rounds = Number(option('--rounds', '2'));

/** Each variant's settings for an index, from the settings ingest gives it. */
const VARIANTS = {
  word: { proximity: 'word', extra: {} },
  attribute: { proximity: 'attribute', extra: {} },
  'no-prefix': { proximity: 'word', extra: { prefixSearch: 'disabled' } },
} satisfies Record<string, { proximity: Proximity; extra: Settings }>;
type Variant = keyof typeof VARIANTS;
const variants = option('--variants', 'word,attribute').split(',');
for (const v of variants) if (!(v in VARIANTS)) throw new Error(`--variants: unknown variant "${v}" (${Object.keys(VARIANTS).join(', ')})`);
const config = PipelineConfig.parse({ name: 'bench', stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'], dictionaries: path.join(ROOT, 'dictionaries') });
const resources = loadResources(config);
const seeds = readdirSync(path.join(ROOT, 'corpus')).map((f) => readFileSync(path.join(ROOT, 'corpus', f), 'utf8'));
const passages: PassageRecord[] = [];
const figures: FigureRecord[] = [];
for (let i = 0; i < docs; i++) {
  let text = (seeds[i % seeds.length] ?? '').replace(/[0-9]+/g, (d) => String(Number(d) + i));
  if (i % 3 === 2) text = toScript(text, 'traditional');
  const records = annotate(readSource(`a${i}.txt`, Buffer.from(text)), resources);
  passages.push(...records.passages);
  figures.push(...records.figures);
}
console.log(`${passages.length} passages, ${figures.length} figures (${docs} articles)`);

const threadCounts = option('--threads', String(indexingThreads())).split(',').map(Number);
for (const t of threadCounts) if (!Number.isInteger(t) || t < 1) throw new Error(`--threads: "${t}" is not a thread count`);
const servers = await Promise.all(threadCounts.map((t) => startServer(mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-meili-')), { detached: false, indexingThreads: t })));
const clients = servers.map((server) => new Meilisearch({ host: server.host, apiKey: server.apiKey }));

/** Seconds Meilisearch spent indexing `records` into a fresh index with `settings`, and its batches. */
async function indexing(client: Meilisearch, uid: string, settings: Settings, records: object[]): Promise<[number, Batch[]]> {
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  await client.index(uid).updateSettings(settings).waitTask({ timeout: 600_000 });
  const tasks = [];
  for (let k = 0; k < records.length; k += 1000) tasks.push(await client.index(uid).addDocuments(records.slice(k, k + 1000)));
  for (const t of tasks) await client.tasks.waitForTask(t.taskUid, { timeout: 600_000, interval: 50 });
  const { results } = await client.batches.getBatches({ indexUids: [uid], limit: 1000 });
  const writes = results.filter((b) => b.details?.receivedDocuments);
  return [writes.reduce((n, b) => n + durationSeconds(b.duration), 0), writes];
}

/** The slowest leaf phases of the batches' progress traces. */
function phases(batches: Batch[]): string {
  const total = new Map<string, number>();
  for (const b of batches) {
    for (const [phase, d] of Object.entries((b.stats as { progressTrace?: Record<string, string> }).progressTrace ?? {})) {
      const m = /^([\d.]+)(s|ms|µs)$/.exec(d);
      if (m && phase.startsWith('processing tasks > indexing > ') && phase.split(' > ').length === 3) {
        total.set(phase.slice(30), (total.get(phase.slice(30)) ?? 0) + Number(m[1]) / (m[2] === 's' ? 1 : m[2] === 'ms' ? 1e3 : 1e6));
      }
    }
  }
  return [...total].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([p, s]) => `${p} ${s.toFixed(1)} s`).join(', ');
}

try {
  const sums = new Map<string, number>();
  let n = 0;
  const runs = threadCounts.flatMap((threads, s) => (variants as Variant[]).map((name) => ({ name, threads, client: clients[s] as Meilisearch })));
  const label = (r: { name: string; threads: number }) => (threadCounts.length > 1 ? `${r.name}, ${r.threads} thread(s)` : r.name);
  for (let round = 0; round < rounds; round++) {
    for (const run of runs) {
      const { proximity, extra } = VARIANTS[run.name];
      const [p, pb] = await indexing(run.client, `p${n}`, { ...passageSettings(resources.vocabulary, proximity), ...extra }, passages);
      const [f, fb] = await indexing(run.client, `f${n++}`, { ...figureSettings(resources.vocabulary, proximity), ...extra }, figures);
      sums.set(label(run), (sums.get(label(run)) ?? 0) + p + f);
      console.log(`round ${round + 1}  ${label(run).padEnd(9)}  passages ${p.toFixed(1)} s  figures ${f.toFixed(1)} s  total ${(p + f).toFixed(1)} s`);
      if (round === 0) console.log(`  slowest phases: ${phases([...pb, ...fb])}`);
    }
  }
  const labels = runs.map(label);
  const first = sums.get(labels[0] ?? '') ?? 0;
  console.log(`mean over ${rounds} round(s): ${labels.map((v) => `${v} ${((sums.get(v) ?? 0) / rounds).toFixed(1)} s (${(first / (sums.get(v) || 1)).toFixed(2)}x)`).join(', ')}`);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
