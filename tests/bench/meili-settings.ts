// npm run bench:meili [-- --mb 1] [--rounds 3] [--threads N] [--passages word,attribute] [--searchable words,norm,both]
//                        [--figures none,word,attribute]
// What each index setting costs Meilisearch and what it buys search (issue 23), on the news-like bench corpus
// (tests/bench/news-corpus.ts: People's Daily NER sentences read at run time from ../shared/bench, + corpus/),
// annotated once and written to fresh indexes, variants taking turns for --rounds rounds (medians printed).
// - Passages: `proximityPrecision` byWord (`word`) or byAttribute (`attribute`), zhpipe's other settings as
//   they are. Ranking quality: the judged queries (tests/judged.ts: recall@10 per script, 144 queries; the
//   relevant passages are those holding every term) run through zhpipe's search on the first round's index.
//   `--searchable`: what Meilisearch searches, zhpipe's `words` (norm cut at our segmenter's boundaries,
//   text/searchable.ts), `norm` (before issue 18's last change) or both.
// - Figures: `none`, zhpipe's settings (no searchable text: a query goes through the passages index), or the
//   settings before issue 23 (metric, sentence and figure text searchable) with byWord (`word`) or byAttribute
//   (`attribute`). Quality: for every judged query, the figures found against the figures whose metric or
//   sentence holds every term — `none` through zhpipe's listFigures (passages, then their figures), the others
//   by searching the figures index as zhpipe did before.
// Cost: Meilisearch CPU seconds (utime + stime of its process, read before and after each index's documents,
// one index at a time) and the seconds its batches took.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch, type Settings } from 'meilisearch';
import { indexingThreads, startServer } from '../../src/meili/server.js';
import { annotate, loadResources } from '../../src/pipeline/annotate.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { ingest } from '../../src/pipeline/ingest.js';
import type { FigureRecord, PassageRecord, Proximity } from '../../src/schema.js';
import { prepareQuery, search } from '../../src/search/search.js';
import { figureSettings, passageSettings } from '../../src/meili/settings.js';
import { readSource } from '../../src/stages/read.js';
import { normalizeForIndex } from '../../src/text/script.js';
import { loadRegional, regionalSynonyms } from '../../src/vocabulary.js';
import { holdsEvery, listFigures } from '../../src/workflows/targets.js';
import { evaluate, formatEvaluation, loadJudged, type Evaluation } from '../judged.js';
import { durationSeconds } from './durations.js';
import { cpuSeconds, median } from './meili-proc.js';
import { writeNewsCorpus } from './news-corpus.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const mb = Number(option('--mb', '1'));
const rounds = Number(option('--rounds', '3'));
const threads = Number(option('--threads', String(indexingThreads())));
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

const PASSAGE_VARIANTS = ['word', 'attribute'] as const satisfies readonly Proximity[];
const FIGURE_VARIANTS = ['none', 'word', 'attribute'] as const;
type FigureVariant = (typeof FIGURE_VARIANTS)[number];
const pick = <T extends string>(name: string, all: readonly T[]): T[] => {
  const wanted = option(name, all.join(',')).split(',');
  for (const v of wanted) if (!all.includes(v as T)) throw new Error(`${name}: unknown variant "${v}" (${all.join(', ')})`);
  return wanted as T[];
};
const passageVariants = pick('--passages', PASSAGE_VARIANTS);
const SEARCHABLE_VARIANTS = ['words', 'norm', 'both'] as const;
type Searchable = (typeof SEARCHABLE_VARIANTS)[number];
// zhpipe's own by default: the others are for measuring the choice again.
const searchableVariants = option('--searchable', 'words').split(',') as Searchable[];
for (const v of searchableVariants)
  if (!SEARCHABLE_VARIANTS.includes(v)) throw new Error(`--searchable: unknown variant "${v}" (${SEARCHABLE_VARIANTS.join(', ')})`);
const SEARCHED: Record<Searchable, string[]> = { words: ['words'], norm: ['norm'], both: ['norm', 'words'] };

/** The passages index's settings: zhpipe's with a proximity precision and what is searched. */
function passageVariant(proximity: Proximity, searchable: Searchable): Settings {
  const attributes = SEARCHED[searchable];
  return {
    ...passageSettings(vocabulary, proximity),
    searchableAttributes: attributes,
    localizedAttributes: [{ attributePatterns: attributes, locales: ['cmn'] }],
  };
}
const figureVariants = pick('--figures', FIGURE_VARIANTS);

const config = PipelineConfig.parse({
  name: 'bench',
  stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
  dictionaries: path.join(ROOT, 'dictionaries'),
});
const resources = loadResources(config);
const regional = loadRegional(path.join(ROOT, 'dictionaries'));
const vocabulary = resources.vocabulary;

/** The figures index's settings per variant: zhpipe's, or those before issue 23 with a proximity precision. */
function figureVariant(variant: FigureVariant): Settings {
  if (variant === 'none') return figureSettings();
  return {
    ...figureSettings(),
    searchableAttributes: ['metric', 'sentence', 'text'],
    filterableAttributes: [...((figureSettings().filterableAttributes ?? []) as string[]), 'value'],
    sortableAttributes: ['value', 'doc', 'start', 'dateNum'],
    localizedAttributes: [{ attributePatterns: ['metric', 'sentence'], locales: ['cmn'] }],
    proximityPrecision: variant === 'word' ? 'byWord' : 'byAttribute',
    dictionary: vocabulary.words,
    synonyms: vocabulary.synonyms,
  };
}

const work = mkdtempSync(path.join(tmpdir(), 'zhpipe-bench-meili-'));
const corpus = writeNewsCorpus(path.join(work, 'corpus'), mb);
const passages: PassageRecord[] = [];
const figures: FigureRecord[] = [];
for (const f of readdirSync(corpus.dir).sort()) {
  const records = annotate(readSource(f, readFileSync(path.join(corpus.dir, f))), resources);
  passages.push(...records.passages);
  figures.push(...records.figures);
}
console.log(
  `${(corpus.bytes / 1024 / 1024).toFixed(2)} MB, ${corpus.files} documents: ${passages.length} passages, ${figures.length} figures; Meilisearch with ${threads} indexing thread(s); ${load()}`,
);

const server = await startServer(path.join(work, 'meili'), { detached: false, indexingThreads: threads });
const client = new Meilisearch({ host: server.host, apiKey: server.apiKey });

/** Meilisearch CPU seconds and batch seconds for `records` written to a fresh index with `settings`. */
async function indexing(uid: string, settings: Settings, records: object[]): Promise<{ cpu: number; batches: number }> {
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  await client.index(uid).updateSettings(settings).waitTask({ timeout: 600_000 });
  const before = cpuSeconds(server.pid);
  const tasks = [];
  for (let k = 0; k < records.length; k += config.index.batchSize)
    tasks.push(await client.index(uid).addDocuments(records.slice(k, k + config.index.batchSize)));
  for (const t of tasks) await client.tasks.waitForTask(t.taskUid, { timeout: 600_000, interval: 50 });
  const cpu = cpuSeconds(server.pid) - before;
  const { results } = await client.batches.getBatches({ indexUids: [uid], limit: 1000 });
  return { cpu, batches: results.filter((b) => b.details?.receivedDocuments).reduce((n, b) => n + durationSeconds(b.duration), 0) };
}

/** Ranking quality of a passages index: the judged queries through zhpipe's search. */
async function passageQuality(uid: string, judged = passages.map((p) => ({ id: p.id, text: p.text }))): Promise<Evaluation> {
  const ctx = { client, index: uid, regional };
  return evaluate(async (q) => (await search(ctx, { q, limit: 10, perDoc: 0 })).hits.map((h) => h.id), judged);
}

/** The same on corpus/ alone, ingested by zhpipe (the corpus the judged queries were written for). */
async function bundledQuality(proximity: Proximity, searchable: Searchable): Promise<Evaluation> {
  const index = { ...config.index, passages: `bundled_p_${proximity}_${searchable}`, figures: `bundled_f_${proximity}_${searchable}`, proximity };
  await ingest(client, [path.join(ROOT, 'corpus')], { ...config, index }, { workers: 1 });
  await client.index(index.passages).updateSettings(passageVariant(proximity, searchable)).waitTask({ timeout: 600_000 });
  const { results } = await client.index(index.passages).getDocuments<{ id: string; text: string }>({ limit: 10_000, fields: ['id', 'text'] });
  return passageQuality(
    index.passages,
    results.map((r) => ({ id: String(r.id), text: String(r.text) })),
  );
}

const misses = (e: Evaluation) => (e.misses.length ? `  misses: ${e.misses.map((m) => `${m.q} ${m.found}/${m.expected}`).join(', ')}` : '  misses: none');

/** Figures found for every judged query against the figures whose metric or sentence holds every term. */
async function figureQuality(variant: FigureVariant, passagesUid: string, figuresUid: string): Promise<{ found: number; relevant: number; hit: number }> {
  const synonyms = regionalSynonyms(regional);
  const holds = (f: FigureRecord, terms: string[][]) => holdsEvery(normalizeForIndex(`${f.metric}\n${f.sentence}`), terms, synonyms);
  const ws = {
    client,
    config: { ...config, index: { ...config.index, passages: passagesUid, figures: figuresUid } },
    regional,
    dictionariesDir: path.join(ROOT, 'dictionaries'),
  };
  let found = 0;
  let relevant = 0;
  let hit = 0;
  for (const { q, script } of loadJudged()) {
    if (script === 'absent') continue;
    const { terms, simplified } = prepareQuery(q, regional);
    const expected = new Set(figures.filter((f) => holds(f, terms)).map((f) => f.id));
    const ids =
      variant === 'none'
        ? (await listFigures(ws, { q })).map((r) => r.id)
        : (await client.index(figuresUid).search(simplified, { limit: 100_000, matchingStrategy: 'all', attributesToRetrieve: ['id'] })).hits.map((h) =>
            String(h['id']),
          );
    found += ids.length;
    relevant += expected.size;
    hit += ids.filter((id) => expected.has(id)).length;
  }
  return { found, relevant, hit };
}

try {
  const cost = new Map<string, Array<{ cpu: number; batches: number }>>();
  const note = (label: string, c: { cpu: number; batches: number }) => cost.set(label, [...(cost.get(label) ?? []), c]);
  const quality: string[] = [];
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    const line: string[] = [];
    for (const [proximity, searchable] of passageVariants.flatMap((p) => searchableVariants.map((sv) => [p, sv] as const))) {
      const label = searchable === 'words' ? proximity : `${proximity}, ${searchable}`;
      const uid = `p_${proximity}_${searchable}_${n++}`;
      const c = await indexing(uid, passageVariant(proximity, searchable), passages);
      note(`passages ${label}`, c);
      line.push(`passages ${label} ${c.cpu.toFixed(1)} s CPU (${c.batches.toFixed(1)} s batches)`);
      if (round === 0) {
        const news = await passageQuality(uid);
        quality.push(formatEvaluation(`passages, proximity ${label}: judged queries through zhpipe search, bench corpus`, news), misses(news));
        const bundled = await bundledQuality(proximity, searchable);
        quality.push(formatEvaluation(`passages, proximity ${label}: judged queries through zhpipe search, corpus/ alone`, bundled), misses(bundled));
      }
      if (round > 0) await client.index(uid).delete().waitTask();
    }
    for (const v of figureVariants) {
      const uid = `f_${v}_${n++}`;
      const c = await indexing(uid, figureVariant(v), figures);
      note(`figures ${v}`, c);
      line.push(`figures ${v} ${c.cpu.toFixed(1)} s CPU (${c.batches.toFixed(1)} s batches)`);
      if (round === 0) {
        const q = await figureQuality(v, `p_${passageVariants[0] ?? 'word'}_${searchableVariants[0] ?? 'words'}_0`, uid);
        quality.push(
          `figures ${v}: ${q.found} found for the judged queries, ${q.hit} of ${q.relevant} figures whose metric or sentence holds every term (recall ${(q.hit / (q.relevant || 1)).toFixed(3)}, precision ${(q.hit / (q.found || 1)).toFixed(3)})`,
        );
      }
      await client.index(uid).delete().waitTask();
    }
    console.log(`round ${round + 1}: ${line.join(', ')}; ${load()}`);
  }
  console.log(`\nMeilisearch cost, medians over ${rounds} round(s):`);
  for (const [label, list] of cost)
    console.log(
      `  ${label.padEnd(20)} CPU ${median(list.map((c) => c.cpu))
        .toFixed(1)
        .padStart(5)} s   batches ${median(list.map((c) => c.batches))
        .toFixed(1)
        .padStart(5)} s`,
    );
  console.log('\nQuality (first round):');
  for (const q of quality) console.log(q);
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
