// Dictionary updates without a full reindex: only passages holding an added or removed name are re-tagged.
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { reindex } from '../../src/pipeline/reindex.js';
import { CORPUS, CORPUS_DOCUMENTS, ROOT, tempDir, testClient, uniqueIndexes } from '../helpers.js';

const client = testClient();

async function placesOf(index: string, text: string): Promise<string[]> {
  const { hits } = await client.index(index).search('', { filter: 'docId EXISTS', limit: 1000, attributesToRetrieve: ['text', 'place'] });
  return hits.filter((h) => String(h.text).includes(text)).flatMap((h) => h.place as string[]);
}

/** What Meilisearch searches of the passages holding `text`: their norm cut at the segmenter's boundaries. */
async function searchedWordsOf(index: string, text: string): Promise<string[]> {
  const { hits } = await client.index(index).search('', { filter: 'docId EXISTS', limit: 1000, attributesToRetrieve: ['text', 'words'] });
  return hits.filter((h) => String(h.text).includes(text)).map((h) => String(h.words));
}

describe('reindex --changed', () => {
  it('re-tags only the passages with an added name, then with a removed one', async () => {
    const dir = tempDir();
    const dictionaries = path.join(dir, 'dictionaries');
    cpSync(path.join(ROOT, 'dictionaries'), dictionaries, { recursive: true });
    const indexes = uniqueIndexes('reindex');
    const config = PipelineConfig.parse({
      name: 'reindex',
      stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
      dictionaries,
      index: indexes,
    });
    const dataDir = path.join(dir, 'data');
    await ingest(client, [CORPUS], config, { dataDir, workers: 1 });
    expect(await placesOf(indexes.passages, '水乡客厅迎')).not.toContain('水乡客厅');
    const cutApart = await searchedWordsOf(indexes.passages, '水乡客厅迎');
    expect(cutApart.length).toBeGreaterThan(0);
    expect(cutApart.some((w) => w.includes('水乡客厅'))).toBe(false);

    const user = path.join(dictionaries, 'entities', 'user.txt');
    const original = readFileSync(user, 'utf8');
    appendFileSync(user, '\n水乡客厅 place\n');
    const added = await reindex(client, config, dataDir, { changedOnly: true });
    expect(added.changed).toEqual(['水乡客厅']);
    expect(added.touched).toBeGreaterThan(0);
    expect(added.touched).toBeLessThan(added.total / 10);
    expect(await placesOf(indexes.passages, '水乡客厅迎')).toContain('水乡客厅');
    // The new word is one word of what Meilisearch searches too, so the name is found as typed.
    expect((await searchedWordsOf(indexes.passages, '水乡客厅迎')).every((w) => w.includes('水乡客厅'))).toBe(true);

    writeFileSync(user, original);
    const removed = await reindex(client, config, dataDir, { changedOnly: true });
    expect(removed.changed).toEqual(['水乡客厅']);
    expect(removed.touched).toBe(added.touched);
    expect(await placesOf(indexes.passages, '水乡客厅迎')).not.toContain('水乡客厅');

    // The ingest checkpoint follows the dictionaries: nothing is sent again.
    const again = await ingest(client, [CORPUS], config, { dataDir, workers: 1 });
    expect(again.unchanged).toBe(CORPUS_DOCUMENTS);
  });

  it('tags every passage as ingest did, counting a name said again in another passage of the document', async () => {
    const dir = tempDir();
    const docs = path.join(dir, 'docs');
    cpSync(CORPUS, docs, { recursive: true });
    // 侯御 in either passage alone has no evidence; together they name him twice.
    writeFileSync(path.join(docs, 'second-mention.txt'), '侯御之不能到北京就职。\n\n侯御之不能到上海就职。\n');
    const indexes = uniqueIndexes('reindex-full');
    const config = PipelineConfig.parse({
      name: 'reindex-full',
      stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
      dictionaries: path.join(ROOT, 'dictionaries'),
      index: indexes,
    });
    const entitiesOf = async () => {
      const { results } = await client.index(indexes.passages).getDocuments({ limit: 10000, fields: ['id', 'person', 'place', 'org'] });
      return new Map(results.map((r) => [String(r.id), JSON.stringify([r.person, r.place, r.org])]));
    };
    await ingest(client, [docs], config, { dataDir: path.join(dir, 'data'), workers: 1 });
    const ingested = await entitiesOf();
    const { hits } = await client.index(indexes.passages).search('', {
      filter: 'doc = "' + path.relative(ROOT, path.join(docs, 'second-mention.txt')) + '" OR person = 侯御',
      limit: 10,
      attributesToRetrieve: ['person'],
    });
    expect(hits.flatMap((h) => h.person as string[]).filter((p) => p === '侯御').length).toBe(2);
    const summary = await reindex(client, config, path.join(dir, 'data'), { changedOnly: false });
    expect(summary.touched).toBe(ingested.size);
    expect(await entitiesOf()).toEqual(ingested);
  });

  it('refuses --changed before anything was ingested with these dictionaries', async () => {
    const indexes = uniqueIndexes('noreindex');
    const config = PipelineConfig.parse({
      name: 'x',
      stages: ['read', 'clean', 'segment', 'entities', 'index'],
      dictionaries: path.join(ROOT, 'dictionaries'),
      index: indexes,
    });
    await expect(reindex(client, config, tempDir(), { changedOnly: true })).rejects.toThrow(/run `zhpipe ingest` first/);
  });
});
