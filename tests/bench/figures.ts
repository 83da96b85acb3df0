// Benchmark: throughput of the figures stage.
//   npm run bench:figures [-- corpus-dir [megabytes]]
// The corpus (default corpus/) is replicated to at least 20 MB of UTF-8 input and run through, in the
// same process: read + clean; the figures stage alone (tokens computed beforehand); read + clean +
// segment + figures; and raw nodejieba cut over the same passage texts. MB/s are 10^6 bytes of input per
// second of wall time.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Passage, Token } from '../../src/schema.js';
import { clean } from '../../src/stages/clean.js';
import { extractFigures } from '../../src/stages/figures/index.js';
import { readSource } from '../../src/stages/read.js';
import { cut, segment } from '../../src/stages/segment.js';

const dir = process.argv[2] ?? 'corpus';
const targetMb = Number(process.argv[3] ?? 20);
const files = readdirSync(dir)
  .filter((f) => !f.startsWith('.'))
  .sort()
  .map((f) => ({ doc: path.join(dir, f), bytes: readFileSync(path.join(dir, f)) }));
const corpusBytes = files.reduce((n, f) => n + f.bytes.length, 0);
const reps = Math.ceil((targetMb * 1e6) / corpusBytes);
const totalMb = (reps * corpusBytes) / 1e6;
const CLEAN = { maxPassageChars: 400 };

function readClean(doc: string, bytes: Uint8Array): Passage[] {
  return clean(readSource(doc, bytes), CLEAN);
}

function time(label: string, run: () => number): number {
  const t0 = process.hrtime.bigint();
  const count = run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const mbps = totalMb / seconds;
  console.log(`${label.padEnd(44)}${mbps.toFixed(2).padStart(8)} MB/s  (${seconds.toFixed(2)} s, ${count} items)`);
  return mbps;
}

// Warm-up: dictionaries, the folding table and nodejieba load once.
const prepared = files.map((f) => readClean(f.doc, f.bytes).map((p) => ({ text: p.text, tokens: segment(p.text) })));
for (const doc of prepared) for (const p of doc) extractFigures(p.text, p.tokens);

console.log(`corpus: ${files.length} files, ${(corpusBytes / 1e6).toFixed(3)} MB, replicated ×${reps} = ${totalMb.toFixed(1)} MB`);
time('read + clean', () => {
  let n = 0;
  for (let r = 0; r < reps; r++) for (const f of files) n += readClean(f.doc, f.bytes).length;
  return n;
});
const figures = time('figures stage alone (tokens given)', () => {
  let n = 0;
  for (let r = 0; r < reps; r++) for (const doc of prepared) for (const p of doc) n += extractFigures(p.text, p.tokens as Token[]).length;
  return n;
});
const pipeline = time('read + clean + segment + figures', () => {
  let n = 0;
  for (let r = 0; r < reps; r++) {
    for (const f of files) for (const p of readClean(f.doc, f.bytes)) n += extractFigures(p.text, segment(p.text)).length;
  }
  return n;
});
const jieba = time('nodejieba cut (same passage texts)', () => {
  let n = 0;
  for (let r = 0; r < reps; r++) for (const doc of prepared) for (const p of doc) n += cut(p.text).length;
  return n;
});
console.log(`ratio figures stage / nodejieba cut: ${(figures / jieba).toFixed(2)}`);
console.log(`ratio read+clean+segment+figures / nodejieba cut: ${(pipeline / jieba).toFixed(2)}`);
