// Tagging throughput: the sample corpus replicated to at least 20 MB (UTF-8), passage by passage, through
// raw nodejieba `cut` and `tag` and through zhpipe's segment + entities stages, in the same run. The goal of
// issue 23: the entities stage alone at least 0.5x raw `cut` per thread.
// Usage: npm run bench:entities [-- --mb 20]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { loadEntityDictionaries, prepareSegmenter, tagEntities } from '../../src/stages/entities/index.js';
import { segment } from '../../src/stages/segment.js';

function corpusPassages(): string[] {
  const dir = path.resolve(import.meta.dirname, '../../corpus');
  // Paragraphs as passages: blank lines separate them; layout breaks inside are joined (as the clean stage does).
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.replace(/\s*\n\s*/g, ''))
    .filter((p) => p.trim());
}

function main(): void {
  const mbAt = process.argv.indexOf('--mb');
  const targetMb = mbAt >= 0 ? Number(process.argv[mbAt + 1]) : 20;
  const base = corpusPassages();
  const baseBytes = base.reduce((n, p) => n + Buffer.byteLength(p), 0);
  const copies = Math.ceil((targetMb * 1e6) / baseBytes);
  const passages: string[] = [];
  for (let i = 0; i < copies; i++) passages.push(...base);
  const bytes = baseBytes * copies;
  console.log(`corpus: ${base.length} passages, ${(baseBytes / 1e3).toFixed(1)} kB, replicated ${copies}x = ${(bytes / 1e6).toFixed(1)} MB (UTF-8)`);

  // Raw nodejieba cutting and POS tagging first, with its shipped dictionary only.
  let t0 = performance.now();
  let cutWords = 0;
  for (const p of passages) cutWords += nodejieba.cut(p).length;
  const cut = (performance.now() - t0) / 1000;
  console.log(`nodejieba cut (raw)            ${(bytes / 1e6 / cut).toFixed(2)} MB/s  (${cut.toFixed(1)} s, ${cutWords} words)`);

  t0 = performance.now();
  let words = 0;
  for (const p of passages) words += nodejieba.tag(p).length;
  const raw = (performance.now() - t0) / 1000;
  console.log(`nodejieba tag (raw)            ${(bytes / 1e6 / raw).toFixed(2)} MB/s  (${raw.toFixed(1)} s, ${words} words)`);

  t0 = performance.now();
  const dicts = loadEntityDictionaries();
  prepareSegmenter(dicts);
  const load = (performance.now() - t0) / 1000;
  console.log(`zhpipe dictionaries load       ${load.toFixed(2)} s (${dicts.surfaces.size} names and aliases)`);

  t0 = performance.now();
  let mentions = 0;
  let tagOnly = 0;
  for (const p of passages) {
    const tokens = segment(p);
    const t1 = performance.now();
    mentions += tagEntities(p, tokens, dicts).length;
    tagOnly += performance.now() - t1;
  }
  const total = (performance.now() - t0) / 1000;
  console.log(`zhpipe segment + entities      ${(bytes / 1e6 / total).toFixed(2)} MB/s  (${total.toFixed(1)} s, ${mentions} mentions)`);
  console.log(`zhpipe entities stage alone    ${(bytes / 1e6 / (tagOnly / 1000)).toFixed(2)} MB/s  (${(tagOnly / 1000).toFixed(1)} s)`);
  console.log(`ratio to raw nodejieba tag     ${(raw / total).toFixed(2)}x`);
  console.log(`entities alone / raw cut       ${(cut / (tagOnly / 1000)).toFixed(2)}x`);
}

main();
