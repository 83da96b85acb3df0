// Tagging throughput: the sample corpus replicated to at least 20 MB (UTF-8), passage by passage, through
// raw nodejieba `cut` and `tag` and through zhpipe's segment + entities stages, in the same run. The goal of
// issue 23: the entities stage alone at least 0.5x raw `cut` per thread. Each figure is given per wall second
// and per CPU second of this process: on a shared machine the second is the one that waiting does not move.
// Then, on the news-like bench corpus (tests/bench/news-corpus.ts, --news-mb MB, default 2), the entities stage
// over the same passages --passes times (default 3) in this one process: a worker's first pass over text it has
// not seen, which is what an ingest gets, against later passes, with the first pass's time by tenth of the text.
// Usage: npm run bench:entities [-- --mb 20] [--news-mb 2] [--passes 3]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { loadEntityDictionaries, prepareSegmenter, tagEntities } from '../../src/stages/entities/index.js';
import { segment } from '../../src/stages/segment.js';
import { writeNewsCorpus } from './news-corpus.js';

function corpusPassages(): string[] {
  const dir = path.resolve(import.meta.dirname, '../../corpus');
  // Paragraphs as passages: blank lines separate them; layout breaks inside are joined (as the clean stage does).
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.replace(/\s*\n\s*/g, ''))
    .filter((p) => p.trim());
}

/** Wall and CPU seconds of `run`. */
function timed(run: () => void): { wall: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};

/** The entities stage over the same news-like passages several times: first pass (unseen text) against later ones. */
function passes(dicts: ReturnType<typeof loadEntityDictionaries>): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-entities-'));
  try {
    writeNewsCorpus(dir, option('news-mb', 2));
    const passages = readdirSync(dir)
      .sort()
      .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
      .filter((p) => p.trim());
    const mb = passages.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1e6;
    const cut = timed(() => passages.forEach((p) => nodejieba.cut(p)));
    const tokens = passages.map((p) => segment(p));
    console.log(`\nnews-like corpus: ${passages.length} passages, ${mb.toFixed(2)} MB; raw cut ${(mb / cut.cpu).toFixed(2)} MB/CPU-s`);
    const tenth = Math.ceil(passages.length / 10);
    for (let pass = 1; pass <= option('passes', 3); pass++) {
      const tenths = new Array<number>(10).fill(0);
      const t = timed(() =>
        passages.forEach((p, i) => {
          const t0 = performance.now();
          tagEntities(p, tokens[i] ?? [], dicts);
          const k = Math.floor(i / tenth);
          tenths[k] = (tenths[k] ?? 0) + performance.now() - t0;
        }),
      );
      console.log(
        `entities, pass ${pass}: ${(mb / t.cpu).toFixed(2)} MB/CPU-s, ${(cut.cpu / t.cpu).toFixed(2)}x raw cut; ms by tenth of the text: ${tenths.map((ms) => ms.toFixed(0)).join(' ')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const targetMb = option('mb', 20);
  const base = corpusPassages();
  const baseBytes = base.reduce((n, p) => n + Buffer.byteLength(p), 0);
  const copies = Math.ceil((targetMb * 1e6) / baseBytes);
  const passages: string[] = [];
  for (let i = 0; i < copies; i++) passages.push(...base);
  const bytes = baseBytes * copies;
  console.log(`corpus: ${base.length} passages, ${(baseBytes / 1e3).toFixed(1)} kB, replicated ${copies}x = ${(bytes / 1e6).toFixed(1)} MB (UTF-8)`);

  const mb = bytes / 1e6;
  const rate = (t: { wall: number; cpu: number }) =>
    `${(mb / t.wall).toFixed(2)} MB/s, ${(mb / t.cpu).toFixed(2)} MB/CPU-s  (${t.wall.toFixed(1)} s, ${t.cpu.toFixed(1)} CPU-s)`;

  // Raw nodejieba cutting and POS tagging first, with its shipped dictionary only.
  let cutWords = 0;
  const cut = timed(() => {
    for (const p of passages) cutWords += nodejieba.cut(p).length;
  });
  console.log(`nodejieba cut (raw)            ${rate(cut)}, ${cutWords} words`);

  let words = 0;
  const raw = timed(() => {
    for (const p of passages) words += nodejieba.tag(p).length;
  });
  console.log(`nodejieba tag (raw)            ${rate(raw)}, ${words} words`);

  let t0 = performance.now();
  const dicts = loadEntityDictionaries();
  prepareSegmenter(dicts);
  const load = (performance.now() - t0) / 1000;
  console.log(`zhpipe dictionaries load       ${load.toFixed(2)} s (${dicts.surfaces.size} names and aliases)`);

  // One copy of the corpus at a time: segmented first, then tagged, so the entities stage is timed alone.
  let mentions = 0;
  const tagOnly = { wall: 0, cpu: 0 };
  const total = timed(() => {
    for (let at = 0; at < passages.length; at += base.length) {
      const chunk = passages.slice(at, at + base.length);
      const tokens = chunk.map((p) => segment(p));
      const t = timed(() => {
        chunk.forEach((p, k) => (mentions += tagEntities(p, tokens[k] ?? [], dicts).length));
      });
      tagOnly.wall += t.wall;
      tagOnly.cpu += t.cpu;
    }
  });
  console.log(`zhpipe segment + entities      ${rate(total)}, ${mentions} mentions`);
  console.log(`zhpipe entities stage alone    ${rate(tagOnly)}`);
  console.log(`ratio to raw nodejieba tag     ${(raw.wall / total.wall).toFixed(2)}x wall, ${(raw.cpu / total.cpu).toFixed(2)}x CPU`);
  console.log(`entities alone / raw cut       ${(cut.wall / tagOnly.wall).toFixed(2)}x wall, ${(cut.cpu / tagOnly.cpu).toFixed(2)}x CPU`);
  if (option('passes', 3) > 0) passes(dicts);
}

main();
