// Judged queries (tests/fixtures/search/judged-queries.json) against the real index of corpus/: recall@10 in
// every script must stay at what zhpipe reaches, and absent topics must find nothing.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/pipeline/ingest.js';
import { search } from '../src/search/search.js';
import { loadRegional } from '../src/vocabulary.js';
import { CORPUS, ROOT, tempDir, testClient, uniqueIndexes, testConfig } from './helpers.js';
import { evaluate, formatEvaluation, type Evaluation } from './judged.js';

const client = testClient();
const indexes = uniqueIndexes('judged');
const config = testConfig(indexes);

// The floor each script must keep; raise it when search improves, never lower it to pass.
const FLOOR = { simplified: 1, traditional: 1, regional: 1, absent: 1 };

describe('search quality on judged queries', () => {
  let result: Evaluation;
  beforeAll(async () => {
    await ingest(client, [CORPUS], config, { dataDir: tempDir() });
    const { results } = await client.index(indexes.passages).getDocuments({ limit: 10000, fields: ['id', 'text'] });
    const passages = results.map((r) => ({ id: String(r.id), text: String(r.text) }));
    const ctx = { client, index: indexes.passages, regional: loadRegional(path.join(ROOT, 'dictionaries')) };
    result = await evaluate(async (q) => (await search(ctx, { q, limit: 10 })).hits.map((h) => h.id), passages);
    console.log(formatEvaluation('zhpipe', result));
    if (result.misses.length) console.log('misses', JSON.stringify(result.misses));
  });

  it.each(Object.entries(FLOOR))('keeps recall@10 for %s queries at its floor', (script, floor) => {
    const score = result.byScript[script as keyof typeof FLOOR];
    expect(score, `misses: ${JSON.stringify(result.misses.filter((m) => m.script === script))}`).toBeDefined();
    expect(score?.recallAt10 ?? 0).toBeGreaterThanOrEqual(floor);
  });
});
