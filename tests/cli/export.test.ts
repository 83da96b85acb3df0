// Custom corpus export against a real Meilisearch: paging without loss or duplicates, provenance, CSV with
// one BOM and one header, and the round trip export → readExport → passages (and rebuilt document text).
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { toSource } from '../../src/text/offsets.js';
import { analyzeSource, readFile } from '../../src/pipeline/analyze.js';
import { exportedSources, readExport, rebuildDocument, type ExportLine } from '../../src/formats/export-file.js';
import { exportCorpus, streamSink, type ExportRequest } from '../../src/workflows/export.js';
import { dictionariesHash, pipelineHash } from '../../src/workflows/provenance.js';
import { pages } from '../../src/workflows/pages.js';
import { parseFilter } from '../../src/search/filter.js';
import { passageSettings } from '../../src/meili/settings.js';
import { settle } from '../../src/meili/tasks.js';
import type { PassageRecord } from '../../src/schema.js';
import { ingestFixture, type Fixture } from '../server-fixture.js';
import { openAtomic } from '../../src/atomic-write.js';
import { startServer } from '../../src/meili/server.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { workspace } from '../../src/workflows/workspace.js';
import { Meilisearch } from 'meilisearch';
import { readdirSync } from 'node:fs';
import { CORPUS, CORPUS_DOCUMENTS, meiliEnv, ROOT, runCli, tempDir, uniqueIndexes, writePipeline } from '../helpers.js';

let fixture: Fixture;
const dir = tempDir('zhpipe-export-');
beforeAll(async () => {
  fixture = await ingestFixture('export');
});

async function exportTo(file: string, request: ExportRequest, pageSize?: number): Promise<number> {
  const stream = createWriteStream(file);
  const { passages } = await exportCorpus(fixture.ws, request, streamSink(stream), pageSize ? { pageSize } : {});
  stream.end();
  await finished(stream);
  return passages;
}

async function readAll(file: string): Promise<ExportLine[]> {
  const lines: ExportLine[] = [];
  for await (const line of readExport(file)) lines.push(line);
  return lines;
}

/** Records of a CSV text (quote-aware), without the header. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (record.push(field), (field = ''));
    else if (ch === '\n') (record.push(field), records.push(record), (record = []), (field = ''));
    else field += ch;
  }
  return records;
}

describe('export', () => {
  it('exports every passage of a filter across many small pages, none lost or repeated, and reads them back', async () => {
    const doc = fixture.passages.find((p) => p.text.includes('超7万个'))?.doc ?? '';
    const expected = fixture.passages.filter((p) => p.doc === doc);
    const file = path.join(dir, 'doc.jsonl');
    const count = await exportTo(file, { filter: [`doc = ${doc}`] }, 7);
    expect(count).toBe(expected.length);
    const lines = await readAll(file);
    expect(lines.map((l) => l.id).sort()).toEqual(expected.map((p) => p.id).sort());
    for (const line of lines) {
      const source = expected.find((p) => p.id === line.id);
      expect({ doc: line.doc, start: line.start, end: line.end, text: line.text, map: line.map }).toEqual({
        doc: source?.doc,
        start: source?.start,
        end: source?.end,
        text: source?.text,
        map: source?.map,
      });
    }
    // The annotations come along: the fixture target sits in one of the lines.
    expect(lines.flatMap((l) => l.figures)).toContainEqual(expect.objectContaining({ text: '超7万个', value: 70000, status: 'target' }));
  });

  it('stamps provenance: pipeline name and hash, dictionaries hash, zhpipe version, time, query and filter', async () => {
    const file = path.join(dir, 'query.jsonl');
    await exportTo(file, { q: '充電樁', filter: ['has:target'] });
    const lines = await readAll(file);
    expect(lines.length).toBeGreaterThan(0);
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const line of lines) {
      expect(line.text).toMatch(/充电桩|充電樁/);
      expect(line.provenance).toMatchObject({
        zhpipe: version,
        pipeline: 'test',
        pipelineHash: pipelineHash(fixture.config),
        dictionariesHash: dictionariesHash(path.join(ROOT, 'dictionaries')),
        query: '充電樁',
        filter: ['has:target'],
      });
      expect(Number.isNaN(Date.parse(line.provenance.exportedAt))).toBe(false);
    }
  });

  it('writes CSV with one BOM, one header and one record per passage', async () => {
    const file = path.join(dir, 'corpus.csv');
    const count = await exportTo(file, { q: '长三角', format: 'csv' }, 20);
    expect(count).toBeGreaterThan(20);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFid,doc,docId,index,start,end')).toBe(true);
    expect(text.split('\uFEFF').length).toBe(2);
    const records = csvRecords(text.slice(1));
    expect(records[0]?.[0]).toBe('id');
    expect(records.filter((r) => r[0] === 'id').length).toBe(1);
    expect(records.length - 1).toBe(count);
  });

  it('rebuilds a document whose passage characters sit at their original offsets', async () => {
    const doc = fixture.passages[0]?.doc ?? '';
    const file = path.join(dir, 'rebuild.jsonl');
    await exportTo(file, { filter: [`doc = ${doc}`] });
    const lines = await readAll(file);
    const rebuilt = rebuildDocument(lines);
    const source = readFile(path.isAbsolute(doc) ? doc : path.join(ROOT, doc));
    if ('skipped' in source) throw new Error(source.reason);
    expect(rebuilt.doc).toBe(doc);
    let compared = 0;
    for (const line of lines) {
      const pairs: Array<[number, number]> = [];
      for (let i = 0; i + 1 < line.map.length; i += 2) pairs.push([line.map[i] ?? 0, line.map[i + 1] ?? 0]);
      for (let i = 0; i < line.text.length; i++) {
        const at = toSource(pairs, i);
        expect(rebuilt.text[at], `offset ${at}`).toBe(line.text[i]);
        expect(source.original[at], `offset ${at}`).toBe(line.text[i]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('gives back documents that the pipeline cuts into the same passages (ids, text, offsets)', async () => {
    const file = path.join(dir, 'all.jsonl');
    await exportTo(file, {});
    const exported = new Map<string, ExportLine>();
    for await (const line of readExport(file)) exported.set(line.id, line);
    const again = new Map<string, { doc: string; text: string; start: number; end: number }>();
    for await (const source of exportedSources(file)) {
      for (const { passage } of analyzeSource(source, fixture.config).passages) again.set(passage.id, passage);
    }
    // Where cleaning dropped a repeated paragraph between the halves of a broken one, the halves can join
    // on re-reading (one case in 000_…): every other document must come back passage for passage.
    const docs = [...new Set([...exported.values()].map((l) => l.doc))].filter((d) => !d.includes('000_'));
    expect(docs.length).toBe(CORPUS_DOCUMENTS - 1);
    for (const doc of docs) {
      const want = [...exported.values()].filter((l) => l.doc === doc).map(({ id, text, start, end }) => ({ id, text, start, end }));
      const got = [...again.entries()].filter(([, p]) => p.doc === doc).map(([id, { text, start, end }]) => ({ id, text, start, end }));
      expect(got.sort((a, b) => a.start - b.start)).toEqual(want.sort((a, b) => a.start - b.start));
    }
    expect(again.size).toBeGreaterThanOrEqual(exported.size - 2);
  });

  it('refuses a file that is not an export, naming the line', async () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, '\n{"id": "x"}\n');
    await expect(readAll(file)).rejects.toThrow(InputError);
    await expect(readAll(file)).rejects.toThrow(/bad\.jsonl:2: field "doc"/);
    writeFileSync(file, 'not json\n');
    await expect(readAll(file)).rejects.toThrow(/bad\.jsonl:1: not a JSON line/);
    await expect(readAll(path.join(dir, 'missing.jsonl'))).rejects.toThrow(/file not found/);
  });

  it('stops writing when the output closes instead of waiting for it to drain', async () => {
    // An output that never drains, like a browser that stopped reading, and then goes away.
    const stuck = new Writable({ highWaterMark: 1, write: () => undefined });
    const write = streamSink(stuck);
    const pending = write('x'.repeat(10));
    stuck.destroy();
    await expect(pending).rejects.toThrow(/output closed/);
    await expect(write('more')).rejects.toThrow(/output closed/);
  });

  it("exports every match of a query beyond Meilisearch's hit limit, in bounded pages", async () => {
    // A copy of the passages in an index whose hit limit is 5: a plain search sees only 5 of the matches.
    const client = fixture.client;
    const index = uniqueIndexes('export-cap').passages;
    await settle(client, (await client.createIndex(index, { primaryKey: 'id' })).taskUid);
    await settle(
      client,
      (await client.index(index).updateSettings({ ...passageSettings({ words: [], synonyms: {} }), pagination: { maxTotalHits: 5 } })).taskUid,
    );
    await settle(client, (await client.index(index).addDocuments(fixture.passages)).taskUid);
    const request = { client, index, target: 'passages' as const, q: '長三角', filter: parseFilter('has:figure'), regional: fixture.ws.regional, pageSize: 7 };
    const plain = await client.index(index).search('长三角', { filter: 'hasFigure = true', limit: 1000, matchingStrategy: 'all' });
    expect(plain.hits).toHaveLength(5);
    const capped: string[] = [];
    for await (const page of pages<PassageRecord>({ ...request, hitLimit: 5 })) {
      expect(page.length).toBeLessThanOrEqual(7);
      capped.push(...page.map((p) => p.id));
    }
    // The same index with room for every hit: relevance pages give the full answer to compare with.
    await settle(client, (await client.index(index).updateSettings({ pagination: { maxTotalHits: 10000 } })).taskUid);
    const full: string[] = [];
    for await (const page of pages<PassageRecord>(request)) full.push(...page.map((p) => p.id));
    expect(full.length).toBeGreaterThan(5);
    expect(new Set(capped).size).toBe(capped.length);
    expect([...capped].sort()).toEqual([...full].sort());
  });

  it('writes nothing but the CSV header when nothing matches', async () => {
    const file = path.join(dir, 'empty.csv');
    expect(await exportTo(file, { q: '完全不存在的词语组合', format: 'csv' })).toBe(0);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});

describe('export --out keeps an existing file when the export fails', () => {
  const OLD = 'the previous export, which a failed one must not touch\n';
  /** Files of a directory besides `keep`: no temporary file may be left behind. */
  const others = (folder: string, keep: string) => readdirSync(folder).filter((f) => f !== keep && f !== 'pipeline.json');

  it('a bad --filter: exit 2, file unchanged', async () => {
    const folder = tempDir('zhpipe-export-keep-');
    const file = path.join(folder, 'corpus.jsonl');
    writeFileSync(file, OLD);
    const pipeline = writePipeline(folder, fixture.config.index);
    const r = await runCli(['export', '--filter', 'colour = red', '--out', file, '--pipeline', pipeline], { env: meiliEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown field "colour"/);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(others(folder, 'corpus.jsonl')).toEqual([]);
  });

  it('nothing indexed (no such index): exit 1, file unchanged', async () => {
    const folder = tempDir('zhpipe-export-keep-');
    const file = path.join(folder, 'corpus.csv');
    writeFileSync(file, OLD);
    const pipeline = writePipeline(folder, uniqueIndexes('never-ingested'));
    const r = await runCli(['export', '--out', file, '--pipeline', pipeline], { env: meiliEnv() });
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(others(folder, 'corpus.csv')).toEqual([]);
  });

  it('a successful export replaces the file', async () => {
    const folder = tempDir('zhpipe-export-keep-');
    const file = path.join(folder, 'corpus.jsonl');
    writeFileSync(file, OLD);
    const pipeline = writePipeline(folder, fixture.config.index);
    const r = await runCli(['export', '--query', '长三角', '--out', file, '--pipeline', pipeline], { env: meiliEnv() });
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe(OLD);
    expect((await readAll(file)).length).toBeGreaterThan(0);
  });

  it('Meilisearch dying mid-export: the export fails and the file is unchanged', async () => {
    const folder = tempDir('zhpipe-export-keep-');
    const server = await startServer(path.join(folder, 'meili'), { detached: false });
    try {
      const client = new Meilisearch({ host: server.host, apiKey: server.apiKey });
      const config = PipelineConfig.parse({
        name: 'test',
        stages: ['read', 'clean', 'segment', 'figures', 'index'],
        dictionaries: path.join(ROOT, 'dictionaries'),
        index: uniqueIndexes('export-outage'),
      });
      await ingest(client, [CORPUS], config);
      const file = path.join(folder, 'corpus.jsonl');
      writeFileSync(file, OLD);
      // The export path of `zhpipe export --out`: an atomic stream, committed only on success.
      const out = openAtomic(file);
      const sink = streamSink(out.stream);
      let pagesWritten = 0;
      const run = exportCorpus(
        workspace(client, config),
        {},
        async (chunk) => {
          await sink(chunk);
          // After the first page is on disk, the server goes away for good.
          if (++pagesWritten === 1) await server.stop();
        },
        { pageSize: 5 },
      );
      await expect(run).rejects.toThrow();
      out.abort();
      expect(pagesWritten).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(OLD);
      expect(others(folder, 'corpus.jsonl')).toEqual(['meili']);
    } finally {
      await server.stop();
    }
  });
});
