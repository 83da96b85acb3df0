// Issue 20: figures in the layouts of real documents (PDF text, Taiwan and Hong Kong releases), their units,
// currencies, and changes told from levels. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/schema.js';
import { clean } from '../../src/stages/clean.js';
import { type LocalFigure, documentRegion, extractFigures } from '../../src/stages/figures/index.js';
import { segment } from '../../src/stages/segment.js';

function figures(text: string, region?: ReturnType<typeof documentRegion>): LocalFigure[] {
  return extractFigures(text, segment(text), region === undefined ? {} : { region });
}

/** The passages the clean stage makes of `text` (as a file would be read), and their figures. */
function cleanFigures(text: string): { passage: Passage; figures: LocalFigure[] }[] {
  const doc = { doc: 'test.txt', docId: 'test', encoding: 'utf-8' as const, original: text, text, map: [[0, 0]] as [number, number][] };
  return clean(doc, { maxPassageChars: 400 }).map((passage) => ({ passage, figures: figures(passage.text) }));
}

const brief = (f: LocalFigure) => ({ text: f.text, value: f.value, unit: f.unit, qualifier: f.qualifier });

describe('layout', () => {
  it('reads a space or a thin space as a thousands separator', () => {
    expect(figures('全年訪港旅客超過 4 800萬人次。').map(brief)).toEqual([{ text: '超過 4 800萬人次', value: 48000000, unit: '人次', qualifier: 'gt' }]);
    expect(figures('新增學位67 000個。').map(brief)).toEqual([{ text: '67 000個', value: 67000, unit: '个', qualifier: 'eq' }]);
    expect(figures('撥款1\u2009250\u202f000元。').map((f) => f.value)).toEqual([1250000]);
    // Not across a longer first group, nor into a date or a ratio.
    expect(figures('人口2024 123人。').map((f) => f.value)).toEqual([123]);
  });
  it('keeps a qualifier written with a space before its number', () => {
    expect(figures('覆蓋率超過 40%。')[0]).toMatchObject({ text: '超過 40%', qualifier: 'gt', value: 40 });
    expect(figures('覆蓋率約\u200990%。')[0]).toMatchObject({ qualifier: 'approx', value: 90 });
  });
  it('reads full-width digits and spaces', () => {
    expect(figures('新增學位６７　０００個。')[0]).toMatchObject({ value: 67000, unit: '个' });
  });
  it('sees a number the layout broke across lines whole, once the clean stage joined the lines', () => {
    const found = cleanFigures('預算案今天公布。\n全年財政收入達到3,\n200億元，較上年增加5.5%，其中薪俸稅收入為1\n500億元。\n').flatMap((p) => p.figures);
    expect(found.map((f) => [f.text, f.value])).toEqual([
      ['3,200億元', 320000000000],
      ['5.5%', 5.5],
      ['1 500億元', 150000000000],
    ]);
  });
  it('reads no page number, running head or footnote marker as a figure', () => {
    const text = '本年度赤字為300億元。\n- 12 -\n財政預算案演辭\n第 5 頁\n5151\n13 / 40\n經濟增長3.2%[2]，詳見注1：\n';
    const found = cleanFigures(text).flatMap((p) => p.figures);
    expect(found.map((f) => f.text)).toEqual(['300億元', '3.2%']);
  });
  it('reads an ROC year as a period, never as a figure', () => {
    const [f] = figures('113年綠電發電量達到500億度。');
    expect(figures('113年綠電發電量達到500億度。')).toHaveLength(1);
    expect(f).toMatchObject({ text: '500億度', period: '民國113年(2024年)' });
    expect(figures('民國112年全國新增住宅3萬宅。')[0]).toMatchObject({ value: 30000, unit: '宅', period: '民國112年(2023年)' });
    // A span of a hundred years is no ROC year.
    expect(figures('本會成立100年來，會員達500人。').map((f) => [f.text, f.period])).toEqual([['500人', '100年來']]);
    expect(figures('這座橋已有100年歷史。')[0]).toMatchObject({ value: 100, unit: '年', period: '' });
  });
});

describe('units', () => {
  it.each([
    ['储能容量500吉瓦时。', '吉瓦时', 500],
    ['发电量120亿千瓦时。', '千瓦时', 1.2e10],
    ['装机容量300万千瓦。', '千瓦', 3e6],
    ['能耗1.5亿吨标准煤。', '吨标准煤', 1.5e8],
    ['集装箱吞吐量4000万标箱。', '标准箱', 4e7],
    ['起降航班12万架次。', '架次', 120000],
    ['今年將興建公營房屋3萬宅。', '宅', 30000],
  ])('%s', (text, unit, value) => {
    expect(figures(text)[0]).toMatchObject({ unit, value });
  });
  it('reports 个百分点 as 百分点 and reads 一倍半 as 1.5', () => {
    expect(figures('增速回落0.90个百分点。')[0]).toMatchObject({ value: 0.9, unit: '百分点', kind: 'percentage_point' });
    expect(figures('客流增长一倍半。')[0]).toMatchObject({ value: 1.5, unit: '倍', kind: 'multiple' });
  });
});

describe('currency', () => {
  it.each([
    ['預計投入7,200億元人民幣。', 720000000000, 'CNY'],
    ['財政儲備達9萬億港元。', 9e12, 'HKD'],
    ['總額約NT$500億。', 5e10, 'TWD'],
    ['出口额达3,845亿美元。', 3.845e11, 'USD'],
    ['融资HK$20亿元。', 2e9, 'HKD'],
    ['投资US$3亿。', 3e8, 'USD'],
    ['赔偿€500万。', 5e6, 'EUR'],
    ['收入RMB 8亿元。', 8e8, 'CNY'],
    ['兑换日元5000元。', 5000, 'JPY'],
  ])('%s', (text, value, currency) => {
    expect(figures(text)[0]).toMatchObject({ value, unit: '元', kind: 'money', currency });
  });
  it('keeps the name of a currency not counted in 元', () => {
    expect(figures('售价20英镑。')[0]).toMatchObject({ unit: '英镑', currency: 'GBP' });
  });
  it('gives bare 元 the currency of the region', () => {
    expect(figures('全年安排资金20亿元。')[0]?.currency).toBe('CNY');
    expect(figures('行政院核定補助經費20億元。')[0]?.currency).toBe('TWD');
    expect(figures('立法會通過撥款20億元。')[0]?.currency).toBe('HKD');
    // Traditional script that names no region: unknown, unless the document's region is given.
    expect(figures('補助經費20億元。')[0]?.currency).toBeNull();
    const doc = '行政院今天核定計畫。\n補助經費20億元。';
    expect(documentRegion(doc)).toBe('taiwan');
    expect(figures('補助經費20億元。', documentRegion(doc))[0]?.currency).toBe('TWD');
  });
  it('has no currency when the figure is not money', () => {
    expect(figures('增长5%。')[0]?.currency).toBeNull();
  });
});

describe('changes are not levels', () => {
  const one = (text: string, figure: string) => figures(text).find((f) => f.text === figure);
  it('marks a change against a base, which is never the period', () => {
    expect(one('赤字规模比上年年初预算增加1800亿元。', '1800亿元')).toMatchObject({ change: 'increase', base: '上年年初预算', metric: '赤字规模' });
    expect(one('目前全市共有研发中心52家，较2020年增加了7家。', '7家')).toMatchObject({ change: 'increase', base: '2020年' });
    expect(one('目前全市共有研发中心52家，较2020年增加了7家。', '7家')?.period).not.toBe('目前');
    expect(one('人口較 2011年增加 16%。', '16%')).toMatchObject({ change: 'increase', base: '2011年', period: '' });
    expect(one('与上年相比，粮食产量下降2.1%。', '2.1%')).toMatchObject({ change: 'decrease', base: '上年' });
  });
  it('reads year-on-year words as their base, and a change without a base', () => {
    expect(one('规模以上工业增加值同比增长6.2%。', '6.2%')).toMatchObject({ change: 'increase', base: '上年同期' });
    expect(one('營收年增36.5%。', '36.5%')).toMatchObject({ change: 'increase', base: '上年同期' });
    expect(one('社会消费品零售总额环比下降0.3%。', '0.3%')).toMatchObject({ change: 'decrease', base: '上期' });
    expect(one('处置时间缩短30%。', '30%')).toMatchObject({ change: 'decrease', base: null });
  });
  it('leaves levels alone: 增至, 降到, a rate named 增幅, a stock', () => {
    for (const [text, figure] of [
      ['定点医院扩增至50家。', '50家'],
      ['失业率降到5%。', '5%'],
      ['增幅为4.3%。', '4.3%'],
      ['全市共有学校120所。', '120所'],
      ['全市新增就业10万人。', '10万人'],
    ]) {
      expect(one(text as string, figure as string)).toMatchObject({ change: null, base: null });
    }
  });
});
