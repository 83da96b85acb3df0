// NER benchmark: precision / recall / F1 per type (PER, LOC, ORG; exact span match) for zhpipe's entities
// stage and, in the same run, for the nodejieba-POS-only baseline (nr/nrfg/nrt → PER, ns → LOC, nt → ORG).
// Input: one character per line, `char TAG` (BIO), blank line between sentences.
// Usage: npm run bench:ner -- ../shared/bench/ner-peoples-daily/example.test [--errors N]
// The benchmark data is for measuring only: nothing from it goes into dictionaries or rules.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { loadEntityDictionaries, prepareSegmenter, tagEntities } from '../../src/stages/entities/index.js';
import { segment } from '../../src/stages/segment.js';
import type { EntityType } from '../../src/schema.js';

type Label = 'PER' | 'LOC' | 'ORG';
const LABELS: Label[] = ['PER', 'LOC', 'ORG'];
const OF_TYPE: Record<EntityType, Label> = { person: 'PER', place: 'LOC', org: 'ORG' };

interface Span {
  start: number;
  end: number;
  label: Label;
}
interface Sentence {
  text: string;
  gold: Span[];
}

function readBio(file: string): Sentence[] {
  const sentences: Sentence[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (!chars.length) return;
    const gold: Span[] = [];
    let open: Span | null = null;
    tags.forEach((tag, i) => {
      const [bio, label] = tag.split('-') as [string, Label | undefined];
      if (open && (bio !== 'I' || label !== open.label)) {
        gold.push(open);
        open = null;
      }
      if ((bio === 'B' || (bio === 'I' && !open)) && label) open = { start: i, end: i + 1, label };
      else if (bio === 'I' && open) open.end = i + 1;
    });
    if (open) gold.push(open);
    sentences.push({ text: chars.join(''), gold });
    chars = [];
    tags = [];
  };
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const sp = line.lastIndexOf(' ');
    const ch = sp > 0 ? line.slice(0, sp) : line.slice(0, 1);
    chars.push(ch.length === 1 ? ch : ch.slice(0, 1));
    tags.push(sp > 0 ? line.slice(sp + 1).trim() : 'O');
  }
  flush();
  return sentences;
}

function baseline(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const { word, tag } of nodejieba.tag(text)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    at = start + word.length;
    const label: Label | null = tag === 'nr' || tag === 'nrfg' || tag === 'nrt' ? 'PER' : tag === 'ns' ? 'LOC' : tag === 'nt' ? 'ORG' : null;
    if (label) out.push({ start, end: at, label });
  }
  return out;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function score(sentences: Sentence[], predicted: Span[][]): Record<Label | 'ALL', Counts> {
  const counts = { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, ALL: { tp: 0, fp: 0, fn: 0 } };
  sentences.forEach((s, i) => {
    const key = (x: Span) => `${x.start}:${x.end}:${x.label}`;
    const gold = new Set(s.gold.map(key));
    const pred = new Set((predicted[i] ?? []).map(key));
    for (const k of pred) {
      const label = k.split(':')[2] as Label;
      const hit = gold.has(k);
      counts[label][hit ? 'tp' : 'fp']++;
      counts.ALL[hit ? 'tp' : 'fp']++;
    }
    for (const k of gold) {
      if (pred.has(k)) continue;
      const label = k.split(':')[2] as Label;
      counts[label].fn++;
      counts.ALL.fn++;
    }
  });
  return counts;
}

function prf(c: Counts): string {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}`;
}

function report(name: string, counts: Record<Label | 'ALL', Counts>, seconds: number, chars: number): void {
  console.log(`${name}  (${seconds.toFixed(2)} s, ${(chars / 1e6 / seconds).toFixed(2)} M chars/s)`);
  for (const l of [...LABELS, 'ALL'] as const) {
    const c = counts[l];
    console.log(`  ${l.padEnd(4)} ${prf(c)}   (gold ${c.tp + c.fn}, predicted ${c.tp + c.fp})`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const errorsAt = args.indexOf('--errors');
  const showErrors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;
  if (!file) {
    console.error('usage: npm run bench:ner -- <file in char-TAG BIO format> [--errors N]');
    process.exitCode = 2;
    return;
  }
  const sentences = readBio(file);
  const chars = sentences.reduce((n, s) => n + s.text.length, 0);
  console.log(`${file}: ${sentences.length} sentences, ${chars} characters, ${sentences.reduce((n, s) => n + s.gold.length, 0)} entities`);

  // The baseline runs first, on nodejieba as shipped, before zhpipe pushes its dictionary words into it.
  let t0 = performance.now();
  const base = sentences.map((s) => baseline(s.text));
  report('nodejieba POS baseline', score(sentences, base), (performance.now() - t0) / 1000, chars);

  t0 = performance.now();
  const dicts = loadEntityDictionaries();
  prepareSegmenter(dicts);
  const mentions = sentences.map((s) => tagEntities(s.text, segment(s.text), dicts));
  const ours = mentions.map((ms) => ms.map((m) => ({ start: m.start, end: m.end, label: OF_TYPE[m.type] })));
  report('zhpipe entities', score(sentences, ours), (performance.now() - t0) / 1000, chars);
  // Every mention with its canonical name, so a change meant to keep the answer can be checked to keep it.
  const hash = createHash('sha256');
  mentions.forEach((ms, i) => ms.forEach((m) => hash.update(`${i}\t${m.start}\t${m.end}\t${m.type}\t${m.text}\t${m.canonical}\n`)));
  console.log(`  mentions ${mentions.reduce((n, ms) => n + ms.length, 0)}  sha256 ${hash.digest('hex')}`);

  if (showErrors) {
    // For development on a dev split: a sample of misses and false alarms.
    let shown = 0;
    sentences.forEach((s, i) => {
      if (shown >= showErrors) return;
      const k = (x: Span) => `${s.text.slice(x.start, x.end)}/${x.label}`;
      const gold = new Set(s.gold.map((x) => `${x.start}:${x.end}:${x.label}`));
      const pred = ours[i] ?? [];
      const predSet = new Set(pred.map((x) => `${x.start}:${x.end}:${x.label}`));
      const fn = s.gold.filter((x) => !predSet.has(`${x.start}:${x.end}:${x.label}`)).map(k);
      const fp = pred.filter((x) => !gold.has(`${x.start}:${x.end}:${x.label}`)).map(k);
      if (!fn.length && !fp.length) return;
      shown++;
      console.log(`- ${s.text}\n    missed: ${fn.join(' ')}\n    wrong:  ${fp.join(' ')}`);
    });
  }
}

main();
