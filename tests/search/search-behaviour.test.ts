// What search does with what an analyst types (issue 18), against a real Meilisearch: the query is searched
// as typed and regional wording only adds to it; no dead ends when no passage holds every word; quoted
// phrases; one document does not fill the page; zero-width characters do not hide a word.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { search, type SearchContext } from '../../src/search/search.js';
import { loadRegional } from '../../src/vocabulary.js';
import { CORPUS, meiliEnv, ROOT, runCli, tempDir, testClient, testConfig, uniqueIndexes, writePipeline } from '../helpers.js';

const client = testClient();
const indexes = uniqueIndexes('behaviour');
let ctx: SearchContext;
let pipeline: string;

// Written for these tests: a Taiwan text, a mainland text, a text with zero-width characters and one long
// document that mentions one topic in every paragraph.
const FILES: Record<string, string> = {
  'tw.txt': '臺灣電動機車產業去年銷量創新高，政府延長電動機車購車補助。\n',
  'cn.txt': '多地推广电动摩托车换电服务，电动摩托车保有量持续增长。\n',
  'tech.txt': '要加快突破关键核心技术，建立健全科技成果转化机制。\n',
  'zw.txt': '今年新建公共充\u200b电桩三百个，覆盖所有乡镇。\n',
  'long.txt': Array.from({ length: 12 }, (_, i) => `第${i + 1}段：数字孪生城市建设进入新阶段，试点项目${i + 1}已经启动。`).join('\n\n') + '\n',
};

beforeAll(async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'own'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, 'own', name), text);
  await ingest(client, [CORPUS, path.join(dir, 'own')], testConfig(indexes), { dataDir: tempDir() });
  ctx = { client, index: indexes.passages, regional: loadRegional(path.join(ROOT, 'dictionaries')) };
  pipeline = writePipeline(dir, indexes);
});

const docsOf = (hits: Array<{ doc: string }>) => [...new Set(hits.map((h) => path.basename(h.doc)))].sort();

describe('a query is searched as typed', () => {
  it("finds mainland words that OpenCC's Taiwan phrases would reword (核心技术, 建立健全)", async () => {
    for (const q of ['核心技术', '建立健全']) {
      const r = await search(ctx, { q, limit: 20, perDoc: 0 });
      expect(r.query.simplified).toBe(q);
      expect(docsOf(r.hits), q).toContain('tech.txt');
      expect(
        r.hits.every((h) => h.text.includes(q)),
        q,
      ).toBe(true);
    }
  });

  it('finds the Taiwan text holding 電動機車 verbatim, and adds the mainland sense (电动摩托车) for a traditional query', async () => {
    const traditional = await search(ctx, { q: '電動機車' });
    expect(traditional.query.forms).toEqual(['电动机车', '电动摩托车']);
    // The Taiwan row of the bundled JSONL sample says 電動機車 too.
    expect(docsOf(traditional.hits)).toEqual(['cn.txt', 'news-sample.jsonl#4', 'tw.txt']);
    // Typed in simplified, 机车 is a locomotive: only the texts that say 电动机车.
    const simplified = await search(ctx, { q: '电动机车' });
    expect(docsOf(simplified.hits)).toEqual(['news-sample.jsonl#4', 'tw.txt']);
  });

  it('finds a word that zero-width characters split in the source', async () => {
    const r = await search(ctx, { q: '充电桩', limit: 50, perDoc: 0 });
    expect(docsOf(r.hits)).toContain('zw.txt');
    const hit = r.hits.find((h) => h.doc.endsWith('zw.txt'));
    expect(hit?.highlight).toContain('<mark>充电桩</mark>');
  });

  it('finds a number on its own, though the text glues it to the word after it (2026 in 2026年度)', async () => {
    for (const q of ['2026', '实事项目清单 2026']) {
      const r = await search(ctx, { q, perDoc: 0, limit: 50 });
      expect(r.hits.length, q).toBeGreaterThan(0);
      for (const hit of r.hits) expect(hit.matched === 'all' && hit.text.includes('2026'), `${q}: ${hit.text}`).toBe(true);
    }
  });

  it('matches a quoted phrase as a phrase', async () => {
    const r = await search(ctx, { q: '“实事项目清单”', perDoc: 0, limit: 50 });
    expect(r.total).toBeGreaterThan(0);
    for (const hit of r.hits) expect(hit.text).toContain('实事项目清单');
  });
});

describe('no dead ends', () => {
  it('falls back to passages holding most of the words, marked partial, when none holds them all', async () => {
    for (const q of ['医保 异地就医', '核心技术 电动摩托车']) {
      const r = await search(ctx, { q });
      expect(r.hits.length, q).toBeGreaterThan(0);
      expect(
        r.hits.every((h) => h.matched === 'partial'),
        q,
      ).toBe(true);
      const terms = q.split(' ');
      for (const hit of r.hits)
        expect(
          terms.some((t) => hit.text.includes(t)),
          `${q}: ${hit.text}`,
        ).toBe(true);
    }
  });

  it('marks full matches "all" and returns nothing for a query about something absent', async () => {
    const full = await search(ctx, { q: '医保 长三角' });
    expect(full.hits.length).toBeGreaterThan(0);
    expect(full.hits.every((h) => h.matched === 'all')).toBe(true);
    for (const q of ['长三角 核潜艇', '量子 比特币']) expect((await search(ctx, { q })).hits, q).toEqual([]);
  });
});

describe('one document does not fill the page', () => {
  it('shows at most 2 passages of a document by default and says how many more it has', async () => {
    const r = await search(ctx, { q: '数字孪生' });
    const long = r.hits.filter((h) => h.doc.endsWith('long.txt'));
    expect(long).toHaveLength(2);
    expect(long.every((h) => h.more === 10)).toBe(true);
    const all = await search(ctx, { q: '数字孪生', perDoc: 0, limit: 20 });
    expect(all.hits.filter((h) => h.doc.endsWith('long.txt'))).toHaveLength(12);
    expect(all.hits.every((h) => h.more === 0)).toBe(true);
  });

  it('pages through the per-document results without repeating a passage', async () => {
    const first = await search(ctx, { q: '长三角', limit: 5 });
    const second = await search(ctx, { q: '长三角', limit: 5, offset: 5 });
    const ids = [...first.hits, ...second.hits].map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    const perDoc = new Map<string, number>();
    for (const h of [...first.hits, ...second.hits]) perDoc.set(h.doc, (perDoc.get(h.doc) ?? 0) + 1);
    expect(Math.max(...perDoc.values())).toBeLessThanOrEqual(2);
  });
});

describe('zhpipe search on the command line', () => {
  it('marks partial matches and says how many more passages a document has', async () => {
    const partial = await runCli(['search', '医保 异地就医', '--pipeline', pipeline], { env: meiliEnv() });
    expect(partial.code, partial.stderr).toBe(0);
    expect(partial.stdout).toContain('No passage holds every word');
    expect(partial.stdout).toContain('(partial)');
    const more = await runCli(['search', '数字孪生', '--pipeline', pipeline], { env: meiliEnv() });
    expect(more.stdout).toContain('10 more in this document');
    const bad = await runCli(['search', '数字孪生', '--per-doc', '-1', '--pipeline', pipeline], { env: meiliEnv() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--per-doc');
  });
});

describe('filtered to one document', () => {
  it('lists every passage of it: the per-document limit does not apply', async () => {
    const doc = (await search(ctx, { q: '数字孪生' })).hits.find((h) => h.doc.endsWith('long.txt'))?.doc ?? '';
    const r = await search(ctx, { q: '数字孪生', filter: [{ field: 'doc', op: '=', value: doc }], limit: 20 });
    expect(r.hits).toHaveLength(12);
  });
});
