// A document whose records are larger than one request may carry, for real: a Meilisearch started with a
// small payload limit (MEILI_HTTP_PAYLOAD_SIZE_LIMIT, as the 100 MB default is to a ~50 MB document), so the
// test stays small and fast. The document must be indexed whole, checkpointed once, with no figure left
// without its passage.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ManagedServer } from '../../src/meili/server.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { tempDir, testConfig, uniqueIndexes } from '../helpers.js';

const LIMIT = '1MB';
let server: ManagedServer;
let client: Meilisearch;
let file: string;

/** About 0.9 MB of distinct news sentences, each with figures: some 2-3 MB of records. */
function bigDocument(dir: string): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 1500; p++) {
    const sentences: string[] = [];
    for (let k = 0; k < 4; k++) {
      const i = p * 4 + k;
      sentences.push(`第${i}批长三角项目计划新建公共充电桩${i * 7 + 3}个，总投资${i + 11}亿元，较上年增长${(i % 90) + 5}%。`);
    }
    paragraphs.push(sentences.join(''));
  }
  const out = path.join(dir, 'big.txt');
  writeFileSync(out, paragraphs.join('\n') + '\n');
  return out;
}

beforeAll(async () => {
  const dir = tempDir('zhpipe-bigdoc-');
  const before = process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT;
  process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT = LIMIT;
  try {
    server = await startServer(path.join(dir, 'meili'), { detached: false });
  } finally {
    if (before === undefined) delete process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT;
    else process.env.MEILI_HTTP_PAYLOAD_SIZE_LIMIT = before;
  }
  client = new Meilisearch({ host: server.host, apiKey: server.apiKey });
  file = bigDocument(dir);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function allOf(index: string, fields: string[]): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (let offset = 0; ; offset += 1000) {
    const { results } = await client.index(index).getDocuments({ limit: 1000, offset, fields });
    out.push(...results);
    if (results.length < 1000) return out;
  }
}

/** The checkpoint lines of a data directory. */
function checkpointed(dataDir: string): string[] {
  const dir = path.join(dataDir, 'checkpoints');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean));
}

describe('a document larger than one request', { timeout: 300_000 }, () => {
  it('is cut into requests under index.maxRequestMB, indexed whole, checkpointed once, no figure without its passage', async () => {
    const indexes = uniqueIndexes('bigdoc');
    const config = testConfig(indexes);
    const dataDir = path.join(tempDir('zhpipe-bigdoc-data-'), 'data');
    const summary = await ingest(client, [file], { ...config, index: { ...config.index, maxRequestMB: 0.5 } }, { dataDir, workers: 1 });
    expect(summary.documents).toBe(1);
    expect(summary.passages).toBeGreaterThan(1000);
    const passages = await allOf(indexes.passages, ['id']);
    const figures = await allOf(indexes.figures, ['id', 'passageId']);
    expect(passages).toHaveLength(summary.passages);
    expect(figures).toHaveLength(summary.figures);
    const ids = new Set(passages.map((p) => p.id));
    expect(figures.filter((f) => !ids.has(f.passageId))).toEqual([]);
    expect(checkpointed(dataDir)).toHaveLength(1);
    // Several requests carried the document, and together all of it.
    const { results } = await client.tasks.getTasks({ indexUids: [indexes.passages], types: ['documentAdditionOrUpdate'], limit: 1000 });
    expect(results.length).toBeGreaterThan(1);
    expect(results.every((t) => t.status === 'succeeded')).toBe(true);
    expect(results.reduce((n, t) => n + Number((t.details as { receivedDocuments?: number }).receivedDocuments ?? 0), 0)).toBe(summary.passages);
  });
});
