// npm run bench [-- --sizes 10,50,200] [--stage-mb 5] [--modes cpu,ingest] [--workers 1,N] [--batch-size N] [--proximity word|attribute]
// (MB; default sizes 50, stage corpus 5 MB, both modes, 1 worker and every core, the pipeline's default proximity)
// Generates corpora (corpus/ recombined with varied numbers and names, every third article in traditional
// script) and prints the figures of issue #7:
// - on one thread, MB per CPU-second of raw nodejieba `cut` (the reference) and of each stage alone — read, clean,
//   segment, entities, figures, records — and of all CPU stages together, with the ratio to raw cut;
// - per corpus size, with 1 worker and with every core: the CPU stages alone in ingest's worker pool
//   (mode cpu), and end-to-end ingest (mode ingest: MB/s, passages/s, the time Meilisearch spent indexing);
//   peak RSS of each; then the speed-up from 1 worker to every core and how peak RSS changes from the
//   smallest size to the largest.
// Each run is a child process of its own, so its peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { startServer } from '../../src/meili/server.js';
import { annotate, loadResources } from '../../src/pipeline/annotate.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { workerPool } from '../../src/pipeline/pool.js';
import PQueue from 'p-queue';
import { lineStarts, NO_ANNOTATIONS, toPassageRecord } from '../../src/pipeline/records.js';
import { clean } from '../../src/stages/clean.js';
import { tagEntities } from '../../src/stages/entities/index.js';
import { extractFigures } from '../../src/stages/figures/index.js';
import { readSource } from '../../src/stages/read.js';
import { cut, segment } from '../../src/stages/segment.js';
import { toScript } from '../../src/text/script.js';
import { durationSeconds } from './durations.js';

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

/** Writes about `mb` MB of ~20 kB articles (every third one in traditional script); returns the bytes written. */
function generate(dir: string, mb: number): number {
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(path.join(ROOT, 'corpus')).map((f) => readFileSync(path.join(ROOT, 'corpus', f), 'utf8'));
  const cities = ['上海', '南京', '杭州', '合肥', '苏州', '宁波', '无锡', '温州'];
  let bytes = 0;
  for (let i = 0; bytes < mb * MB; i++) {
    let text = (seeds[i % seeds.length] ?? '').replace(/[0-9]+/g, (d) => String(Number(d) + (i % 97))).replaceAll('南京', cities[i % cities.length] ?? '南京');
    if (i % 3 === 2) text = toScript(text, 'traditional');
    const buf = Buffer.from(text);
    writeFileSync(path.join(dir, `a${String(i).padStart(6, '0')}.txt`), buf);
    bytes += buf.length;
  }
  return bytes;
}

const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

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
  console.log(JSON.stringify({ elapsedMs: performance.now() - started, passages, maxRssMB: peakRssMB() }));
  process.exit(0);
}

// Child mode "ingest": one ingest, print its summary and this process's peak RSS.
if (process.argv[2] === '--child') {
  const [, , , dir, workers, host, key, index] = process.argv;
  const client = new Meilisearch({ host: host ?? '', apiKey: key ?? '' });
  const cfg = { ...config, index: { ...config.index, passages: `${index}_p`, figures: `${index}_f` } };
  const summary = await ingest(client, [dir ?? ''], cfg, { workers: Number(workers) });
  console.log(JSON.stringify({ ...summary, skipped: summary.skipped.length, maxRssMB: peakRssMB() }));
  process.exit(0);
}

const option = (name: string, fallback: string) => argAfter(name) ?? fallback;
// --sizes 0: the stage figures only.
const sizes = option('--sizes', '50').split(',').map(Number).filter((n) => n > 0);
const stageMB = Number(option('--stage-mb', '5'));
const modes = option('--modes', 'cpu,ingest').split(',');
for (const mode of modes) if (mode !== 'cpu' && mode !== 'ingest') throw new Error(`--modes: unknown mode "${mode}" (cpu, ingest)`);
const cores = availableParallelism();
// --workers 1 (or 2, or 1,2): only these worker counts, to split a long run in parts.
const workerCounts = [...new Set(option('--workers', `1,${cores}`).split(',').map(Number))];
const load = () => `load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;

/** Time Meilisearch spent processing batches of these indexes. */
async function indexingSeconds(client: Meilisearch, indexUids: string[]): Promise<number> {
  let total = 0;
  let from: number | null | undefined;
  do {
    const page = await client.batches.getBatches({ indexUids, limit: 1000, ...(from != null ? { from } : {}) });
    for (const batch of page.results) total += durationSeconds(batch.duration);
    from = page.next;
  } while (from != null);
  return total;
}

const work = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-'));
const server = await startServer(path.join(work, 'meili'), { detached: false });
const client = new Meilisearch({ host: server.host, apiKey: server.apiKey });
try {
  // Stage speeds in this process (one core), each stage alone over the output of the one before.
  const stageDir = path.join(work, 'stages');
  generate(stageDir, stageMB);
  const files = readdirSync(stageDir).map((f) => readFileSync(path.join(stageDir, f)));
  const totalMB = files.reduce((n, b) => n + b.length, 0) / MB;
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
  const [, tWarm] = time(() => annotate(readSource('warm-up', files[0] ?? Buffer.from('预热。')), resources));
  const [sources, tRead] = time(() => files.map((b, i) => readSource(`a${i}`, b)));
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
  const [, tRecords] = time(() => docs.forEach((ps, i) => {
    const lines = lineStarts(sources[i]?.original ?? '');
    for (const p of ps) toPassageRecord(p, lines, NO_ANNOTATIONS);
  }));
  const [, tAll] = time(() => sources.forEach((s) => annotate(s, resources)));
  const rate = (t: number) => `${(totalMB / t).toFixed(2).padStart(6)} MB/s`;
  const share = (t: number) => `${((100 * t) / (tRead + tAll)).toFixed(0).padStart(3)}% of all`;
  console.log(`stage corpus ${totalMB.toFixed(1)} MB, ${files.length} files, ${passages.length} passages; ${cores} cores; ${load()}`);
  console.log(`one-time loading           ${tWarm.toFixed(1)} s per process (per worker)`);
  console.log(`raw nodejieba cut          ${rate(tCut)}   (the reference)`);
  console.log(`nodejieba cut with HMM     ${rate(tCutHmm)}   (the cut segment runs)`);
  console.log(`read                       ${rate(tRead)}   ${share(tRead)}`);
  console.log(`clean                      ${rate(tClean)}   ${share(tClean)}`);
  console.log(`segment (cut + POS tags)   ${rate(tSegment)}   ${share(tSegment)}`);
  console.log(`entities                   ${rate(tEntities)}   ${share(tEntities)}`);
  console.log(`figures                    ${rate(tFigures)}   ${share(tFigures)}`);
  console.log(`records (norm, lines)      ${rate(tRecords)}   ${share(tRecords)}`);
  console.log(`all CPU stages, 1 thread   ${rate(tRead + tAll)}   (${(tCut / (tRead + tAll)).toFixed(2)} x raw cut; goal >= 0.5)`);
  rmSync(stageDir, { recursive: true, force: true });

  if (sizes.length) console.log(`\nmode    size MB  workers  secs      MB/s   passages/s  meili s  peak RSS MB  (${load()} at start)`);
  const runs: Array<{ mode: string; size: number; workers: number; secs: number; rss: number }> = [];
  let n = 0;
  for (const size of sizes) {
    const dir = path.join(work, `corpus-${size}`);
    const mb = generate(dir, size) / MB;
    for (const mode of modes) {
      for (const workers of workerCounts) {
        const index = `run${n++}`;
        const args = mode === 'cpu' ? ['--cpu-child', dir, String(workers)] : ['--child', dir, String(workers), server.host, server.apiKey, index];
        const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, ...args, ...(batchSize ? ['--batch-size', String(batchSize)] : []), ...(proximity ? ['--proximity', proximity] : [])], { cwd: ROOT, maxBuffer: 16 * MB }).toString();
        const s = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { elapsedMs: number; passages: number; maxRssMB: number };
        const secs = s.elapsedMs / 1000;
        const uids = [`${index}_p`, `${index}_f`];
        const meili = mode === 'cpu' ? '-' : (await indexingSeconds(client, uids)).toFixed(1);
        runs.push({ mode, size, workers, secs, rss: s.maxRssMB });
        console.log(
          `${mode.padEnd(7)} ${String(size).padEnd(8)} ${String(workers).padEnd(8)} ${secs.toFixed(1).padEnd(9)} ${(mb / secs).toFixed(2).padEnd(6)} ${(s.passages / secs).toFixed(0).padEnd(11)} ${meili.padEnd(8)} ${s.maxRssMB.toFixed(0).padEnd(12)} ${load()}`,
        );
        // Dropping the run's indexes keeps the next runs' Meilisearch (and disk) the same.
        if (mode !== 'cpu') for (const uid of uids) await client.index(uid).delete().waitTask({ timeout: 600_000 });
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }

  const run = (mode: string, size: number, workers: number) => runs.find((r) => r.mode === mode && r.size === size && r.workers === workers);
  console.log('');
  for (const mode of modes) {
    for (const size of sizes) {
      const one = run(mode, size, 1);
      const all = run(mode, size, cores);
      if (one && all && cores > 1) console.log(`${mode} ${size} MB: speed-up 1 -> ${cores} workers ${(one.secs / all.secs).toFixed(2)}x (goal >= 1.7x on 2 cores)`);
    }
    if (sizes.length < 2) continue;
    for (const workers of workerCounts) {
      const rss = sizes.map((size) => run(mode, size, workers)?.rss ?? 0);
      // The spread between the lowest and the highest peak, whichever size they came from.
      const spread = ((Math.max(...rss) - Math.min(...rss)) / (Math.min(...rss) || 1)) * 100;
      console.log(`${mode} ${workers} worker(s): peak RSS ${rss.map((r) => r.toFixed(0)).join(' -> ')} MB over ${sizes.join(' -> ')} MB (spread ${spread.toFixed(0)}%; goal within 20%)`);
    }
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
