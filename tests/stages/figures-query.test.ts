// Figures found by a query (`zhpipe targets --query`, /api/figures?q=): the figures index keeps no searchable
// text, so a query goes through the passages index; these tests hold it to what searching the figures' own
// metric and sentence meant: every figure whose sentence or metric holds the words, in either script, and
// no figure whose passage holds them only in another sentence.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import type { FigureRecord } from '../../src/schema.js';
import { normalizeForIndex } from '../../src/text/script.js';
import { loadRegional } from '../../src/vocabulary.js';
import { listFigures, listTargets } from '../../src/workflows/targets.js';
import type { Workspace } from '../../src/workflows/workspace.js';
import { CORPUS, ROOT, testClient, testConfig, uniqueIndexes } from '../helpers.js';

const client = testClient();
const config = testConfig(uniqueIndexes('figq'));
let ws: Workspace;
let figures: FigureRecord[];
let passageText: Map<string, string>;

const holds = (f: FigureRecord, word: string) => normalizeForIndex(`${f.metric}\n${f.sentence}`).includes(word);

beforeAll(async () => {
  await ingest(client, [CORPUS], config);
  ws = { client, config, regional: loadRegional(path.join(ROOT, 'dictionaries')), dictionariesDir: path.join(ROOT, 'dictionaries') };
  figures = (await client.index(config.index.figures).getDocuments<FigureRecord>({ limit: 100000 })).results;
  const { results } = await client.index(config.index.passages).getDocuments<{ id: string; norm: string }>({ limit: 10000, fields: ['id', 'norm'] });
  passageText = new Map(results.map((p) => [p.id, p.norm]));
});

describe('figures by query', () => {
  it.each(['充电桩', '充電樁', '示范区', '旅客'])('finds every figure whose sentence or metric holds %s, and only those', async (q) => {
    const word = normalizeForIndex(q);
    const expected = figures
      .filter((f) => holds(f, word))
      .map((f) => f.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const found = (await listFigures(ws, { q })).map((r) => r.id);
    expect([...found].sort()).toEqual(expected);
    expect(new Set(found).size).toBe(found.length);
  });

  it('finds a figure by a word of its sentence that its metric lacks', async () => {
    const figure = figures.find((f) => normalizeForIndex(f.sentence).includes('充电桩') && !normalizeForIndex(f.metric).includes('充电桩'));
    expect(figure, 'the corpus has such a figure').toBeDefined();
    const found = (await listFigures(ws, { q: '充电桩' })).map((r) => r.id);
    expect(found).toContain(figure?.id);
  });

  it('leaves out figures whose passage holds the word only in another sentence', async () => {
    const others = figures.filter((f) => (passageText.get(f.passageId) ?? '').includes('长三角') && !holds(f, '长三角'));
    expect(others.length, 'the corpus has such figures').toBeGreaterThan(0);
    const found = new Set((await listFigures(ws, { q: '长三角' })).map((r) => r.id));
    for (const f of others) expect(found.has(f.id), f.sentence).toBe(false);
  });

  it('applies filters and the target status together with the query', async () => {
    const unit = figures.find((f) => holds(f, '充电桩') && f.status === 'target')?.unit ?? '';
    const targets = await listTargets(ws, { q: '充电桩', filter: [{ field: 'unit', op: '=', value: unit }] });
    const expected = figures
      .filter((f) => holds(f, '充电桩') && f.status === 'target' && f.unit === unit)
      .map((f) => f.id)
      .sort();
    // The filter narrows: some figures of the query are left out by it.
    expect(figures.filter((f) => holds(f, '充电桩')).length).toBeGreaterThan(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(targets.map((r) => r.id).sort()).toEqual(expected);
  });

  it('finds nothing for words no figure sentence holds', async () => {
    expect(await listFigures(ws, { q: '核潜艇' })).toEqual([]);
  });

  it('stops at max rows', async () => {
    const all = await listFigures(ws, { q: '长三角' });
    expect(all.length).toBeGreaterThan(2);
    expect((await listFigures(ws, { q: '长三角', max: 2 })).map((r) => r.id)).toEqual(all.slice(0, 2).map((r) => r.id));
  });
});
