// Benchmark: throughput of the figures stage, or its quality on the annotated fixtures.
//   npm run bench:figures [-- corpus-dir [megabytes]]
//   npm run bench:figures -- --quality [annotated.json]
// The corpus (default corpus/) is replicated to at least 20 MB of UTF-8 input and run through, in the
// same process: read + clean; the figures stage alone (tokens computed beforehand); read + clean +
// segment + figures; and raw nodejieba cut over the same passage texts. MB/s are 10^6 bytes of input per
// second of wall time.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Passage, Token } from '../../src/schema.js';
import { extractFigures } from '../../src/stages/figures/index.js';
import { cut, segment } from '../../src/stages/segment.js';

if (process.argv[2] === '--quality') {
  reportQuality(process.argv[3] ?? 'tests/fixtures/figures/annotated.json');
  process.exit(0);
}
// Reading and cleaning are loaded only for the throughput run: the quality run needs the figures stage alone.
const { clean } = await import('../../src/stages/clean.js');
const { readSource } = await import('../../src/stages/read.js');

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

interface Annotated {
  source: string;
  text: string;
  figures: {
    text: string;
    value?: number;
    unit?: string;
    currency?: string;
    kind?: string;
    qualifier?: string;
    change?: string;
    base?: string;
    status?: string;
    period?: string;
    metric?: string;
    metricIncludes?: string;
  }[];
}

/**
 * Precision and recall of figures (matched by their text, in order) on the annotated sentences, and the
 * share of matched figures whose annotated fields come out right (metric: equal, or containing
 * metricIncludes). Misses and spurious figures are listed.
 */
function reportQuality(file: string): void {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as Annotated[];
  let found = 0;
  let expected = 0;
  let matched = 0;
  const fields = ['value', 'unit', 'currency', 'kind', 'qualifier', 'change', 'base', 'status', 'period', 'metric'] as const;
  const right = new Map<string, [number, number]>(fields.map((f) => [f, [0, 0]]));
  for (const c of cases) {
    const got = extractFigures(c.text, segment(c.text));
    found += got.length;
    expected += c.figures.length;
    const used = new Set<number>();
    for (const want of c.figures) {
      const k = got.findIndex((g, n) => !used.has(n) && g.text === want.text);
      if (k < 0) {
        console.log(`missed   ${want.text}  in ${c.text.slice(0, 40)}`);
        continue;
      }
      used.add(k);
      matched++;
      const g = got[k] as (typeof got)[number];
      for (const f of fields) {
        const score = right.get(f) as [number, number];
        if (f === 'metric' && want.metricIncludes !== undefined) {
          score[1]++;
          if (g.metric.includes(want.metricIncludes)) score[0]++;
          else console.log(`metric   ${want.text}: ${g.metric || '∅'} ⊉ ${want.metricIncludes}`);
          continue;
        }
        const w = want[f];
        if (w === undefined) continue;
        score[1]++;
        if (g[f] === w) score[0]++;
        else console.log(`${f.padEnd(9)}${want.text}: ${String(g[f]) || '∅'} ≠ ${String(w)}`);
      }
    }
    got.forEach((g, n) => {
      if (!used.has(n)) console.log(`spurious ${g.text}  in ${c.text.slice(0, 40)}`);
    });
  }
  const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  console.log(`\n${cases.length} sentences, ${expected} annotated figures, ${found} found`);
  console.log(`precision ${pct(matched, found)}  recall ${pct(matched, expected)}`);
  for (const [f, [a, b]] of right) console.log(`${f.padEnd(10)} ${pct(a, b).padStart(7)}  (${a}/${b})`);
}
