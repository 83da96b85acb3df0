// npm run bench [-- --sizes 10,50,200]  (MB; default 50)
// Generates a corpus of the chosen size (corpus/ recombined with varied numbers and names, simplified and
// traditional), then prints in one run: raw nodejieba `cut` MB/s, each stage's MB/s, end-to-end ingest MB/s and
// passages/s with 1 worker and with every core, and peak RSS, for each size. Each ingest runs in its own child
// process so its peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { startServer } from '../../src/meili/server.js';
import { annotate, loadResources } from '../../src/pipeline/annotate.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { clean } from '../../src/stages/clean.js';
import { readSource } from '../../src/stages/read.js';
import { cut, segment } from '../../src/stages/segment.js';
import { toScript } from '../../src/text/script.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;
const config = PipelineConfig.parse({
  name: 'bench',
  stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
  dictionaries: path.join(ROOT, 'dictionaries'),
  index: { passages: 'bench_passages', figures: 'bench_figures', batchSize: 1000, concurrency: 2 },
});

/** Writes about `mb` MB of ~20 kB articles; every third one in traditional script. */
function generate(dir: string, mb: number): void {
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
}

// Child mode: one ingest, print its summary and this process's peak RSS.
if (process.argv[2] === '--child') {
  const [, , , dir, workers, host, key, index] = process.argv;
  const client = new Meilisearch({ host: host ?? '', apiKey: key ?? '' });
  const cfg = { ...config, index: { ...config.index, passages: `${index}_p`, figures: `${index}_f` } };
  const summary = await ingest(client, [dir ?? ''], cfg, { workers: Number(workers) });
  console.log(JSON.stringify({ ...summary, skipped: summary.skipped.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg >= 0 ? (process.argv[sizesArg + 1] ?? '50').split(',').map(Number) : [50];
const work = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-'));
const server = await startServer(path.join(work, 'meili'), { detached: false });
try {
  // Stage speeds on the first size, in this process (one core).
  const first = path.join(work, `corpus-${sizes[0]}`);
  generate(first, sizes[0] ?? 50);
  const files = readdirSync(first).map((f) => readFileSync(path.join(first, f)));
  const totalMB = files.reduce((n, b) => n + b.length, 0) / MB;
  const time = <T>(fn: () => T): [T, number] => {
    const t0 = performance.now();
    const out = fn();
    return [out, (performance.now() - t0) / 1000];
  };
  const resources = loadResources(config);
  const [sources, tRead] = time(() => files.map((b, i) => readSource(`a${i}`, b)));
  const [passages, tClean] = time(() => sources.flatMap((s) => clean(s, config.clean)));
  const [, tCut] = time(() => passages.forEach((p) => cut(p.text)));
  const [, tSegment] = time(() => passages.forEach((p) => segment(p.text)));
  const [, tAll] = time(() => sources.forEach((s) => annotate(s, resources)));
  const rate = (t: number) => `${(totalMB / t).toFixed(2)} MB/s`;
  console.log(`corpus ${totalMB.toFixed(1)} MB, ${files.length} files, ${passages.length} passages; ${availableParallelism()} cores`);
  console.log(`raw nodejieba cut          ${rate(tCut)}   (the reference)`);
  console.log(`read                       ${rate(tRead)}`);
  console.log(`clean                      ${rate(tClean)}`);
  console.log(`segment (nodejieba tag)    ${rate(tSegment)}`);
  console.log(`all CPU stages, 1 thread   ${rate(tRead + tAll)}   (${((tCut / (tRead + tAll)) * 1).toFixed(2)} x raw cut; goal >= 0.5)`);

  console.log('\nsize MB  workers  ingest s   MB/s   passages/s  peak RSS MB');
  let n = 0;
  for (const size of sizes) {
    const dir = path.join(work, `corpus-${size}`);
    if (size !== sizes[0]) generate(dir, size);
    for (const workers of [1, availableParallelism()]) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', dir, String(workers), server.host, server.apiKey, `run${n++}`], {
        cwd: ROOT,
        maxBuffer: 16 * MB,
      }).toString();
      const s = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { elapsedMs: number; passages: number; maxRssMB: number; chars: number };
      const secs = s.elapsedMs / 1000;
      console.log(`${String(size).padEnd(8)} ${String(workers).padEnd(8)} ${secs.toFixed(1).padEnd(10)} ${(size / secs).toFixed(2).padEnd(6)} ${(s.passages / secs).toFixed(0).padEnd(11)} ${s.maxRssMB.toFixed(0)}`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
