// npm run bench [-- --mb 2] [--repeat 1] [--workers 1,2] [--stage-mb 2] [--cpu] [--batch-size N] [--proximity word|attribute]
// One run, one input: a corpus that reads like real news (tests/bench/news-corpus.ts: the People's Daily NER
// sentences, read at run time from ../shared/bench, plus corpus/; --mb its size, a comma list for several sizes)
// and prints (issue 23):
// - its size and distinct-token count (raw nodejieba cut);
// - on one thread, MB per CPU-second of raw nodejieba `cut` (the reference) and of each CPU stage alone — read,
//   clean, segment, entities, figures, records — and of all of them together, each with its ratio to raw cut
//   (over the first --stage-mb MB of the corpus);
// - the baseline: plain Meilisearch indexing the same passages with default settings (one index, documents
//   {id, text} sent in batches, timed to all tasks succeeded);
// - zhpipe ingest with each worker count (default 1 and every core): seconds, MB/s, passages/s, ratio to the
//   baseline, Meilisearch CPU seconds and batch seconds, peak RSS of the ingest process and of Meilisearch;
//   with --cpu, also the CPU stages alone in ingest's worker pool (no index);
// - Meilisearch CPU seconds per index, zhpipe's records written one index at a time with zhpipe's settings.
// Every run gets a fresh Meilisearch, so its CPU seconds (/proc/<pid>/stat) and peak RSS (VmHWM) are its own,
// and every ingest is a child process, so its peak RSS is its own. --repeat N interleaves the runs N times
// and prints medians.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch, type Settings } from 'meilisearch';
import PQueue from 'p-queue';
import { startServer, type ManagedServer } from '../../src/meili/server.js';
import { annotate, loadResources } from '../../src/pipeline/annotate.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { workerPool } from '../../src/pipeline/pool.js';
import { lineStarts, NO_ANNOTATIONS, toPassageRecord } from '../../src/pipeline/records.js';
import type { FigureRecord, PassageRecord } from '../../src/schema.js';
import { clean } from '../../src/stages/clean.js';
import { tagEntities } from '../../src/stages/entities/index.js';
import { extractFigures } from '../../src/stages/figures/index.js';
import { figureSettings, passageSettings } from '../../src/meili/settings.js';
import { readSource } from '../../src/stages/read.js';
import { cut, segment } from '../../src/stages/segment.js';
import { durationSeconds } from './durations.js';
import { cpuSeconds, median, peakRssMB } from './meili-proc.js';
import { distinctTokens, writeNewsCorpus } from './news-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;
const argAfter = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const batchSize = argAfter('--batch-size') ? Number(argAfter('--batch-size')) : undefined;
const proximity = argAfter('--proximity');
const config = PipelineConfig.parse({
  name: 'bench',
  stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
  dictionaries: path.join(ROOT, 'dictionaries'),
  // --batch-size and --proximity override the pipeline's defaults (records per Meilisearch write, index.proximity).
  index: { passages: 'bench_passages', figures: 'bench_figures', ...(batchSize ? { batchSize } : {}), ...(proximity ? { proximity } : {}), concurrency: 2 },
});
const childArgs = [...(batchSize ? ['--batch-size', String(batchSize)] : []), ...(proximity ? ['--proximity', proximity] : [])];

const ownPeakRssMB = () => process.resourceUsage().maxRSS / 1024;

// Child mode "cpu": the files through ingest's worker pool (same worker, same in-flight bound), no index.
if (process.argv[2] === '--cpu-child') {
  const [, , , dir = '', workers] = process.argv;
  const started = performance.now();
  const threads = Number(workers);
  const pool = workerPool(threads);
  const queue = new PQueue({ concurrency: threads * 2 });
  let passages = 0;
  for (const file of readdirSync(dir).sort()) {
    await queue.onSizeLessThan(threads * 2);
    const bytes = readFileSync(path.join(dir, file));
    void queue.add(async () => {
      const result = await pool.run({ doc: file, bytes, config });
      if (result.ok) passages += result.passages.length;
    });
  }
  await queue.onIdle();
  await pool.destroy();
  console.log(JSON.stringify({ elapsedMs: performance.now() - started, passages, maxRssMB: ownPeakRssMB() }));
  process.exit(0);
}

// Child mode "ingest": one ingest, print its summary and this process's peak RSS.
if (process.argv[2] === '--child') {
  const [, , , dir, workers, host, key] = process.argv;
  const client = new Meilisearch({ host: host ?? '', apiKey: key ?? '' });
  const summary = await ingest(client, [dir ?? ''], config, { workers: Number(workers) });
  console.log(JSON.stringify({ ...summary, skipped: summary.skipped.length, maxRssMB: ownPeakRssMB() }));
  process.exit(0);
}

const option = (name: string, fallback: string) => argAfter(name) ?? fallback;
const sizes = option('--mb', '2')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const stageMB = Number(option('--stage-mb', '2'));
const repeat = Math.max(1, Number(option('--repeat', '1')));
const withCpuMode = process.argv.includes('--cpu');
const cores = availableParallelism();
const workerCounts = [...new Set(option('--workers', `1,${cores}`).split(',').map(Number))];
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
const work = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-'));
let serverNo = 0;

/** A fresh Meilisearch for one run, stopped afterwards: its CPU seconds and peak RSS are that run's. */
async function withServer<T>(fn: (server: ManagedServer, client: Meilisearch) => Promise<T>): Promise<T> {
  const dir = path.join(work, `meili-${serverNo++}`);
  const server = await startServer(dir, { detached: false });
  try {
    return await fn(server, new Meilisearch({ host: server.host, apiKey: server.apiKey }));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds Meilisearch spent processing batches of one index. */
async function batchSeconds(client: Meilisearch, uid: string): Promise<number> {
  let total = 0;
  let from: number | null | undefined;
  do {
    const page = await client.batches.getBatches({ indexUids: [uid], limit: 1000, ...(from != null ? { from } : {}) });
    for (const batch of page.results) total += durationSeconds(batch.duration);
    from = page.next;
  } while (from != null);
  return total;
}

/** Sends documents in batches without waiting, then waits for every task; returns the seconds from the first send. */
async function sendAll(client: Meilisearch, uid: string, docs: object[], batch: number): Promise<number> {
  const started = performance.now();
  const tasks = [];
  for (let k = 0; k < docs.length; k += batch) tasks.push(await client.index(uid).addDocuments(docs.slice(k, k + batch), { primaryKey: 'id' }));
  for (const t of tasks) {
    const done = await client.tasks.waitForTask(t.taskUid, { timeout: 3_600_000, interval: 50 });
    if (done.status !== 'succeeded') throw new Error(`task ${done.uid} on ${uid}: ${done.status} ${done.error?.message ?? ''}`);
  }
  return (performance.now() - started) / 1000;
}

interface Run {
  label: string;
  secs: number;
  meiliCpu: number;
  meiliRss: number;
  rss?: number;
  passages?: number;
  batch?: { passages: number; figures: number };
}

/** The plain-Meilisearch baseline: default settings, {id, text}, batches of the pipeline's batch size. */
async function baseline(docs: Array<{ id: string; text: string }>): Promise<Run> {
  return withServer(async (server, client) => {
    await client.createIndex('plain', { primaryKey: 'id' }).waitTask();
    const before = cpuSeconds(server.pid);
    const secs = await sendAll(client, 'plain', docs, config.index.batchSize);
    return { label: 'plain Meilisearch', secs, meiliCpu: cpuSeconds(server.pid) - before, meiliRss: peakRssMB(server.pid), passages: docs.length };
  });
}

function child(args: string[]): { elapsedMs: number; passages: number; maxRssMB: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, ...args, ...childArgs], { cwd: ROOT, maxBuffer: 16 * MB }).toString();
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { elapsedMs: number; passages: number; maxRssMB: number };
}

async function ingestRun(dir: string, workers: number): Promise<Run> {
  return withServer(async (server, client) => {
    const before = cpuSeconds(server.pid);
    const s = child(['--child', dir, String(workers), server.host, server.apiKey]);
    const meiliCpu = cpuSeconds(server.pid) - before;
    const batch = { passages: await batchSeconds(client, config.index.passages), figures: await batchSeconds(client, config.index.figures) };
    return {
      label: `zhpipe ingest, ${workers} worker(s)`,
      secs: s.elapsedMs / 1000,
      meiliCpu,
      meiliRss: peakRssMB(server.pid),
      rss: s.maxRssMB,
      passages: s.passages,
      batch,
    };
  });
}

function cpuRun(dir: string, workers: number): Run {
  const s = child(['--cpu-child', dir, String(workers)]);
  return { label: `CPU stages only, ${workers} worker(s)`, secs: s.elapsedMs / 1000, meiliCpu: 0, meiliRss: 0, rss: s.maxRssMB, passages: s.passages };
}

/** Meilisearch CPU seconds of each index: zhpipe's records and settings, one index at a time. */
async function perIndexCpu(
  records: { passages: PassageRecord[]; figures: FigureRecord[] },
  vocabulary: Parameters<typeof passageSettings>[0],
): Promise<{ passages: number; figures: number }> {
  return withServer(async (server, client) => {
    const one = async (uid: string, settings: Settings, docs: object[]) => {
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
      await client.index(uid).updateSettings(settings).waitTask({ timeout: 600_000 });
      const before = cpuSeconds(server.pid);
      await sendAll(client, uid, docs, config.index.batchSize);
      return cpuSeconds(server.pid) - before;
    };
    const passages = await one('p', passageSettings(vocabulary, config.index.proximity), records.passages);
    const figures = await one('f', figureSettings(config.index.proximity), records.figures);
    return { passages, figures };
  });
}

try {
  for (const size of sizes) {
    const dir = path.join(work, `corpus-${size}`);
    const corpus = writeNewsCorpus(dir, size);
    const names = readdirSync(dir).sort();
    const files = names.map((f) => readFileSync(path.join(dir, f)));
    const mb = corpus.bytes / MB;
    console.log(
      `corpus: ${mb.toFixed(2)} MB in ${corpus.files} documents (People's Daily NER sentences, ~20 a document, + corpus/; ${(corpus.realBytes / MB).toFixed(2)} MB distinct text${corpus.rounds > 1 ? `, regrouped ${corpus.rounds} times` : ''}), ${distinctTokens(dir)} distinct tokens (nodejieba cut); ${cores} cores; ${load()}`,
    );

    // Stage speeds in this process (one thread), each stage alone over the output of the one before.
    let stageBytes = 0;
    const stageFiles = files.filter((b) => (stageBytes += b.length) <= stageMB * MB || stageBytes === b.length);
    const stageTotalMB = stageFiles.reduce((n, b) => n + b.length, 0) / MB;
    // CPU seconds, not wall seconds: the goal is per core, and other processes on the machine would skew wall time.
    const time = <T>(fn: () => T): [T, number] => {
      const before = process.cpuUsage();
      const out = fn();
      const used = process.cpuUsage(before);
      return [out, (used.user + used.system) / 1e6];
    };
    const resources = loadResources(config);
    const entities = resources.entities;
    if (!entities) throw new Error('the bench pipeline runs the entities stage');
    // One-time loads (nodejieba, lexicons, conversion tables) happen once per worker: outside the stage timings.
    const [, tWarm] = time(() => annotate(readSource('warm-up', stageFiles[0] ?? Buffer.from('预热。')), resources));
    const [sources, tRead] = time(() => stageFiles.map((b, i) => readSource(`a${i}`, b)));
    const [docs, tClean] = time(() => sources.map((s) => clean(s, config.clean)));
    const passages = docs.flat();
    const [, tCut] = time(() => passages.forEach((p) => cut(p.text)));
    const [, tCutHmm] = time(() => passages.forEach((p) => cut(p.text, true)));
    // Timed without keeping the tokens (as the pipeline does, passage by passage): keeping every passage's
    // tokens alive would charge this stage the garbage collector's work over all of them.
    const [, tSegment] = time(() => passages.forEach((p) => segment(p.text)));
    const tokens = passages.map((p) => segment(p.text));
    const [, tEntities] = time(() => passages.forEach((p, i) => tagEntities(p.text, tokens[i] ?? [], entities)));
    const [, tFigures] = time(() => passages.forEach((p, i) => extractFigures(p.text, tokens[i] ?? [], { dictionaries: resources.dictionaryDir })));
    const [, tRecords] = time(() =>
      docs.forEach((ps, i) => {
        const lines = lineStarts(sources[i]?.original ?? '');
        for (const p of ps) toPassageRecord(p, lines, NO_ANNOTATIONS);
      }),
    );
    const [, tAll] = time(() => sources.forEach((s) => annotate(s, resources)));
    tokens.length = 0;
    const rate = (t: number) => `${(stageTotalMB / t).toFixed(2).padStart(6)} MB/s  ${(tCut / t).toFixed(2).padStart(5)}x cut`;
    // Shares of the stages timed one by one. Each is its first pass over this text in this process (for entities,
    // mostly warm-up on a few MB: npm run bench:entities -- --passes 3); the all-stages pass comes after them.
    const tStages = tRead + tClean + tSegment + tEntities + tFigures + tRecords;
    const share = (t: number) => `${((100 * t) / tStages).toFixed(0).padStart(3)}% of the stages`;
    console.log(`\nCPU stages on one thread (${stageTotalMB.toFixed(2)} MB, ${stageFiles.length} files, ${passages.length} passages; ${load()})`);
    console.log(`one-time loading           ${tWarm.toFixed(1)} s per process (per worker)`);
    console.log(`raw nodejieba cut          ${rate(tCut)}   (the reference)`);
    console.log(`nodejieba cut with HMM     ${rate(tCutHmm)}   (the cut segment runs)`);
    console.log(`read                       ${rate(tRead)}   ${share(tRead)}`);
    console.log(`clean                      ${rate(tClean)}   ${share(tClean)}`);
    console.log(`segment (cut + POS tags)   ${rate(tSegment)}   ${share(tSegment)}`);
    console.log(`entities                   ${rate(tEntities)}   ${share(tEntities)}   (goal >= 0.5x cut)`);
    console.log(`figures                    ${rate(tFigures)}   ${share(tFigures)}`);
    console.log(`records (norm, lines)      ${rate(tRecords)}   ${share(tRecords)}`);
    console.log(`all CPU stages             ${rate(tRead + tAll)}   (goal >= 0.25x cut; one pass after the ones above)`);

    // The baseline's documents: the passages zhpipe cuts from the same files, as {id, text}.
    const plainDocs = names.flatMap((f, i) => clean(readSource(f, files[i] ?? Buffer.alloc(0)), config.clean).map((p) => ({ id: p.id, text: p.text })));
    // zhpipe's records, for the per-index cost (annotated here, outside every timing).
    const records = { passages: [] as PassageRecord[], figures: [] as FigureRecord[] };
    names.forEach((f, i) => {
      const r = annotate(readSource(f, files[i] ?? Buffer.alloc(0)), resources);
      records.passages.push(...r.passages);
      records.figures.push(...r.figures);
    });

    console.log(
      `\n${mb.toFixed(2)} MB, ${plainDocs.length} passages, ${records.figures.length} figures; ${repeat} round(s), runs interleaved (${load()} at start)`,
    );
    const runs = new Map<string, Run[]>();
    const perIndex: Array<{ passages: number; figures: number }> = [];
    const keep = (r: Run) => {
      runs.set(r.label, [...(runs.get(r.label) ?? []), r]);
      const base = runs.get('plain Meilisearch')?.at(-1)?.secs ?? r.secs;
      const batch = r.batch ? `  batches p ${r.batch.passages.toFixed(1)} s f ${r.batch.figures.toFixed(1)} s` : '';
      console.log(
        `  ${r.label.padEnd(28)} ${r.secs.toFixed(1).padStart(6)} s  ${(mb / r.secs).toFixed(2).padStart(5)} MB/s  ${((r.passages ?? 0) / r.secs).toFixed(0).padStart(5)} passages/s  ${(r.secs / base).toFixed(2)}x plain  meili CPU ${r.meiliCpu.toFixed(1)} s  peak RSS ${r.rss ? `${r.rss.toFixed(0)} MB, ` : ''}meili ${r.meiliRss.toFixed(0)} MB${batch}  ${load()}`,
      );
    };
    for (let round = 0; round < repeat; round++) {
      keep(await baseline(plainDocs));
      for (const workers of workerCounts) keep(await ingestRun(dir, workers));
      if (withCpuMode) for (const workers of workerCounts) keep(cpuRun(dir, workers));
      const cost = await perIndexCpu(records, resources.vocabulary);
      perIndex.push(cost);
      console.log(
        `  meili CPU per index (zhpipe's records and settings, one index at a time): passages ${cost.passages.toFixed(1)} s, figures ${cost.figures.toFixed(1)} s  ${load()}`,
      );
    }

    const plain = median((runs.get('plain Meilisearch') ?? []).map((r) => r.secs));
    const plainCpu = median((runs.get('plain Meilisearch') ?? []).map((r) => r.meiliCpu));
    console.log(`\nmedians over ${repeat} round(s), ${mb.toFixed(2)} MB:`);
    for (const [label, list] of runs) {
      const secs = median(list.map((r) => r.secs));
      const meili = median(list.map((r) => r.meiliCpu));
      const rss = list[0]?.rss !== undefined ? `, peak RSS ${median(list.map((r) => r.rss ?? 0)).toFixed(0)} MB` : '';
      const meiliPart = label.startsWith('CPU')
        ? ''
        : `, meili CPU ${meili.toFixed(1)} s (${(meili / (plainCpu || 1)).toFixed(2)}x plain), meili peak RSS ${median(list.map((r) => r.meiliRss)).toFixed(0)} MB`;
      console.log(
        `  ${label.padEnd(28)} ${secs.toFixed(1).padStart(6)} s  ${(secs / plain).toFixed(2)}x plain${label.startsWith('zhpipe') ? ' (goal <= 1.5x)' : ''}${meiliPart}${rss}`,
      );
    }
    const p = median(perIndex.map((c) => c.passages));
    const f = median(perIndex.map((c) => c.figures));
    console.log(
      `  meili CPU per index: passages ${p.toFixed(1)} s, figures ${f.toFixed(1)} s, together ${(p + f).toFixed(1)} s = ${((p + f) / (plainCpu || 1)).toFixed(2)}x plain Meilisearch's ${plainCpu.toFixed(1)} s`,
    );
    const one = median((runs.get('zhpipe ingest, 1 worker(s)') ?? []).map((r) => r.secs));
    const all = median((runs.get(`zhpipe ingest, ${cores} worker(s)`) ?? []).map((r) => r.secs));
    if (one && all && cores > 1) console.log(`  ingest speed-up 1 -> ${cores} workers ${(one / all).toFixed(2)}x`);
    rmSync(dir, { recursive: true, force: true });
  }
  if (sizes.length > 1) console.log(`\npeak RSS over sizes ${sizes.join(' -> ')} MB: see each size's medians above (goal: flat within 20%)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
