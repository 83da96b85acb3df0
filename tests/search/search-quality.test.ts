// Judged queries (tests/fixtures/search/judged-queries.json) against the real index of corpus/: recall@10 in
// every script must stay at what zhpipe reaches, absent topics must find nothing, and every hit's highlight
// must mark real matches in the text shown.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { search, type SearchContext, type SearchHit } from '../../src/search/search.js';
import { settle } from '../../src/meili/tasks.js';
import { normalizeForIndex } from '../../src/text/script.js';
import { loadRegional } from '../../src/vocabulary.js';
import { CORPUS, ROOT, tempDir, testClient, uniqueIndexes, testConfig } from '../helpers.js';
import { evaluate, formatEvaluation, loadJudged, type Evaluation } from '../judged.js';

const client = testClient();
const indexes = uniqueIndexes('judged');
const config = testConfig(indexes);

// The floor each script must keep; raise it when search improves, never lower it to pass.
const FLOOR = { simplified: 1, traditional: 1, regional: 1, absent: 1 };

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('search quality on judged queries', () => {
  let result: Evaluation;
  let ctx: SearchContext;
  beforeAll(async () => {
    await ingest(client, [CORPUS], config, { dataDir: tempDir() });
    const { results } = await client.index(indexes.passages).getDocuments({ limit: 10000, fields: ['id', 'text'] });
    const passages = results.map((r) => ({ id: String(r.id), text: String(r.text) }));
    ctx = { client, index: indexes.passages, regional: loadRegional(path.join(ROOT, 'dictionaries')) };
    // Passage recall: the per-document limit off, as relevance is judged per passage.
    result = await evaluate(async (q) => (await search(ctx, { q, limit: 10, perDoc: 0 })).hits.map((h) => h.id), passages);
    // Baseline for the README: plain Meilisearch (default settings, original text, query as typed).
    const raw = `${indexes.passages}_raw`;
    await settle(client, (await client.createIndex(raw, { primaryKey: 'id' })).taskUid);
    await settle(client, (await client.index(raw).addDocuments(passages)).taskUid);
    const baseline = await evaluate(async (q) => (await client.index(raw).search(q, { limit: 10 })).hits.map((h) => String(h.id)), passages);
    console.log(formatEvaluation('zhpipe', result));
    console.log(formatEvaluation('plain Meilisearch (baseline, not asserted)', baseline));
    if (result.misses.length) console.log('misses', JSON.stringify(result.misses));
  });

  it.each(Object.entries(FLOOR))('keeps recall@10 for %s queries at its floor', (script, floor) => {
    const score = result.byScript[script as keyof typeof FLOOR];
    expect(score, `misses: ${JSON.stringify(result.misses.filter((m) => m.script === script))}`).toBeDefined();
    expect(score?.recallAt10 ?? 0).toBeGreaterThanOrEqual(floor);
  });

  // The hot path converts only what it returns and caches conversions; highlights must not suffer for it.
  it('highlights real matches, twice in a row alike', async () => {
    const queries = loadJudged().filter((j) => j.script !== 'absent');
    for (const judged of queries) {
      const first = await search(ctx, { q: judged.q, limit: 10 });
      const again = await search(ctx, { q: judged.q, limit: 10 });
      expect(again.hits, judged.q).toEqual(first.hits);
      const words = [...judged.terms, ...first.query.simplified.split(' ')].filter(Boolean);
      for (const hit of first.hits as SearchHit[]) {
        const where = `${judged.q} → ${hit.id}`;
        // The highlight is the text shown, escaped, with marks around matches.
        expect(unescapeHtml(hit.highlight.replace(/<\/?mark>/g, '')), where).toBe(hit.text);
        const marked = [...hit.highlight.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => unescapeHtml(m[1] ?? ''));
        expect(marked.length, where).toBeGreaterThan(0);
        expect(hit.matches.length, where).toBe(marked.length);
        // Meilisearch marks whole tokens (安徽省 for 安徽, 江苏 for 苏超): each marked span, simplified, shares a
        // character with a query word; a shifted highlight would not.
        const chars = new Set(words.join(''));
        for (const span of marked.map(normalizeForIndex))
          expect(
            [...span].some((c) => chars.has(c)),
            `${where}: ${span}`,
          ).toBe(true);
        for (const m of hit.matches) {
          expect(m.start, where).toBeGreaterThanOrEqual(hit.start);
          expect(m.end, where).toBeLessThanOrEqual(hit.end);
        }
      }
    }
  });
});
