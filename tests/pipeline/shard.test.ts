// Sharded ingest: `zhpipe ingest --shard K/N` processes started together against one real Meilisearch (the
// test server, through MEILI_HOST) and one data directory, over copied corpus files and generated JSONL rows.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { parseShard, shardOf } from '../../src/pipeline/shard.js';
import { CORPUS, CORPUS_DOCUMENTS, meiliEnv, runCli, tempDir, testClient, testConfig, uniqueIndexes, writePipeline, type CliResult } from '../helpers.js';

const ROWS = 60;

describe('the shard of a document', () => {
  it('is a fixed function of its id, so every machine and every later version splits the same way', () => {
    // Pinned: a change here would move documents between shards and orphan their shards' checkpoints.
    expect([shardOf('a', 4), shardOf('news.jsonl#r1', 4), shardOf('7bd4bc284ac07cf3', 4), shardOf('7bd4bc284ac07cf3', 7)]).toEqual([4, 1, 2, 1]);
    for (let i = 0; i < 100; i++) expect(shardOf(`doc-${i}`, 3)).toBe(shardOf(`doc-${i}`, 3));
  });

  it('spreads ids evenly, and always within 1..N', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) {
      const s = shardOf(`corpus/file-${i}.txt`, 4);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const n of counts.values()) expect(Math.abs(n - 2500)).toBeLessThan(200);
    expect(shardOf('anything', 1)).toBe(1);
  });

  it('parses K/N and refuses anything else naming --shard', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', 'a/b', '1/0', '1', '1/2/3', '-1/2', '1.5/2', '1/1001']) expect(() => parseShard(bad), bad).toThrow(/^--shard /);
  });
});

interface Summary {
  documents: number;
  passages: number;
  figures: number;
  sent: number;
  unchanged: number;
  skipped: Array<{ skipped: string; reason: string }>;
  shard?: { index: number; count: number; documents: number; others: number };
}

/** The bundled corpus plus ROWS generated JSONL rows (ids r0…) and one row without text, in `dir/docs`. */
function writeInput(dir: string): void {
  const docs = path.join(dir, 'docs');
  mkdirSync(docs);
  const texts = readdirSync(CORPUS);
  for (const f of texts) copyFileSync(path.join(CORPUS, f), path.join(docs, f));
  const paragraphs = texts
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(CORPUS, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.replace(/\s*\n\s*/g, ''))
    .filter((p) => p.length >= 40);
  const lines = Array.from({ length: ROWS }, (_, i) =>
    JSON.stringify({ id: `r${i}`, title: `第${i}条`, date: '2025-03-14', content: (paragraphs[i % paragraphs.length] ?? '').slice(0, 200) + `（第${i}条）` }),
  );
  lines.splice(17, 0, JSON.stringify({ id: 'empty', content: '' }));
  writeFileSync(path.join(docs, 'rows.jsonl'), lines.join('\n') + '\n');
}

const client = testClient();

async function records(index: string): Promise<Array<{ id: string; docId: string }>> {
  const { results } = await client.index(index).getDocuments<{ id: string; docId: string }>({ limit: 10_000, fields: ['id', 'docId'] });
  return results;
}

/** The `doc` of every line of a data directory's checkpoint whose file name ends with `suffix`. */
function checkpointed(dataDir: string, suffix: string): string[] {
  const dir = path.join(dataDir, 'checkpoints');
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => (JSON.parse(line) as { doc: string }).doc);
}

describe('two shards ingested at the same time', { timeout: 600_000 }, () => {
  const work = tempDir('zhpipe-shard-');
  const dataDir = path.join(work, 'data');
  const sharded = uniqueIndexes('shard');
  const whole = uniqueIndexes('shardwhole');
  let pipeline: string;
  const run = (args: string[], pipe = pipeline, dir = dataDir) =>
    runCli(['ingest', 'docs', '--json', '--progress', '0', '--pipeline', pipe, '--data-dir', dir, ...args], { cwd: work, env: meiliEnv(), timeoutMs: 400_000 });
  let shards: CliResult[];
  let summaries: Summary[];
  let reference: Summary;

  beforeAll(async () => {
    writeInput(work);
    pipeline = writePipeline(work, sharded);
    const wholeDir = path.join(work, 'whole');
    mkdirSync(wholeDir);
    // Both processes start before either has created the indexes.
    shards = await Promise.all([run(['--shard', '1/2']), run(['--shard', '2/2'])]);
    summaries = shards.map((r) => JSON.parse(r.stdout) as Summary);
    const single = await run([], writePipeline(wholeDir, whole), path.join(wholeDir, 'data'));
    reference = JSON.parse(single.stdout) as Summary;
  }, 600_000);

  it('each says which shard ran and how many documents fell in it; together they hold every document', () => {
    const [one, two] = summaries;
    expect(one?.shard).toMatchObject({ index: 1, count: 2 });
    expect(two?.shard).toMatchObject({ index: 2, count: 2 });
    const total = reference.documents;
    expect(total).toBe(CORPUS_DOCUMENTS + ROWS);
    expect((one?.shard?.documents ?? 0) + (two?.shard?.documents ?? 0)).toBe(total);
    expect(one?.shard?.others).toBe(two?.shard?.documents);
    // Both shards have work: some 70 documents do not all hash to one side.
    expect(one?.shard?.documents).toBeGreaterThan(10);
    expect(two?.shard?.documents).toBeGreaterThan(10);
    expect((one?.documents ?? 0) + (two?.documents ?? 0)).toBe(total);
    expect((one?.passages ?? 0) + (two?.passages ?? 0)).toBe(reference.passages);
    expect((one?.figures ?? 0) + (two?.figures ?? 0)).toBe(reference.figures);
  });

  it('index the same documents and passages as one unsharded ingest', async () => {
    const [mine, theirs] = await Promise.all([records(sharded.passages), records(whole.passages)]);
    expect(mine.length).toBe(reference.passages);
    expect(new Set(mine.map((r) => r.docId))).toEqual(new Set(theirs.map((r) => r.docId)));
    expect(mine.map((r) => r.id).sort()).toEqual(theirs.map((r) => r.id).sort());
    const [figures, wholeFigures] = await Promise.all([records(sharded.figures), records(whole.figures)]);
    expect(figures.map((r) => r.id).sort()).toEqual(wholeFigures.map((r) => r.id).sort());
  });

  it('report a bad row once, by the shard its line falls in, as the unsharded ingest does', () => {
    expect(reference.skipped).toEqual([{ skipped: 'docs/rows.jsonl:18', reason: expect.stringMatching(/no text/) }]);
    expect(summaries.flatMap((s) => s.skipped)).toEqual(reference.skipped);
    // The shard that reports it exits 2 (bad input), the other 0.
    expect(shards.map((r) => r.code).sort()).toEqual([0, 2]);
    for (const [i, r] of shards.entries()) expect(r.code).toBe(summaries[i]?.skipped.length ? 2 : 0);
  });

  it('keep a checkpoint each, with no document in both', () => {
    const one = checkpointed(dataDir, '.shard-1-of-2.jsonl');
    const two = checkpointed(dataDir, '.shard-2-of-2.jsonl');
    expect(one.length).toBe(summaries[0]?.documents);
    expect(two.length).toBe(summaries[1]?.documents);
    expect(one.filter((doc) => two.includes(doc))).toEqual([]);
    expect(new Set([...one, ...two]).size).toBe(reference.documents);
  });

  it('send nothing when one shard runs again', async () => {
    const again = await run(['--shard', '2/2']);
    const summary = JSON.parse(again.stdout) as Summary;
    expect(summary.sent).toBe(0);
    expect(summary.unchanged).toBe(summaries[1]?.documents);
    expect(summary.shard).toEqual(summaries[1]?.shard);
    expect((await records(sharded.passages)).length).toBe(reference.passages);
  });

  it('refuse a second run of the same shard, and a run split another way, while a shard runs', async () => {
    // A live process (this one) holding shard 1/2's lock, as a running shard would.
    const lock = path.join(dataDir, 'ingest.lock.shard-1-of-2');
    writeFileSync(lock, String(process.pid));
    try {
      const same = await run(['--shard', '1/2']);
      expect(same.code).toBe(1);
      expect(same.stderr).toMatch(new RegExp(`an ingest of shard 1/2 \\(pid ${process.pid}\\) is running`));
      for (const other of [['--shard', '1/4'], []]) {
        const r = await run(other);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/an ingest of shard 1\/2 .* over documents this run shares with it/);
      }
    } finally {
      rmSync(lock);
    }
  });

  it.each(['0/4', '5/4', 'a/b'])('refuses --shard %s in one line, exit 2', async (value) => {
    const r = await run(['--shard', value]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^zhpipe: --shard ${value}: expected K/N`))]);
  });
});

describe('shards starting in the same instant', { timeout: 300_000 }, () => {
  it('both create or find the indexes: the one that loses the creation race goes on', async () => {
    const dir = tempDir('zhpipe-shard-race-');
    const file = path.join(dir, 'rows.jsonl');
    writeFileSync(
      file,
      ['长三角今年将新建公共充电桩超7万个。', '示范区一季度签约重大项目42个。', '上海新建充电桩2万个。', '江苏新建充电桩3万个。']
        .map((content, i) => JSON.stringify({ id: `r${i}`, content }))
        .join('\n') + '\n',
    );
    const config = testConfig(uniqueIndexes('shardrace'));
    const dataDir = path.join(dir, 'data');
    // In one process, so both ask whether the index exists before either has created it.
    const runs = await Promise.all([1, 2].map((index) => ingest(client, [file], config, { dataDir, workers: 1, shard: { index, count: 2 } })));
    expect(runs.reduce((n, r) => n + (r.shard?.documents ?? 0), 0)).toBe(4);
    expect((await records(config.index.passages)).length).toBe(runs.reduce((n, r) => n + r.passages, 0));
  });
});
