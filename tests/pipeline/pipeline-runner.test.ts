// The one runner (src/pipeline/runner.ts): the configured order is honoured or refused with the stage and the
// field named, what a stage has to say reaches the document, spans come out in source offsets, and ingest
// (its workers), reindex, `zhpipe figures`, `zhpipe entities` and the passage view all go through it.
import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { PipelineConfig, type StageName } from '../../src/pipeline/config.js';
import { newDocument } from '../../src/pipeline/document.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { reindex } from '../../src/pipeline/reindex.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import type { PassageRecord } from '../../src/schema.js';
import { passageView } from '../../src/server/passage.js';
import { ROOT, runCli, tempDir, testClient, uniqueIndexes } from '../helpers.js';

const client = testClient();
const DICTIONARIES = path.join(ROOT, 'dictionaries');
const configOf = (stages: StageName[], extra: Record<string, unknown> = {}) =>
  PipelineConfig.parse({ name: 'runner-test', stages, dictionaries: DICTIONARIES, ...extra });
const text = (s: string) => ({ doc: 'a.txt', bytes: Buffer.from(s) });

/** A folder with one text file; its path. */
function corpusOf(content: string): string {
  const dir = path.join(tempDir(), 'in');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'a.txt'), content);
  return dir;
}

describe('createPipeline', () => {
  it('runs the stages in the order the pipeline file gives', () => {
    const pipeline = createPipeline(configOf(['read', 'clean', 'segment', 'figures', 'entities', 'index']));
    expect(pipeline.stages).toEqual(['read', 'clean', 'segment', 'figures', 'entities', 'index']);
    const doc = pipeline.run(newDocument(text('上海今年将新建公共充电桩超7万个。')));
    // Each stage records the field it filled as it runs.
    expect(doc.assigned).toEqual(['source', 'passages', 'tokens', 'figures', 'mentions']);
  });

  it('refuses an order that cannot work, naming the stage and the field it lacks', () => {
    expect(() => createPipeline(configOf(['read', 'clean', 'figures', 'segment']))).toThrow(InputError);
    expect(() => createPipeline(configOf(['read', 'clean', 'figures', 'segment']))).toThrow(
      'pipeline runner-test: stage figures requires tokens, which no stage before it assigns: list segment before figures',
    );
    expect(() => createPipeline(configOf(['read', 'clean', 'entities']))).toThrow(
      'stage entities requires tokens, which no stage before it assigns: add segment before it',
    );
  });

  it('adds a stage a command needs (and what it requires) where it usually goes, leaving out the others', () => {
    expect(createPipeline(configOf(['read', 'clean', 'segment', 'index']), { need: ['figures'] }).stages).toEqual(['read', 'clean', 'segment', 'figures']);
    expect(createPipeline(configOf(['read', 'clean', 'segment', 'entities', 'figures', 'index']), { need: ['entities'] }).stages).toEqual([
      'read',
      'clean',
      'segment',
      'entities',
    ]);
  });

  it('attaches what a stage has to say to the document, and stops when it could not read it', () => {
    const pipeline = createPipeline(configOf(['read', 'clean', 'segment', 'figures']));
    const empty = pipeline.run(newDocument({ doc: 'empty.txt', bytes: new Uint8Array() }));
    expect(empty.source).toBeNull();
    expect(empty.passages).toEqual([]);
    expect(empty.diagnostics).toEqual([{ file: 'empty.txt', line: null, stage: 'read', reason: 'empty file' }]);
    const page =
      '<html><head><meta property="article:published_time" content="上周五"></head><body><article><p>示范区一季度签约重大项目42个，总投资超过三百亿元，其中产业项目占比接近七成。</p></article></body></html>';
    const dated = pipeline.run(newDocument({ doc: 'news.html', bytes: Buffer.from(page) }));
    expect(dated.diagnostics).toEqual([
      { file: 'news.html', line: null, stage: 'read', reason: 'date "上周五" not understood; kept as written (dateText), no date' },
    ]);
    expect(dated.passages.flatMap((p) => p.figures).length).toBeGreaterThan(0);
  });

  it('gives every mention and figure in offsets of the original text, across a line break the passage lost', () => {
    const original = '记者从三省一市发展改革部门获悉，上海市发展改\n革委表示，今年全市要新建公共充电桩超7万\n个，其中中心城区2万个。';
    const doc = createPipeline(configOf(['read', 'clean', 'segment', 'entities', 'figures'])).run(newDocument(text(original)));
    const [passage] = doc.passages;
    expect(passage?.passage.text).toBe(original.replaceAll('\n', ''));
    expect(passage?.figures.map((f) => original.slice(f.start, f.end))).toEqual(['超7万\n个', '2万个']);
    expect(passage?.mentions.map((m) => original.slice(m.start, m.end))).toContain('上海市发展改\n革委');
  });
});

describe('the runner behind ingest, reindex and the commands', () => {
  it('ingest runs the configured stages: a pipeline without figures indexes none, and `zhpipe figures` asks for the stage', async () => {
    const dir = corpusOf('上海今年将新建公共充电桩超7万个。\n');
    const indexes = uniqueIndexes('runner-nofig');
    const config = configOf(['read', 'clean', 'segment', 'entities', 'index'], { index: indexes });
    const summary = await ingest(client, [dir], config, { workers: 1 });
    expect([summary.passages, summary.figures]).toEqual([1, 0]);
    const { results } = await client.index(indexes.passages).getDocuments<PassageRecord>({ limit: 10 });
    expect(results[0]?.figures).toEqual([]);
    expect(results[0]?.place).toEqual(['上海']);

    const file = path.join(path.dirname(dir), 'nofig.json');
    writeFileSync(file, JSON.stringify({ name: 'nofig', stages: ['read', 'clean', 'segment', 'index'], dictionaries: DICTIONARIES }));
    const figures = await runCli(['figures', '--pipeline', file, dir]);
    expect(figures.code).toBe(0);
    expect(
      figures.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { text: string }).text),
    ).toEqual(['超7万个']);
    const entities = await runCli(['entities', '--pipeline', file, dir]);
    expect(entities.stdout).toContain('"canonical":"上海"');
  });

  it('`zhpipe figures` refuses a pipeline whose order cannot work, with exit status 2', async () => {
    const file = path.join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', stages: ['read', 'clean', 'figures', 'segment'], dictionaries: DICTIONARIES }));
    const r = await runCli(['figures', '--pipeline', file, path.join(ROOT, 'corpus')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stage figures requires tokens, which no stage before it assigns: list segment before figures');
  });

  it('keeps mention spans in the index, which reindex re-tags and the passage view marks (an alias such as 沪 too)', async () => {
    const dir = corpusOf('沪苏两地今年将新建公共充电桩超7万个。\n\n水乡客厅迎来首批游客。\n');
    const dictionaries = path.join(path.dirname(dir), 'dictionaries');
    cpSync(DICTIONARIES, dictionaries, { recursive: true });
    const indexes = uniqueIndexes('runner-spans');
    const config = PipelineConfig.parse({ name: 'spans', stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'], dictionaries, index: indexes });
    const dataDir = path.join(path.dirname(dir), 'data');
    await ingest(client, [dir], config, { dataDir, workers: 1 });
    const passages = async () => (await client.index(indexes.passages).getDocuments<PassageRecord>({ limit: 10 })).results.sort((a, b) => a.index - b.index);
    const [first] = await passages();
    expect(first?.mentions).toContainEqual({ start: 0, end: 1, type: 'place', canonical: '上海' });
    const view = await passageView(client, indexes.passages, first?.id ?? '');
    expect(view.spans).toContainEqual({ start: 0, end: 1, type: 'place', label: '上海' });

    appendFileSync(path.join(dictionaries, 'entities', 'user.txt'), '\n水乡客厅 place\n');
    const summary = await reindex(client, config, dataDir, { changedOnly: true });
    expect(summary.touched).toBe(1);
    const second = (await passages())[1];
    const at = second?.text.indexOf('水乡客厅') ?? -1;
    expect(second?.mentions).toContainEqual({ start: (second?.start ?? 0) + at, end: (second?.start ?? 0) + at + 4, type: 'place', canonical: '水乡客厅' });
  });
});
