// Inputs with metadata, read without Meilisearch: dates as sources write them, JSONL/CSV/TSV rows in each
// encoding (UTF-8 with and without BOM, GB18030, Big5), quoted multi-line CSV fields, guessed and named columns,
// malformed rows, HTML pages (article text, not navigation, scripts or comments; <meta> dates), dates in file
// names, and the date filters as Meilisearch ranges.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSource, UnreadableFileError } from '../../src/stages/read.js';
import { readRows } from '../../src/stages/read/rows.js';
import { dateFromFileName, dateNumOf, dateRange, monthOf, normalizeDate } from '../../src/text/dates.js';
import { figureMatcher, parseFilter, toMeiliFilter } from '../../src/search/filter.js';
import { ROOT } from '../helpers.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/metadata');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('dates', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025/3/14', '2025-03-14'],
    ['2025.03.14', '2025-03-14'],
    ['20250314', '2025-03-14'],
    ['2025-03-14T08:00:00+08:00', '2025-03-14'],
    // The date as written where it was published, not moved to UTC (that would be the 13th).
    ['2025-03-14T01:00:00+08:00', '2025-03-14'],
    ['2025年3月14日', '2025-03-14'],
    ['2025年03月14日 10:30', '2025-03-14'],
    ['发布时间：2025-03-14 10:30 来源：新华社', '2025-03-14'],
    ['１１４年３月１４日', '2025-03-14'],
    ['114年3月14日', '2025-03-14'],
    ['民國114年3月14日', '2025-03-14'],
    ['民国114年3月14日', '2025-03-14'],
    ['114/3/14', '2025-03-14'],
    ['Fri, 14 Mar 2025 08:00:00 +0800', '2025-03-14'],
    ['March 14, 2025', '2025-03-14'],
    ['2025年3月', '2025-03'],
    ['2025-03', '2025-03'],
    ['2025', '2025'],
  ])('%s → %s', (written, iso) => {
    expect(normalizeDate(written)).toBe(iso);
  });

  it.each(['上周五', '2025-02-30', '2025-13-01', 'tomorrow', '', '12345'])('%s is not a date', (written) => {
    expect(normalizeDate(written)).toBeNull();
  });

  it('reads a date in a file name, and not in a hash', () => {
    expect(dateFromFileName('corpus/2025-03-14-上海充电桩.txt')).toBe('2025-03-14');
    expect(dateFromFileName('20250314_新闻.html')).toBe('2025-03-14');
    expect(dateFromFileName('2025_03_14.txt')).toBe('2025-03-14');
    expect(dateFromFileName('corpus/000_8000c266c3075ea6.txt')).toBeNull();
    expect(dateFromFileName('a20250314b.txt')).toBeNull();
  });

  it('derives dateNum and month, partial dates with 00', () => {
    expect([dateNumOf('2025-03-14'), monthOf('2025-03-14')]).toEqual([20250314, '2025-03']);
    expect([dateNumOf('2025-03'), monthOf('2025-03')]).toEqual([20250300, '2025-03']);
    expect([dateNumOf('2025'), monthOf('2025')]).toEqual([20250000, null]);
    expect([dateNumOf(null), monthOf(null)]).toEqual([null, null]);
    expect(dateRange('2025-03')).toEqual({ lo: 20250300, hi: 20250399 });
  });
});

describe('date, month and source filters', () => {
  const meili = (expr: string, target: 'passages' | 'figures' = 'passages') => toMeiliFilter(parseFilter(expr), target);

  it('translates dates to dateNum ranges: a day, a month, a year', () => {
    expect(meili('date >= 2025-03-01')).toBe('dateNum >= 20250301');
    expect(meili('date = 2025-03')).toBe('dateNum 20250300 TO 20250399');
    expect(meili('date < 2026')).toBe('dateNum < 20260000');
    expect(meili('date > 2025-03')).toBe('dateNum > 20250399');
    expect(meili('date <= 2025年3月14日')).toBe('dateNum <= 20250314');
    expect(meili('date != 2025', 'figures')).toBe('NOT dateNum 20250000 TO 20259999');
    expect(meili('month = 2025-3 OR source = 新华社')).toBe('(month = "2025-03" OR source = "新华社")');
  });

  it('refuses what is not a date, and ranges on month', () => {
    expect(() => parseFilter('date >= 上周')).toThrow(/date needs a date/);
    expect(() => parseFilter('month > 2025-03')).toThrow(/month takes = or !=/);
  });

  it('tests figures read from files the same way', () => {
    const base = { doc: 'a', unit: '个', kind: 'count', status: 'target', qualifier: 'eq', period: '', year: [], place: [], org: [] };
    const march = figureMatcher(parseFilter('date = 2025-03 AND source = 新华社'));
    expect(march({ ...base, dateNum: 20250314, source: '新华社' })).toBe(true);
    expect(march({ ...base, dateNum: 20250401, source: '新华社' })).toBe(false);
    expect(march({ ...base, dateNum: null, source: '新华社' })).toBe(false);
  });
});

const ROWS = [
  {
    标题: '上海新建公共充电桩',
    发布时间: '2025年3月14日',
    来源: '新华社',
    链接: 'https://example.com/a',
    正文: '全年长三角区域要新建公共充电桩超7万个。',
    频道: '财经',
  },
  { 标题: '江苏推进快充网络', 发布时间: '2025/3/20', 来源: '中新社', 链接: 'https://example.com/b', 正文: '江苏省计划新增快充站300座。', 频道: '地方' },
];
const TRADITIONAL_ROWS = [
  { title: '臺北市擴建充電站', date: '114年3月16日', source: '中央社', content: '臺北市政府今年將新增公共充電樁1500座。' },
  { title: '高雄推動電動巴士', date: '民國114年4月2日', source: '中央社', content: '高雄市計畫汰換柴油公車，改用電動巴士。' },
];

const csvOf = (rows: Array<Record<string, string>>) => {
  const columns = Object.keys(rows[0] ?? {});
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(','))].join('\r\n') + '\r\n';
};
const jsonlOf = (rows: Array<Record<string, string>>) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('rows: JSONL, CSV and TSV in each encoding', () => {
  const cases: Array<[string, 'jsonl' | 'csv', Buffer, Array<Record<string, string>>, string]> = [
    ['JSONL, UTF-8', 'jsonl', Buffer.from(jsonlOf(ROWS)), ROWS, 'utf-8'],
    ['JSONL, UTF-8 with BOM', 'jsonl', Buffer.concat([BOM, Buffer.from(jsonlOf(ROWS))]), ROWS, 'utf-8'],
    ['JSONL, GB18030', 'jsonl', iconv.encode(jsonlOf(ROWS), 'gb18030'), ROWS, 'gb18030'],
    ['JSONL, Big5', 'jsonl', iconv.encode(jsonlOf(TRADITIONAL_ROWS), 'big5'), TRADITIONAL_ROWS, 'big5'],
    ['CSV, UTF-8', 'csv', Buffer.from(csvOf(ROWS)), ROWS, 'utf-8'],
    ['CSV, UTF-8 with BOM', 'csv', Buffer.concat([BOM, Buffer.from(csvOf(ROWS))]), ROWS, 'utf-8'],
    ['CSV, GB18030', 'csv', iconv.encode(csvOf(ROWS), 'gb18030'), ROWS, 'gb18030'],
    ['CSV, Big5', 'csv', iconv.encode(csvOf(TRADITIONAL_ROWS), 'big5'), TRADITIONAL_ROWS, 'big5'],
  ];
  it.each(cases)('%s: one document per row, text and metadata from guessed columns', (_label, format, bytes, rows, encoding) => {
    const read = readRows(`2025-01-01-feed.${format}`, bytes, format);
    expect(read.skipped).toEqual([]);
    expect(read.docs).toHaveLength(rows.length);
    read.docs.forEach(({ source }, i) => {
      const row = rows[i] ?? {};
      const text = row['正文'] ?? row['content'];
      expect(source.encoding).toBe(encoding);
      expect(source.original).toBe(text);
      expect(source.doc).toBe(`2025-01-01-feed.${format}#${i + 2 - (format === 'jsonl' ? 1 : 0)}`);
      expect(source.meta?.title).toBe(row['标题'] ?? row['title']);
      expect(source.meta?.source).toBe(row['来源'] ?? row['source']);
      expect(source.meta?.dateText).toBe(row['发布时间'] ?? row['date']);
    });
    expect(read.docs.map((d) => d.source.meta?.date)).toEqual(rows === ROWS ? ['2025-03-14', '2025-03-20'] : ['2025-03-16', '2025-04-02']);
    if (rows === ROWS) {
      expect(read.docs[0]?.source.meta?.url).toBe('https://example.com/a');
      // A column with no role is kept as metadata.
      expect(read.docs[0]?.source.meta?.extra).toEqual({ 频道: '财经' });
    }
  });

  it('TSV, with the columns named by the user', () => {
    const tsv = 'headline_zh\twhen\tbody_text\toutlet\n充电桩\t2025-03-14\t全年要新建公共充电桩超7万个。\t示例日报\n';
    const read = readRows('feed.tsv', Buffer.from(tsv), 'tsv', { title: 'headline_zh', date: 'when', text: 'body_text', source: 'outlet' });
    expect(read.docs.map((d) => [d.source.original, d.source.meta?.title, d.source.meta?.date, d.source.meta?.source])).toEqual([
      ['全年要新建公共充电桩超7万个。', '充电桩', '2025-03-14', '示例日报'],
    ]);
  });

  it('a quoted CSV field holds commas, quotes and line breaks; rows are named by the line they start on', () => {
    const csv = 'title,content,date\n"一, 二","第一段，""引号""。\n\n第二段。",2025-03-14\n三,第三行。,2025-03-15\n';
    const read = readRows('q.csv', Buffer.from(csv), 'csv');
    expect(read.docs.map((d) => [d.line, d.source.meta?.title, d.source.original])).toEqual([
      [2, '一, 二', '第一段，"引号"。\n\n第二段。'],
      [5, '三', '第三行。'],
    ]);
  });

  it('rows without text, repeated ids and broken JSON lines are reported by line; the others are read', () => {
    const jsonl = [
      JSON.stringify({ id: 'a1', title: '一', content: '第一条新闻正文。', date: '2025-03-14' }),
      'not json at all',
      JSON.stringify({ id: 'a2', title: '二', content: '   ' }),
      '[1, 2]',
      JSON.stringify({ id: 'a1', title: '重复', content: '与第一条同一编号。' }),
      JSON.stringify({ id: 'a3', title: '三', content: '第三条新闻正文。', date: '上周五', views: 12, tags: ['a', 'b'] }),
    ].join('\n');
    const read = readRows('feed.jsonl', Buffer.from(jsonl), 'jsonl');
    expect(read.docs.map((d) => d.line)).toEqual([1, 6]);
    expect(read.skipped.map((s) => s.line).sort()).toEqual([2, 3, 4, 5]);
    expect(read.skipped.find((s) => s.line === 3)?.reason).toMatch(/no text \(column "content"\)/);
    expect(read.skipped.find((s) => s.line === 5)?.reason).toMatch(/same id as line 1/);
    // A date that cannot be read is kept as written and reported.
    expect(read.warnings).toEqual([{ line: 6, reason: expect.stringMatching(/date "上周五" not understood/) }]);
    const third = read.docs[1]?.source.meta;
    expect([third?.date, third?.dateText, third?.extra]).toEqual([null, '上周五', { id: 'a3', views: '12', tags: '["a","b"]' }]);
  });

  it('ids stay with their row when rows move; without an id or url, the line is the key', () => {
    const a = JSON.stringify({ url: 'https://example.com/a', content: '甲。' });
    const b = JSON.stringify({ content: '乙。' });
    const first = readRows('f.jsonl', Buffer.from(`${a}\n${b}\n`), 'jsonl').docs;
    const moved = readRows('f.jsonl', Buffer.from(`${b}\n${a}\n`), 'jsonl').docs;
    expect(moved[1]?.source.docId).toBe(first[0]?.source.docId);
    expect(moved[0]?.source.docId).not.toBe(first[1]?.source.docId);
  });

  it('the file name gives the date when the rows do not', () => {
    const read = readRows('dir/20250314_feed.jsonl', Buffer.from(JSON.stringify({ content: '正文。' })), 'jsonl');
    expect([read.docs[0]?.source.meta?.date, read.docs[0]?.source.meta?.dateText]).toEqual(['2025-03-14', null]);
  });

  it('a file without a text column, a named column that is absent, and broken CSV are refused with the reason', () => {
    expect(() => readRows('a.csv', Buffer.from('title,date\n一,2025-03-14\n'), 'csv')).toThrow(
      /no text column \(columns: title, date\); name it with --text-field/,
    );
    expect(() => readRows('a.csv', Buffer.from('title,content\n一,二\n'), 'csv', { date: 'published' })).toThrow(/--date-field published: no such column/);
    expect(() => readRows('a.csv', Buffer.from('title,content\n一,"未闭合\n'), 'csv')).toThrow(UnreadableFileError);
    expect(() => readRows('a.jsonl', Buffer.from('\n\n'), 'jsonl')).toThrow(UnreadableFileError);
  });
});

describe('HTML pages', () => {
  it('reads the article, not navigation, scripts, styles, comments or the comment section; meta gives title, date, source, author, url', () => {
    const source = readSource('news/article.html', fixture('article.html'));
    expect(source.original).toContain('全年长三角区域要新建公共充电桩超7万个，充电桩比率达到1.9之内。');
    expect(source.original).toContain('业内人士认为');
    for (const absent of ['首页', '本地导航', '不应出现', '脚本里的文字', '评论区', '版权所有', 'color: red', '数字版'])
      expect(source.original).not.toContain(absent);
    // Paragraphs stay paragraphs; the text is the document as read (offsets index it).
    expect(source.original.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(source.text).toBe(source.original);
    expect(source.meta).toEqual({
      title: '长三角新建充电桩计划发布',
      date: '2025-03-14',
      dateText: '2025-03-14T08:00:00+08:00',
      source: '示例日报',
      url: 'https://example.com/news/2025/0314/charging.html',
      author: '李示例',
      extra: {},
    });
  });

  it('a <time datetime> dates a page without date meta (Big5 page)', () => {
    const bytes = iconv.encode(fixture('time-only.html').toString('utf8'), 'big5');
    const source = readSource('time-only.html', bytes);
    expect(source.encoding).toBe('big5');
    expect([source.meta?.title, source.meta?.date]).toEqual(['臺北市擴建充電站', '2025-03-16']);
    expect(source.original).toContain('新增公共充電樁1500座');
  });

  it('a GB18030 page with unclosed tags is read; an unreadable date is kept as written; a page without text is refused', () => {
    const page = readSource('2025-04-01-unclosed.htm', iconv.encode(fixture('unclosed.html').toString('utf8'), 'gb18030'));
    expect(page.original).toContain('南京市今年将新增公共充电桩8000个');
    expect(page.original).toContain('单桩功率不低于120千瓦');
    // No date in the page: the file name's.
    expect(page.meta?.date).toBe('2025-04-01');
    const bad = readSource('2025-04-01-bad-date.html', fixture('bad-date.html'));
    // The page gave a date, unreadable: kept as written, not replaced by the file name's.
    expect([bad.meta?.date, bad.meta?.dateText]).toEqual([null, '上周五下午']);
    expect(() => readSource('empty-page.html', fixture('empty-page.html'))).toThrow(/HTML page without text/);
  });

  it('a text file is dated by its name', () => {
    expect(readSource('corpus/2025-03-14-上海.txt', Buffer.from('上海新建充电桩。')).meta?.date).toBe('2025-03-14');
    expect(readSource('corpus/上海.txt', Buffer.from('上海新建充电桩。')).meta?.date).toBeNull();
  });
});
