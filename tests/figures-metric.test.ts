// Issue 20: the metric is the measured subject, whole (items of enumerations, names joined by 、 和 及), and
// planning verbs make targets. Sentences written for these tests in the style of statistics releases and
// Taiwan and Hong Kong press releases.
import { describe, expect, it } from 'vitest';
import { type LocalFigure, extractFigures } from '../src/stages/figures/index.js';
import { segment } from '../src/stages/segment.js';

function figures(text: string): LocalFigure[] {
  return extractFigures(text, segment(text));
}
const metrics = (text: string) => figures(text).map((f) => [f.text, f.metric]);

describe('metric of items of an enumeration', () => {
  it('keeps the segment subject of each item with the measure (其中，X实现利润总额…；Y实现…)', () => {
    expect(metrics('其中，国有控股企业实现利润总额5000亿元，下降3.2%；股份制企业实现利润总额1.2万亿元，增长2.1%；私营企业实现利润总额6000亿元，增长1.5%。')).toEqual([
      ['5000亿元', '国有控股企业利润总额'],
      ['3.2%', '国有控股企业利润总额'],
      ['1.2万亿元', '股份制企业利润总额'],
      ['2.1%', '股份制企业利润总额'],
      ['6000亿元', '私营企业利润总额'],
      ['1.5%', '私营企业利润总额'],
    ]);
  });
  it('takes an industry named with 、 和 及 whole, never the item before it', () => {
    expect(metrics('分行业看，农副食品加工业增长5%，电力、热力生产和供应业下降38.6%，石油和天然气开采业增长12.1%，电力、热力、燃气及水生产和供应业增长3%，非金属矿物制品业下降4%。')).toEqual([
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
