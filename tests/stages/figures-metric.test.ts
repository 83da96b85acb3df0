// Issue 20: the metric is the measured subject, whole (items of enumerations, names joined by 、 和 及), and
// planning verbs make targets. Sentences written for these tests in the style of statistics releases and
// Taiwan and Hong Kong press releases.
import { describe, expect, it } from 'vitest';
import { type LocalFigure, extractFigures } from '../../src/stages/figures/index.js';
import { loadEntityDictionaries, tagEntities } from '../../src/stages/entities/index.js';
import { segment } from '../../src/stages/segment.js';

function figures(text: string): LocalFigure[] {
  return extractFigures(text, segment(text));
}
const metrics = (text: string) => figures(text).map((f) => [f.text, f.metric]);

describe('metric of items of an enumeration', () => {
  it('keeps the segment subject of each item with the measure (其中，X实现利润总额…；Y实现…)', () => {
    expect(
      metrics('其中，国有控股企业实现利润总额5000亿元，下降3.2%；股份制企业实现利润总额1.2万亿元，增长2.1%；私营企业实现利润总额6000亿元，增长1.5%。'),
    ).toEqual([
      ['5000亿元', '国有控股企业利润总额'],
      ['3.2%', '国有控股企业利润总额'],
      ['1.2万亿元', '股份制企业利润总额'],
      ['2.1%', '股份制企业利润总额'],
      ['6000亿元', '私营企业利润总额'],
      ['1.5%', '私营企业利润总额'],
    ]);
  });
  it('takes an industry named with 、 和 及 whole, never the item before it', () => {
    expect(
      metrics(
        '分行业看，农副食品加工业增长5%，电力、热力生产和供应业下降38.6%，石油和天然气开采业增长12.1%，电力、热力、燃气及水生产和供应业增长3%，非金属矿物制品业下降4%。',
      ),
    ).toEqual([
      ['5%', '农副食品加工业'],
      ['38.6%', '电力、热力生产和供应业'],
      ['12.1%', '石油和天然气开采业'],
      ['3%', '电力、热力、燃气及水生产和供应业'],
      ['4%', '非金属矿物制品业'],
    ]);
  });
  it('still reads 与…相比 as a comparison', () => {
    expect(figures('粮食产量与上年相比增长2%。')[0]).toMatchObject({ metric: '粮食产量', change: 'increase', base: '上年' });
  });
  it('reads the metric across a layout space', () => {
    expect(figures('全年財政收入 3 200億元。')[0]).toMatchObject({ value: 320000000000, metric: '財政收入' });
  });
});

describe('status of plans', () => {
  it('reads a plan over a rate as a target (计划每年安排…), a rate alone as other', () => {
    expect(figures('计划每年安排专项资金约20亿元。')[0]).toMatchObject({ status: 'target', metric: '专项资金' });
    expect(figures('每年安排资金20亿元。')[0]?.status).toBe('other');
  });
  it('reads 拚 (拼) as a target and keeps the share as the metric', () => {
    expect(figures('綠電占比拚三成。')[0]).toMatchObject({ value: 30, status: 'target', metric: '綠電占比' });
    expect(figures('明年出口拚成長5%。')[0]?.status).toBe('target');
  });
  it.each([
    ['拟新建学校10所。', 'target'],
    ['力争新增就业10万人。', 'target'],
    ['确保粮食产量稳定在1.3万亿斤。', 'target'],
    ['预计全年增长5%。', 'target'],
    ['目标是覆盖率达到90%。', 'target'],
    ['政府將興建公屋3萬個。', 'target'],
    ['全市要新建学校10所。', 'target'],
  ])('%s is a %s', (text, status) => {
    expect(figures(text)[0]?.status).toBe(status);
  });
  it('reads a count that restates the list before it as no figure (一体化和高质量两个关键词)', () => {
    expect(figures('紧扣一体化和高质量两个关键词，推动发展。')).toEqual([]);
    expect(figures('聚焦科技、产业、民生三个方面。')).toEqual([]);
    expect(figures('新建学校和医院共5所。').map((f) => f.value)).toEqual([5]);
  });
});

describe('breakdowns and lists of counts', () => {
  // Provinces and cities of the bundled gazetteer, as an analyst's breakdown would name them.
  const dicts = loadEntityDictionaries();
  const places = ['上海', '江苏', '浙江', '安徽', '北京', '广东', '四川', '南京', '杭州', '合肥', '苏州', '宁波'];

  it('a breakdown by place (其中上海2万个、江苏3万个) counts what the total counted, for every pair of places', () => {
    const wrong: string[] = [];
    for (const a of places)
      for (const b of places) {
        if (a === b) continue;
        const text = `全年要新建公共充电桩超7万个，其中${a}2万个、${b}3万个。`;
        // The places as the entities stage finds them, as the pipeline passes them.
        const places = new Set(
          tagEntities(text, segment(text), dicts)
            .filter((m) => m.type === 'place')
            .map((m) => m.text),
        );
        const got = extractFigures(text, segment(text), { places }).map((f) => f.metric);
        if (got.length !== 3 || got.some((m) => m !== '新建公共充电桩')) wrong.push(`${text} → ${got.join(' | ')}`);
      }
    expect(wrong).toEqual([]);
  });

  it('an item of a list never starts its metric with the joiner after the figure before it', () => {
    for (const joiner of ['、', '，', '和', '及', '与']) {
      const got = metrics(`联合培育示范性数字技术创新创业团队100支${joiner}尖端数字技术工程师400名。`);
      expect(got.map(([, m]) => m)).toEqual(['示范性数字技术创新创业团队', '尖端数字技术工程师']);
    }
  });
});
