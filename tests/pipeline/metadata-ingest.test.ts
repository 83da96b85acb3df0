// Metadata everywhere, through the real CLI and a real Meilisearch: JSONL, CSV (GB18030), HTML and dated text
// files ingested together; hits, filters (date, month, source), facets, the date sort, targets grouped by
// source and month, exports; and the round trip JSONL → ingest → export → ingest the export → the same
// documents with the same metadata.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/search.js';
import { meiliEnv, ROOT, runCli, tempDir, testClient, uniqueIndexes, writePipeline } from '../helpers.js';

const dir = tempDir('zhpipe-meta-');
const inputs = path.join(dir, 'inputs');
const indexes = uniqueIndexes('meta');
const pipeline = writePipeline(dir, indexes);
const env = meiliEnv();
const cli = (args: string[]) => runCli([...args, '--pipeline', pipeline], { env, timeoutMs: 180_000 });

const NEWS = [
  {
    id: 'n1',
    title: '长三角充电桩建设提速',
    date: '2025-03-14T08:00:00+08:00',
    source: '示例通讯社',
    url: 'https://example.com/n1',
    author: '王示例',
    content: '全年长三角区域要新建公共充电桩超7万个，充电桩比率达到1.9之内。',
    channel: '财经',
  },
  {
    id: 'n2',
    title: '上海发布新能源汽车推广计划',
    date: '2025年3月28日',
    source: '示例日报',
    url: 'https://example.com/n2',
    content: '上海市力争到2025年底新能源汽车推广应用规模达到20万辆，公共充电桩总量突破10万个。',
    channel: '本地',
  },
  { id: 'n3', title: '临时通知', date: '上周五', source: '示例日报', content: '合肥市计划新建充电桩5000个，重点覆盖老旧小区。' },
  { id: 'n4', title: '缺正文的一行', date: '2025-04-02', source: '示例通讯社', content: '' },
  {
    id: 'n5',
    title: '江苏快充网络延伸',
    date: '2025/4/9',
    source: '示例通讯社',
    url: 'https://example.com/n5',
    content: '江苏省计划新增高速公路快充站300座，覆盖主要城际通道。',
  },
];
const CSV =
  '标题,发布时间,来源,正文\n苏州新建充电桩,2025年4月20日,示例晚报,"苏州市今年将新建公共充电桩6000个。\n\n其中快充桩占比不低于四成。"\n杭州充电网络,2025/5/6,示例晚报,杭州市计划新增充电桩8000个。\n';

let first: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  mkdirSync(inputs);
  writeFileSync(path.join(inputs, 'news.jsonl'), NEWS.map((n) => JSON.stringify(n)).join('\n') + '\n');
  writeFileSync(path.join(inputs, 'feed.csv'), iconv.encode(CSV, 'gb18030'));
  copyFileSync(path.join(ROOT, 'tests/fixtures/metadata/article.html'), path.join(inputs, 'article.html'));
  writeFileSync(path.join(inputs, '2025-05-20-note.txt'), '宁波市计划新建充电桩3000个。\n');
  first = await cli(['ingest', inputs, '--json', '--data-dir', dir, '--progress', '0']);
}, 240_000);

async function searchJson(args: string[]): Promise<SearchResponse> {
  const r = await cli(['search', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SearchResponse;
}

describe('ingest with metadata', () => {
  it('indexes every row, page and file; the row without text is reported by line, the unreadable date as a warning', () => {
    expect(first.code, first.stderr).toBe(2);
    const summary = JSON.parse(first.stdout) as {
      documents: number;
      skipped: Array<{ skipped: string; reason: string }>;
      warnings: Array<{ file: string; reason: string }>;
    };
    // 4 JSONL rows with text, 2 CSV rows, the page, the text file.
    expect(summary.documents).toBe(8);
    expect(summary.skipped).toEqual([{ skipped: `${path.join(inputs, 'news.jsonl')}:4`, reason: 'no text (column "content")' }]);
    expect(summary.warnings).toEqual([{ file: `${path.join(inputs, 'news.jsonl')}:3`, reason: expect.stringMatching(/date "上周五" not understood/) }]);
  });

  it('hits carry title, date, source and url; offsets index the row text', async () => {
    const r = await searchJson(['充电桩', '--per-doc', '0', '--limit', '50']);
    const n1 = r.hits.find((h) => h.title === '长三角充电桩建设提速');
    expect(n1).toMatchObject({ date: '2025-03-14', source: '示例通讯社', url: 'https://example.com/n1', start: 0 });
    expect(n1?.doc).toMatch(/news\.jsonl#1$/);
    expect(NEWS[0]?.content.slice(n1?.start, n1?.end)).toBe(n1?.text);
    const page = r.hits.find((h) => h.doc.endsWith('article.html'));
    expect(page).toMatchObject({ title: '长三角新建充电桩计划发布', date: '2025-03-14', source: '示例日报' });
    expect(r.hits.find((h) => h.doc.endsWith('2025-05-20-note.txt'))).toMatchObject({ date: '2025-05-20', title: null });
    const csv = r.hits.find((h) => h.title === '苏州新建充电桩');
    expect(csv).toMatchObject({ date: '2025-04-20', source: '示例晚报' });
    expect(csv?.doc).toMatch(/feed\.csv#2$/);
    expect(r.hits.find((h) => h.title === '临时通知')?.date).toBeNull();
  });

  it('shows titles in the script of the results, like the passages', async () => {
    const r = await searchJson(['充電樁', '--per-doc', '0', '--limit', '50']);
    const n1 = r.hits.find((h) => h.doc.endsWith('news.jsonl#1'));
    expect(n1?.text).toContain('充電樁');
    expect(n1?.title).toBe('長三角充電樁建設提速');
  });

  it('filters by date ranges, month and source; facets count sources and months', async () => {
    const dates = async (filter: string) =>
      (await searchJson(['充电桩', '--per-doc', '0', '--limit', '50', '--filter', filter])).hits.map((h) => h.date).sort();
    expect(await dates('date >= 2025-04-01')).toEqual(['2025-04-20', '2025-05-06', '2025-05-20']);
    expect(await dates('date = 2025-03')).toEqual(await dates('month = 2025-03'));
    expect(new Set(await dates('date = 2025-03'))).toEqual(new Set(['2025-03-14', '2025-03-28']));
    expect(await dates('date < 2025-03-20 AND source = 示例通讯社')).toEqual(['2025-03-14']);
    expect(await dates('date < 2025')).toEqual([]);
    const faceted = await searchJson(['充电桩', '--facets', 'source,month']);
    expect(faceted.facets['source']).toMatchObject({ 示例通讯社: expect.any(Number), 示例日报: expect.any(Number), 示例晚报: 2 });
    expect(Object.keys(faceted.facets['month'] ?? {}).sort()).toEqual(['2025-03', '2025-04', '2025-05']);
  });

  it('sorts by date, newest or oldest first, undated last', async () => {
    const order = async (sort: string) => (await searchJson(['充电桩', '--per-doc', '0', '--limit', '50', '--sort', sort])).hits.map((h) => h.date);
    const newest = await order('-date');
    const dated = newest.filter((d) => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(newest.slice(dated.length).every((d) => d === null)).toBe(true);
    const oldest = (await order('date')).filter((d) => d !== null);
    expect(oldest).toEqual([...oldest].sort());
    const bad = await cli(['search', '充电桩', '--sort', 'newest']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--sort newest: expected relevance, date or -date/)]);
  });

  it('the human output shows title, date and source before the file', async () => {
    const r = await cli(['search', '快充站', '--filter', 'source = 示例通讯社']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1\. 江苏快充网络延伸 · 2025-04-09 · 示例通讯社\n {3}\S*news\.jsonl#5:1/);
  });

  it('targets group by source and by month, and carry title and date', async () => {
    const bySource = await cli(['targets', '--group-by', 'source', '--format', 'jsonl']);
    expect(bySource.code, bySource.stderr).toBe(0);
    const rows = bySource.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { group: string; source: string | null; date: string | null; title: string | null });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.group).toBe(row.source ?? '—');
    expect(rows.some((r) => r.group === '示例晚报' && r.title === '苏州新建充电桩')).toBe(true);
    const byMonth = await cli(['targets', '--group-by', 'month', '--format', 'jsonl', '--filter', 'date >= 2025-04']);
    const months = byMonth.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { group: string }).group);
    expect(new Set(months)).toEqual(new Set(['2025-04', '2025-05']));
    const table = await cli(['targets', '--group-by', 'month']);
    expect(table.stdout).toContain('== month: 2025-04');
  });
});

interface Stored {
  docId: string;
  doc: string;
  start: number;
  end: number;
  text: string;
  title: string | null;
  date: string | null;
  dateText: string | null;
  source: string | null;
  url: string | null;
  author: string | null;
  extra: Record<string, string>;
}

async function storedPassages(index: string): Promise<Stored[]> {
  const { results } = await testClient()
    .index(index)
    .getDocuments<Stored>({ limit: 1000, fields: ['docId', 'doc', 'start', 'end', 'text', 'title', 'date', 'dateText', 'source', 'url', 'author', 'extra'] });
  return results.sort((a, b) => (a.docId === b.docId ? a.start - b.start : a.docId < b.docId ? -1 : 1));
}

describe('round trip: JSONL → ingest → export → ingest the export', () => {
  it('gives the same documents, passages and metadata', async () => {
    const out = path.join(dir, 'export.jsonl');
    const exported = await cli(['export', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const line = JSON.parse(
      readFileSync(out, 'utf8')
        .split('\n')
        .find((l) => l.includes('长三角充电桩建设提速')) ?? '{}',
    ) as Stored;
    expect(line).toMatchObject({
      title: '长三角充电桩建设提速',
      date: '2025-03-14',
      dateText: '2025-03-14T08:00:00+08:00',
      source: '示例通讯社',
      url: 'https://example.com/n1',
      author: '王示例',
      extra: { id: 'n1', channel: '财经' },
    });
    const csv = await cli(['export', '--out', path.join(dir, 'export.csv')]);
    expect(csv.code, csv.stderr).toBe(0);
    const header = readFileSync(path.join(dir, 'export.csv'), 'utf8').split('\n')[0] ?? '';
    expect(header).toMatch(/title,date,dateText,source,url,author,extra/);

    const again = uniqueIndexes('metart');
    const otherDir = tempDir('zhpipe-meta-rt-');
    const otherPipeline = writePipeline(otherDir, again);
    const reingest = await runCli(['ingest', out, '--pipeline', otherPipeline, '--data-dir', otherDir, '--json'], { env, timeoutMs: 180_000 });
    expect(reingest.code, reingest.stderr).toBe(0);
    const before = await storedPassages(indexes.passages);
    const after = await storedPassages(again.passages);
    expect(after.length).toBe(before.length);
    expect(after).toEqual(before);
    expect(new Set(after.map((p) => p.docId)).size).toBe(8);
  });
});
