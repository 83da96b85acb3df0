// Shared by the workflow tests (server, export, corpus, browser): the bundled corpus ingested into unique
// test indexes, plus a few FigureRecords written here by hand (valid per the schema) at real offsets of
// real passages, so the figures index has known targets whatever the figures stage finds.
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { PipelineConfig } from '../src/pipeline/config.js';
import { ingest } from '../src/pipeline/ingest.js';
import { FigureRecord, type PassageRecord } from '../src/schema.js';
import { settle } from '../src/meili/tasks.js';
import { toSource } from '../src/text/offsets.js';
import { workspace, type Workspace } from '../src/workflows/workspace.js';
import { CORPUS, ROOT, testClient, uniqueIndexes } from './helpers.js';

export interface KnownFigure {
  /** Text of the figure as it appears in a passage. */
  text: string;
  value: number;
  unit: string;
  kind: FigureRecord['kind'];
  qualifier: FigureRecord['qualifier'];
  metric: string;
  period: string;
  status: FigureRecord['status'];
  place: string[];
}

export const KNOWN_FIGURES: KnownFigure[] = [
  { text: '超7万个', value: 70000, unit: '个', kind: 'count', qualifier: 'gt', metric: '新建公共充电桩', period: '全年', status: 'target', place: ['长三角'] },
  {
    text: '113项',
    value: 113,
    unit: '项',
    kind: 'count',
    qualifier: 'eq',
    metric: '长三角一卡通用居民服务事项',
    period: '',
    status: 'target',
    place: ['长三角'],
  },
  { text: '36.5%', value: 36.5, unit: '%', kind: 'percent', qualifier: 'eq', metric: '进出口总额占全国', period: '', status: 'actual', place: [] },
];

export interface Fixture {
  client: Meilisearch;
  config: PipelineConfig;
  ws: Workspace;
  passages: PassageRecord[];
  figures: FigureRecord[];
}

function unflatten(map: number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 1 < map.length; i += 2) pairs.push([map[i] ?? 0, map[i + 1] ?? 0]);
  return pairs;
}

export async function ingestFixture(label: string): Promise<Fixture> {
  const client = testClient();
  const config = PipelineConfig.parse({
    name: 'test',
    stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
    dictionaries: path.join(ROOT, 'dictionaries'),
    index: { ...uniqueIndexes(label), batchSize: 200, concurrency: 2 },
  });
  await ingest(client, [CORPUS], config);
  const { results: passages } = await client.index(config.index.passages).getDocuments<PassageRecord>({ limit: 10000 });
  const { results: found } = await client.index(config.index.figures).getDocuments<FigureRecord>({ limit: 100000, fields: ['id', 'doc', 'start', 'end'] });
  const figures: FigureRecord[] = KNOWN_FIGURES.map((known, i) => {
    const passage = passages.find((p) => p.text.includes(known.text));
    if (!passage) throw new Error(`fixture: no passage contains ${known.text}`);
    const at = passage.text.indexOf(known.text);
    const map = unflatten(passage.map);
    const sentence = passage.text.split(/(?<=[。；！？])/).find((s) => s.includes(known.text)) ?? passage.text;
    const start = toSource(map, at);
    const end = toSource(map, at + known.text.length - 1) + 1;
    // A figure the figures stage found at the same place is replaced (same id), so no row appears twice.
    const same = found.find((f) => f.doc === passage.doc && f.start === start && f.end === end);
    return FigureRecord.parse({
      id: same?.id ?? `fixture-${i}-${passage.id}`,
      docId: passage.docId,
      passageId: passage.id,
      doc: passage.doc,
      start,
      end,
      text: known.text,
      value: known.value,
      valueHi: null,
      unit: known.unit,
      kind: known.kind,
      qualifier: known.qualifier,
      metric: known.metric,
      period: known.period,
      status: known.status,
      sentence,
      year: passage.year,
      place: known.place,
      org: [],
    });
  });
  await settle(client, (await client.index(config.index.figures).addDocuments(figures, { primaryKey: 'id' })).taskUid);
  // The passages carry their figures too (as ingest writes them), for the passage view and has:target.
  const updates = figures.map((f) => {
    const passage = passages.find((p) => p.id === f.passageId);
    const existing = (passage?.figures ?? []).filter((x) => x.start !== f.start || x.end !== f.end);
    const own = [
      ...existing,
      {
        start: f.start,
        end: f.end,
        text: f.text,
        value: f.value,
        valueHi: f.valueHi,
        unit: f.unit,
        kind: f.kind,
        qualifier: f.qualifier,
        metric: f.metric,
        period: f.period,
        status: f.status,
      },
    ];
    if (passage) passage.figures = own;
    return {
      id: f.passageId,
      figures: own,
      hasFigure: true,
      hasTarget: own.some((x) => x.status === 'target'),
      figureKinds: [...new Set(own.map((x) => x.kind))],
      units: [...new Set(own.map((x) => x.unit))],
    };
  });
  await settle(client, (await client.index(config.index.passages).updateDocuments(updates, { primaryKey: 'id' })).taskUid);
  return { client, config, ws: workspace(client, config), passages, figures };
}
