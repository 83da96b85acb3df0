// The web page in a real browser (Debian's Chromium through playwright-core) against a real Meilisearch:
// search in traditional script, click a facet, open a passage, download the targets CSV and check its rows;
// the page's state in its URL (reload, back), facets with more values, no silent filters, the targets tab
// following the search. Screenshots go to a temporary folder; `npm run screenshots` (ZHPIPE_SCREENSHOTS set)
// writes the README's into tests/screenshots/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ingestFixture } from '../server-fixture.js';
import { ROOT, tempDir, testClient, testConfig, uniqueIndexes } from '../helpers.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { workspace, type Workspace } from '../../src/workflows/workspace.js';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
// Only an explicit run rewrites the tracked screenshots.
const SHOTS = process.env.ZHPIPE_SCREENSHOTS ? path.resolve(ROOT, process.env.ZHPIPE_SCREENSHOTS) : tempDir('zhpipe-shots-');
const found = existsSync(CHROMIUM);
if (!found) console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_BIN)`);

/** Debian's Chromium, headless, with a fresh profile and without the background networking this machine refuses. */
async function launchChromium(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(tempDir('zhpipe-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

interface OpenPage {
  base: string;
  page: Page;
  close: () => Promise<void>;
}

/** The web app over a workspace on a free loopback port, and a Chromium page to drive it. */
async function openPage(ws: Workspace): Promise<OpenPage> {
  const server: Server = createApp({ workspace: ws, loopbackOnly: true });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { context, page } = await launchChromium();
  return {
    base,
    page,
    close: async () => {
      await context.close();
      await new Promise((r) => server.close(r));
    },
  };
}

describe.skipIf(!found)('web page in Chromium', () => {
  let open: OpenPage | undefined;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    open = await openPage((await ingestFixture('browser')).ws);
    ({ page, base } = open);
  }, 120_000);

  afterAll(async () => {
    await open?.close();
  });

  it('searches in traditional script and shows highlighted hits in traditional', async () => {
    await page.goto(base);
    await page.fill('#q', '充電樁');
    await page.press('#q', 'Enter');
    await page.waitForSelector('.hit mark');
    const marks = await page.locator('.hit mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['充電樁']));
    // Figure tags follow the display script too.
    expect(await page.locator('.hit .tag.figure').allTextContents()).toContain('超7萬個');
    expect(await page.textContent('#summary')).toContain('充电桩');
  });

  it('switches the display script with the toggle', async () => {
    await page.check('input[name=script][value=simplified]');
    await expect.poll(() => page.locator('.hit mark').first().textContent()).toBe('充电桩');
    await page.check('input[name=script][value=auto]');
    await expect.poll(() => page.locator('.hit mark').first().textContent()).toBe('充電樁');
  });

  it('narrows the results when a facet is clicked', async () => {
    const facet = page.locator('#facets section[data-facet="doc"] li button').first();
    const value = await facet.getAttribute('data-value');
    const count = Number(await facet.locator('.count').textContent());
    await facet.click();
    await page.waitForSelector('.chip');
    expect(await page.textContent('.chip')).toContain(path.basename(String(value)));
    await expect.poll(() => page.locator('.hit').count()).toBe(Math.min(count, 10));
    const docs = await page.locator('.hit .doc').allTextContents();
    expect(docs.every((d) => d.startsWith(`${value}:`))).toBe(true);
  });

  it('exports the passages on screen as a JSONL corpus', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-jsonl')]);
    expect(download.suggestedFilename()).toBe('corpus.jsonl');
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; doc: string; provenance: { query: string; filter: string[] } });
    expect(lines.length).toBe(await page.locator('.hit').count());
    expect(lines.every((l) => l.text.includes('充电桩') && l.provenance.query === '充電樁' && l.provenance.filter.length === 1)).toBe(true);
  });

  it('opens a passage with its figure marked in the text', async () => {
    await page.locator('.hit', { hasText: '超7萬個' }).locator('button.open').click();
    await page.waitForSelector('#passage:not([hidden]) .ent.figure');
    expect(await page.locator('#passage .ent.figure').allTextContents()).toContain('超7萬個');
  });

  it('shows the targets table with a chart, sorts it, and downloads it as CSV', async () => {
    await page.click('.chip'); // back to every document
    await page.click('#tab-figures');
    await page.waitForSelector('#figtable tbody tr');
    expect(await page.locator('#chart svg rect').count()).toBeGreaterThan(0);
    await page.click('#figtable th[data-key="value"]');
    await page.click('#figtable th[data-key="value"]');
    const firstValue = await page.locator('#figtable tbody tr').first().locator('td').first().textContent();
    const values = (await page.locator('#figtable tbody tr td:first-child').allTextContents()).map((v) => Number(v.split('–')[0]?.replace(/,/g, '')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(firstValue).toBeTruthy();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    expect(download.suggestedFilename()).toBe('targets.csv');
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFvalue,valueHi,unit,qualifier,kind,metric,period,status,')).toBe(true);
    const rows = text.slice(1).trim().split('\n').slice(1);
    expect(rows.length).toBe(await page.locator('#figtable tbody tr').count());
    expect(rows.some((r) => r.startsWith('70000,,个,gt,count,新建公共充电桩,全年,target,长三角'))).toBe(true);
    expect(rows.some((r) => r.includes('进出口总额占全国'))).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'targets.png') });
  });

  it('shows a broader search with place facets, for the README screenshot', async () => {
    await page.goto(`${base}?q=${encodeURIComponent('一體化 合作')}`);
    await page.waitForSelector('#facets section[data-facet="place"] li button');
    // 上海 may stand past the first 12 places: the facet's search box finds it.
    const search = page.locator('#facets section[data-facet="place"] input.facet-search');
    if (await search.count()) await search.fill('上海');
    const place = page.locator('#facets section[data-facet="place"] li button', { hasText: '上海' }).first();
    await place.click();
    await page.waitForSelector('.chip');
    await page.locator('.hit button.open').first().click();
    await page.waitForSelector('#passage:not([hidden]) .ent');
    expect(await page.locator('.hit').count()).toBeGreaterThan(1);
    expect(await page.textContent('#passage')).not.toContain('null');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'search.png') });
  });

  it('keeps the search in the URL: a reload shows the same results, the back button the previous ones', async () => {
    await page.goto(base);
    await page.fill('#q', '長三角');
    await page.press('#q', 'Enter');
    await page.waitForSelector('.hit');
    await page.locator('#facets section[data-facet="place"] li button', { hasText: '上海' }).first().click();
    await page.waitForSelector('.chip');
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('長三角');
    expect(url.searchParams.getAll('f')).toEqual(['place:上海']);
    const ids = await page.locator('.hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    await page.reload();
    await page.waitForSelector('.chip');
    await expect.poll(() => page.locator('.hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(ids);
    expect(await page.inputValue('#q')).toBe('長三角');
    await page.goBack();
    await expect.poll(() => page.locator('.chip').count()).toBe(0);
    expect(new URL(page.url()).searchParams.getAll('f')).toEqual([]);
  });

  it("opens the passage named in the URL, the query's words marked in it", async () => {
    await page.goto(`${base}?q=${encodeURIComponent('充電樁')}`);
    await page.locator('.hit button.open').first().click();
    await page.waitForSelector('#passage:not([hidden]) .body mark');
    const id = new URL(page.url()).searchParams.get('p');
    expect(id).toBeTruthy();
    await page.reload();
    await page.waitForSelector('#passage:not([hidden]) .body mark');
    expect(await page.locator('#passage .body mark').allTextContents()).toContain('充電樁');
  });

  it('says which filters left a search empty, and clears them', async () => {
    await page.goto(`${base}?q=${encodeURIComponent('充电桩')}&f=${encodeURIComponent('year:1999')}`);
    await page.waitForSelector('#clear-filters');
    expect(await page.textContent('#summary')).toContain('year: 1999');
    await page.click('#clear-filters');
    await page.waitForSelector('.hit');
    expect(new URL(page.url()).searchParams.getAll('f')).toEqual([]);
  });

  it('shows more facet values on demand and finds one by typing', async () => {
    await page.goto(base);
    const place = page.locator('#facets section[data-facet="place"]');
    await place.locator('li button').first().waitFor();
    const before = await place.locator('li button[data-value]').count();
    expect(before).toBe(12);
    await place.locator('button.more-values').click();
    expect(await place.locator('li button[data-value]').count()).toBeGreaterThan(12);
    await place.locator('input.facet-search').fill('苏');
    const values = await place.locator('li button[data-value]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v?.includes('苏'))).toBe(true);
  });

  it('shows the figures of the current search in the targets tab, in its script, filterable in either script', async () => {
    await page.goto(`${base}?q=${encodeURIComponent('充電樁')}&script=traditional`);
    await page.waitForSelector('.hit');
    await page.click('#tab-figures');
    await page.waitForSelector('#figtable tbody tr');
    expect(await page.textContent('#fig-heading')).toContain('充電樁');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('figures');
    const metrics = await page.locator('#figtable tbody td:nth-child(5)').allTextContents();
    expect(metrics).toContain('新建公共充電樁');
    await page.fill('#fig-filter', '充电桩');
    await expect.poll(() => page.locator('#figtable tbody tr').count()).toBeGreaterThan(0);
    await page.fill('#fig-filter', '');
    await page.fill('#fig-min', '100000000');
    await expect.poll(() => page.locator('#figtable tbody tr').count()).toBe(0);
    await page.fill('#fig-min', '');
    await page.selectOption('#chart-by', 'values');
    await expect.poll(() => page.locator('#chart svg, #chart p').count()).toBe(1);
  });
});

// Documents with titles, dates, sources and urls (a JSONL file written here): the date histogram, sorting by
// date, and each hit's title, date and source with its link.
describe.skipIf(!found)('web page over dated documents', () => {
  let open: OpenPage | undefined;
  let page: Page;
  let base: string;
  const rows = [
    { title: '充电桩建设提速', date: '2025-01-10', source: '甲报', url: 'https://example.org/a', content: '今年全市新建公共充电桩三千个，覆盖所有街道。' },
    { title: '充电桩进小区', date: '2025-02-20', source: '乙台', url: 'https://example.org/b', content: '老旧小区加装充电桩的试点扩大到二十个小区。' },
    {
      title: '充电桩互联互通',
      date: '2025-03-05',
      source: '甲报',
      url: 'https://example.org/c',
      content: '三省一市充电桩实现互联互通，一个应用即可扫码充电。',
    },
  ];

  beforeAll(async () => {
    const dir = tempDir();
    const file = path.join(dir, 'news.jsonl');
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const client = testClient();
    const config = testConfig(uniqueIndexes('browser-dated'));
    await ingest(client, [file], config, { dataDir: tempDir() });
    open = await openPage(workspace(client, config));
    ({ page, base } = open);
  }, 120_000);

  afterAll(async () => {
    await open?.close();
  });

  it('shows title, date and source with a link, sorts by date, and filters by month from the histogram', async () => {
    await page.goto(`${base}?q=${encodeURIComponent('充电桩')}`);
    await page.waitForSelector('.hit .docmeta a.title');
    expect(await page.locator('.hit .docmeta a.title').first().getAttribute('href')).toMatch(/^https:\/\/example\.org\//);
    await page.selectOption('#sort', '-date');
    await expect.poll(() => page.locator('.hit .docmeta .date').allTextContents()).toEqual(['2025-03-05', '2025-02-20', '2025-01-10']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-date');
    await expect.poll(() => page.locator('#histogram rect.bar').count()).toBe(3);
    await page.screenshot({ path: path.join(SHOTS, 'dated.png') });
    await page.locator('#histogram rect[data-month="2025-02"]').click();
    await expect.poll(() => page.locator('.hit').count()).toBe(1);
    expect(await page.locator('.hit .docmeta .title').textContent()).toBe('充电桩进小区');
    expect(new URL(page.url()).searchParams.getAll('f')).toEqual(['month:2025-02']);
  });

  it('brushes a range of months on the histogram: the hits of those months, kept in the URL, and the chip lifts it', async () => {
    await page.goto(`${base}?q=${encodeURIComponent('充电桩')}`);
    await expect.poll(() => page.locator('#histogram rect.bar').count()).toBe(3);
    const box = async (month: string) => {
      const b = await page.locator(`#histogram rect[data-month="${month}"]`).boundingBox();
      return { x: (b?.x ?? 0) + (b?.width ?? 0) / 2, y: (b?.y ?? 0) + (b?.height ?? 0) - 1 };
    };
    const [from, to] = [await box('2025-02'), await box('2025-03')];
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.hit').count()).toBe(2);
    expect(new URL(page.url()).searchParams.getAll('f')).toEqual(['months:2025-02..2025-03']);
    expect((await page.locator('.hit .docmeta .date').allTextContents()).sort()).toEqual(['2025-02-20', '2025-03-05']);
    await page.reload();
    await expect.poll(() => page.locator('.hit').count()).toBe(2);
    await page.locator('#chips button', { hasText: '2025-02 – 2025-03' }).click();
    await expect.poll(() => page.locator('.hit').count()).toBe(3);
  });
});
