// Ingest and search against the real Meilisearch started for the test run.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotate, loadResources } from '../../src/pipeline/annotate.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { prepareIndexes, settingsToChange } from '../../src/meili/settings.js';
import { IndexWriter, startsEmpty } from '../../src/meili/writer.js';
import { readSource } from '../../src/stages/read.js';
import { search, type SearchContext } from '../../src/search/search.js';
import { normalizeForIndex } from '../../src/text/script.js';
import { loadRegional } from '../../src/vocabulary.js';
import { bundledOriginal, CORPUS, CORPUS_DOCUMENTS, ROOT, tempDir, testClient, uniqueIndexes, testConfig } from '../helpers.js';

const client = testClient();
const dataDir = tempDir();
const indexes = uniqueIndexes('ingest');
const config = testConfig(indexes, { batchSize: 50, concurrency: 2 });
const ctx: SearchContext = { client, index: indexes.passages, regional: loadRegional(path.join(ROOT, 'dictionaries')) };

async function allIds(): Promise<string[]> {
  const { results } = await client.index(indexes.passages).getDocuments({ limit: 10000, fields: ['id'] });
  return results.map((r) => String(r.id)).sort();
}

describe('ingest the bundled corpus', () => {
  let first: Awaited<ReturnType<typeof ingest>>;
  beforeAll(async () => {
    first = await ingest(client, [CORPUS], config, { dataDir });
  });

  it('indexes every bundled document: the seed articles and each row of the JSONL sample', async () => {
    expect(first.documents).toBe(CORPUS_DOCUMENTS);
    expect(first.skipped).toEqual([]);
    expect(first.passages).toBeGreaterThan(200);
    expect((await allIds()).length).toBe(first.passages);
  });

  it('leaves the index unchanged when the same files are ingested again', async () => {
    const before = await allIds();
    const again = await ingest(client, [CORPUS], config, { dataDir });
    expect(again.passages).toBe(first.passages);
    expect(again.unchanged).toBe(CORPUS_DOCUMENTS);
    expect(again.sent).toBe(0);
    expect(await allIds()).toEqual(before);
    // Without the checkpoint everything is sent again, and still nothing changes.
    const resent = await ingest(client, [CORPUS], config, { dataDir, resume: false });
    expect(resent.sent).toBe(CORPUS_DOCUMENTS);
    expect(await allIds()).toEqual(before);
  });

  it('finds the same passages for 充電樁 and 充电桩, shown in the script of the query', async () => {
    const traditional = await search(ctx, { q: '充電樁' });
    const simplified = await search(ctx, { q: '充电桩' });
    expect(traditional.total).toBeGreaterThan(0);
    expect(traditional.hits.map((h) => h.id)).toEqual(simplified.hits.map((h) => h.id));
    expect(traditional.hits[0]?.text).toContain('充電樁');
    expect(traditional.hits[0]?.highlight).toContain('<mark>充電樁</mark>');
    expect(simplified.hits[0]?.highlight).toContain('<mark>充电桩</mark>');
  });

  it.each([
    ['長三角一體化', '长三角一体化'],
    ['優良天數比率', '优良天数比率'],
    ['國家發展改革委', '国家发展改革委'],
    ['新能源汽車', '新能源汽车'],
  ])('finds the same passages for %s and %s', async (traditional, simplified) => {
    const a = await search(ctx, { q: traditional, limit: 20 });
    const b = await search(ctx, { q: simplified, limit: 20 });
    expect(b.total).toBeGreaterThan(0);
    expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id));
  });

  it('returns match offsets that point at the query in the original text', async () => {
    const { hits } = await search(ctx, { q: '充电桩' });
    const hit = hits[0];
    expect(hit).toBeDefined();
    const original = bundledOriginal(hit?.doc ?? '');
    // The text as written, in whichever script the document uses.
    expect(hit?.matches?.length).toBeGreaterThan(0);
    for (const m of hit?.matches ?? []) expect(normalizeForIndex(original.slice(m.start, m.end))).toBe('充电桩');
  });

  it('shows results in the script asked for', async () => {
    const { hits } = await search(ctx, { q: '充电桩', script: 'traditional' });
    expect(hits[0]?.text).toContain('充電樁');
  });

  it('filters by document', async () => {
    const doc = 'corpus/004_9c34a97e38f5307b.txt';
    const { hits } = await search(ctx, { q: '长三角', filter: [{ field: 'doc', op: '=', value: doc }], limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.doc === doc)).toBe(true);
  });
});

describe('re-ingest after a file changes', () => {
  it('removes the passages the file no longer has', async () => {
    const own = uniqueIndexes('change');
    const cfg = { ...config, index: { ...config.index, ...own } };
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, '第一段内容写在这里。\n\n第二段讲充电桩建设。\n');
    await ingest(client, [file], cfg, { dataDir });
    writeFileSync(file, '第一段内容写在这里。\n\n第三段讲集装箱码头。\n');
    await ingest(client, [file], cfg, { dataDir });
    const { results } = await client.index(own.passages).getDocuments({ limit: 100, fields: ['text'] });
    expect(results.map((r) => r.text).sort()).toEqual(['第一段内容写在这里。', '第三段讲集装箱码头。']);
  });

  it('indexes good files and reports bad ones by name with the reason', async () => {
    const own = uniqueIndexes('bad');
    const cfg = { ...config, index: { ...config.index, ...own } };
    const dir = tempDir();
    mkdirSync(path.join(dir, 'in'));
    copyFileSync(path.join(CORPUS, '004_9c34a97e38f5307b.txt'), path.join(dir, 'in', 'good.txt'));
    writeFileSync(path.join(dir, 'in', 'empty.txt'), '');
    writeFileSync(path.join(dir, 'in', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const summary = await ingest(client, [path.join(dir, 'in'), path.join(dir, 'missing.txt')], cfg, { dataDir });
    expect(summary.documents).toBe(1);
    const reasons = Object.fromEntries(summary.skipped.map((s) => [path.basename(s.skipped), s.reason]));
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['image.png']).toMatch(/binary/);
    expect(reasons['missing.txt']).toMatch(/no such file/);
  });

  it('builds the index with the proximity precision the pipeline asks for, and without facet search', async () => {
    const own = uniqueIndexes('prox');
    const dir = tempDir();
    copyFileSync(path.join(CORPUS, '004_9c34a97e38f5307b.txt'), path.join(dir, 'a.txt'));
    await ingest(client, [dir], testConfig(own, { proximity: 'attribute' }), { workers: 1 });
    for (const uid of [own.passages, own.figures]) {
      const settings = await client.index(uid).getSettings();
      expect(settings.proximityPrecision).toBe('byAttribute');
      expect(settings.facetSearch).toBe(false);
    }
    expect((await client.index(own.passages).getSettings()).proximityPrecision).not.toBe(
      (await client.index(indexes.passages).getSettings()).proximityPrecision,
    );
  });

  it('updates index settings only when the pipeline changes them, so a re-run queues no settings task', async () => {
    const own = uniqueIndexes('settings');
    const { vocabulary } = loadResources(config, { segmenter: false });
    const settingsTasks = async (uid: string) => (await client.tasks.getTasks({ indexUids: [uid], types: ['settingsUpdate'] })).results.length;
    await prepareIndexes(client, own, vocabulary);
    expect([await settingsTasks(own.passages), await settingsTasks(own.figures)]).toEqual([1, 1]);
    // Meilisearch returns sets sorted and objects filled with defaults; none of that is a change.
    await prepareIndexes(client, own, { words: [...vocabulary.words].reverse(), synonyms: vocabulary.synonyms });
    expect([await settingsTasks(own.passages), await settingsTasks(own.figures)]).toEqual([1, 1]);
    await prepareIndexes(client, { ...own, proximity: 'attribute' }, vocabulary);
    expect([await settingsTasks(own.passages), await settingsTasks(own.figures)]).toEqual([2, 2]);
    expect((await client.index(own.passages).getSettings()).proximityPrecision).toBe('byAttribute');
    // A synonym taken out of the vocabulary is a change too, though what remains is all still there.
    const current = await client.index(own.passages).getSettings();
    const [dropped] = Object.keys(vocabulary.synonyms);
    const fewer = Object.fromEntries(Object.entries(vocabulary.synonyms).filter(([key]) => key !== dropped));
    expect(Object.keys(settingsToChange(current, { synonyms: fewer }))).toEqual(['synonyms']);
    expect(settingsToChange(current, { typoTolerance: { enabled: false }, faceting: { maxValuesPerFacet: 200 } })).toEqual({});
    expect(settingsToChange(current, { faceting: { maxValuesPerFacet: 300 } })).toEqual({ faceting: { maxValuesPerFacet: 300 } });
  });

  it('skips a document its worker has no heap for, names the limit, and keeps ingesting', async () => {
    const own = uniqueIndexes('heap');
    const cfg = { ...config, index: { ...config.index, ...own } };
    const dir = tempDir();
    copyFileSync(path.join(CORPUS, '004_9c34a97e38f5307b.txt'), path.join(dir, 'a.txt'));
    copyFileSync(path.join(CORPUS, '004_9c34a97e38f5307b.txt'), path.join(dir, 'b.txt'));
    // A worker's JS heap holds some 110 MB once its dictionaries are loaded: with half of that, every worker
    // dies of its heap limit.
    const summary = await ingest(client, [dir], cfg, { workerHeapMB: 50, workers: 1 });
    expect(summary.documents).toBe(0);
    expect(summary.skipped.map((s) => path.basename(s.skipped)).sort()).toEqual(['a.txt', 'b.txt']);
    expect(summary.skipped[0]?.reason).toMatch(/ran out of memory in its worker \(heap limit 50 MB/);
  });
});

describe('segmenter readiness', () => {
  it('annotate() pushes the project words into nodejieba when resources were loaded without it', async () => {
    const { annotate, loadResources } = await import('../../src/pipeline/annotate.js');
    const { readSource } = await import('../../src/stages/read.js');
    // Ingest's main thread loads the dictionaries without nodejieba; a zhpipe export is still annotated there.
    const lazy = loadResources(config, { segmenter: false });
    const source = readSource('words.txt', Buffer.from('今年推进新质生产力建设，新建公共充电桩超7万个。'));
    const first = annotate(source, lazy);
    const { segment } = await import('../../src/stages/segment.js');
    expect(segment('新质生产力').map((t) => t.text)).toEqual(['新质生产力']);
    expect(annotate(source, loadResources(config))).toEqual(first);
  });
});

describe('repeated passages', () => {
  it('keeps every passage of a document whose chunks repeat, so the summary counts what the index holds', async () => {
    const own = uniqueIndexes('repeats');
    const cfg = { ...config, index: { ...config.index, ...own } };
    const dir = tempDir();
    // One long paragraph of one sentence repeated: the clean stage cuts it into identical 400-character chunks
    // (only whole repeated paragraphs are dropped as a scraping artefact).
    const sentence = '全年长三角区域要新建公共充电桩超7万个，推动新能源汽车产业在更大范围内协同发展和互联互通。';
    writeFileSync(path.join(dir, 'repeats.txt'), `${sentence.repeat(60)}\n`);
    const summary = await ingest(client, [dir], cfg);
    expect(summary.passages).toBeGreaterThan(5);
    const held = await client.index(own.passages).getStats();
    expect(held.numberOfDocuments).toBe(summary.passages);
    expect((await client.index(own.figures).getStats()).numberOfDocuments).toBe(summary.figures);
    // Ids are still stable: the same file ingested again changes nothing.
    const ids = async () => (await client.index(own.passages).getDocuments({ limit: 1000, fields: ['id'] })).results.map((r) => String(r.id)).sort();
    const before = await ids();
    await ingest(client, [dir], cfg, { resume: false });
    expect(await ids()).toEqual(before);
  });
});

describe('stale records', () => {
  const deletions = async (own: { passages: string; figures: string }) =>
    (await client.tasks.getTasks({ indexUids: [own.passages, own.figures], types: ['documentDeletion'], limit: 100 })).results.length;

  it('sends no deletion to indexes that were empty when the run began, and removes what a later run makes stale', async () => {
    const own = uniqueIndexes('fresh');
    const cfg = { ...config, index: { ...config.index, ...own } };
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, '第一段内容写在这里。\n\n第二段讲充电桩建设，全年新建充电桩超7万个。\n');
    await ingest(client, [file], cfg, { dataDir: tempDir() });
    expect(await deletions(own)).toBe(0);
    writeFileSync(file, '第一段内容写在这里。\n\n第三段讲集装箱码头。\n');
    await ingest(client, [file], cfg, { dataDir: tempDir() });
    expect(await deletions(own)).toBeGreaterThan(0);
    const { results } = await client.index(own.passages).getDocuments({ limit: 100, fields: ['text'] });
    expect(results.map((r) => r.text).sort()).toEqual(['第一段内容写在这里。', '第三段讲集装箱码头。']);
    expect((await client.index(own.figures).getStats()).numberOfDocuments).toBe(0);
  });

  it('removes what a document written twice in one run into empty indexes no longer has', async () => {
    const own = uniqueIndexes('twice');
    const resources = loadResources(config);
    const indexes = await prepareIndexes(client, own, resources.vocabulary);
    const startedEmpty = { passages: await startsEmpty(client, indexes.passages), figures: await startsEmpty(client, indexes.figures) };
    expect(startedEmpty).toEqual({ passages: true, figures: true });
    // One record per batch: the second version's deletion is a task of its own, after the first version's writes.
    const writer = new IndexWriter(client, indexes, { batchSize: 1, concurrency: 1, startedEmpty });
    const first = annotate(readSource('twice.txt', Buffer.from('第一段内容写在这里。\n\n第二段讲充电桩建设，全年新建充电桩超7万个。\n')), resources);
    const second = annotate(readSource('twice.txt', Buffer.from('第一段内容写在这里。\n')), resources);
    expect(first.figures.length).toBeGreaterThan(0);
    await writer.writeDocument(first.passages[0]?.docId ?? '', first.passages, first.figures);
    await writer.writeDocument(second.passages[0]?.docId ?? '', second.passages, second.figures);
    await writer.close();
    const { results } = await client.index(own.passages).getDocuments({ limit: 100, fields: ['text'] });
    expect(results.map((r) => r.text)).toEqual(['第一段内容写在这里。']);
    expect((await client.index(own.figures).getStats()).numberOfDocuments).toBe(0);
  });

  it('does not take an index with records, or with writes still queued, for an empty one', async () => {
    const own = uniqueIndexes('notempty');
    const indexes = await prepareIndexes(client, own, loadResources(config).vocabulary);
    expect(await startsEmpty(client, indexes.passages)).toBe(true);
    const task = await indexes.passages.addDocuments([{ id: 'x', docId: 'x', text: '一' }]);
    const queued = await startsEmpty(client, indexes.passages);
    await client.tasks.waitForTask(task.taskUid);
    expect(await startsEmpty(client, indexes.passages)).toBe(false);
    // Queued or already indexed, the write was seen: no run may skip its deletions after it.
    expect(queued).toBe(false);
  });
});
