// The figures stage on hand-annotated sentences (corpus and written ones, simplified and traditional), on
// the rules one by one, and on hostile input.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LocalFigure, extractFigures, parseNumbers } from '../../src/stages/figures/index.js';
import { segment } from '../../src/stages/segment.js';
import { foldText } from '../../src/text/fold.js';
import { toScript } from '../../src/text/script.js';

function figures(text: string): LocalFigure[] {
  return extractFigures(text, segment(text));
}

function one(text: string): LocalFigure {
  const found = figures(text);
  expect(found.map((f) => f.text)).toHaveLength(1);
  return found[0] as LocalFigure;
}

interface Expected {
  text: string;
  value?: number;
  valueHi?: number | null;
  unit?: string;
  kind?: string;
  qualifier?: string;
  status?: string;
  period?: string;
  metric?: string;
  metricIncludes?: string;
}
interface Case {
  source: string;
  text: string;
  figures: Expected[];
}

const annotated = JSON.parse(readFileSync(new URL('../fixtures/figures/annotated.json', import.meta.url), 'utf8')) as Case[];

describe('annotated sentences', () => {
  for (const c of annotated) {
    it(`finds exactly the annotated figures: ${c.text.slice(0, 32)}`, () => {
      const found = figures(c.text);
      expect(found.map((f) => f.text)).toEqual(c.figures.map((f) => f.text));
      c.figures.forEach((want, k) => {
        const got = found[k] as LocalFigure;
        const { metricIncludes, ...fields } = want;
        expect(got).toMatchObject({ ...fields, valueHi: fields.valueHi ?? null });
        if (metricIncludes) expect(got.metric).toContain(metricIncludes);
        expect(c.text.slice(got.start, got.end)).toBe(got.text);
        expect(c.text).toContain(got.sentence);
      });
    });
  }
});

describe('numbers', () => {
  it('reads Arabic numbers with separators, decimals and full-width digits', () => {
    expect(one('共计3,000人').value).toBe(3000);
    expect(one('增长1.9%').value).toBe(1.9);
    expect(one('建成１９９７个').value).toBe(1997);
  });
  it('reads Chinese numerals with units and zeros', () => {
    expect(one('共有七个').value).toBe(7);
    expect(one('有十三项').value).toBe(13);
    expect(one('有一百零五家').value).toBe(105);
    expect(one('共一千零一人').value).toBe(1001);
    expect(one('达四亿五千六百四十二万零一十五元').value).toBe(456420015);
  });
  it('expands mixed multipliers: 8万亿, 60万, 2万多个', () => {
    expect(one('总量8万亿元').value).toBe(8e12);
    expect(one('达到60万辆').value).toBe(600000);
    expect(one('有2万多个').value).toBe(20000);
  });
  it('reads traditional 萬 億 兩 兆', () => {
    expect(one('營收5,926億元').value).toBe(592600000000);
    expect(one('約兩萬人').value).toBe(20000);
    expect(one('國債達2兆元').value).toBe(2e12);
  });
  it('reads fractions, 成 and 半', () => {
    expect(one('占三分之一').value).toBe(0.3333);
    expect(one('占近1/3').value).toBe(0.3333);
    expect(one('占四成').value).toBe(40);
    expect(one('占一半').value).toBe(0.5);
    expect(one('占百分之五十').value).toBe(50);
  });
  it('reads adjacent-digit ranges and dash ranges', () => {
    expect(one('两三个月').valueHi).toBe(3);
    expect(one('十七八个').value).toBe(17);
    expect(one('60%—70%的零部件').valueHi).toBe(70);
    expect(one('投资2-3万元').value).toBe(20000);
    expect(one('需3至5年').qualifier).toBe('range');
  });
  it('reads ratios written a:b but not clock times', () => {
    expect(one('平均竞争比约为77:1。')).toMatchObject({ value: 77, kind: 'ratio', qualifier: 'approx' });
    expect(figures('上午8:30开始,14:05结束。')).toEqual([]);
    expect(one('师生比为1:13.7。')).toMatchObject({ value: 0.073, kind: 'ratio', metric: '师生比' });
  });
  it('reads 半 as a half before a duration or 成', () => {
    expect(one('不到半小时完成').value).toBe(0.5);
    expect(one('用了半个月').unit).toBe('个月');
    expect(figures('上半年增长,半导体产业,多半是')).toEqual([]);
  });
  it('reads negative temperatures, but a hyphen after a word stays a code', () => {
    expect(one('最低气温-5℃').value).toBe(-5);
    expect(one('最高气温零下1℃').value).toBe(-1);
    expect(figures('生产砹-211')).toEqual([]);
  });
  it('never reports floating-point noise', () => {
    expect(one('增长0.1%').value).toBe(0.1);
    expect(one('售价50元6角3分').value).toBe(50.63);
  });
});

describe('units and kinds', () => {
  it.each([
    ['新增100项', 'count', '项'],
    ['投资50亿元', 'money', '元'],
    ['收入3000美元', 'money', '元'],
    ['增长28%', 'percent', '%'],
    ['提升10.4个百分点', 'percentage_point', '百分点'],
    ['浓度31.7微克/立方米', 'measure', '微克/立方米'],
    ['面积1900亩', 'measure', '亩'],
    ['算力3000P', 'measure', 'P'],
    ['用时20分钟', 'duration', '分钟'],
    ['增长1.5倍', 'multiple', '倍'],
    ['进入前十名', 'rank', '名'],
  ])('%s is a %s in %s', (text, kind, unit) => {
    const f = one(text);
    expect(f.kind).toBe(kind);
    expect(f.unit).toBe(unit);
  });
  it('reads units from another dictionary folder when given one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhpipe-dict-'));
    writeFileSync(path.join(dir, 'units.txt'), '# test\n头猪 count unit=头\n');
    writeFileSync(path.join(dir, 'figure-cues.txt'), '# test\n超 pre:gt\n');
    const text = '出栏超3000头猪';
    const [f] = extractFigures(text, segment(text), { dictionaries: dir });
    expect(f).toMatchObject({ value: 3000, unit: '头', kind: 'count', qualifier: 'gt' });
  });
});

describe('qualifiers', () => {
  it.each([
    ['超7万个', 'gt'],
    ['超过130名', 'gt'],
    ['突破2900万次', 'gt'],
    ['3000余家', 'gt'],
    ['400多名', 'gt'],
    ['200个以上', 'gte'],
    ['至少达到400项', 'gte'],
    ['不低于90%', 'gte'],
    ['近2000吨', 'approx'],
    ['约50亿元', 'approx'],
    ['10万人左右', 'approx'],
    ['不到20分钟', 'lt'],
    ['5%以内', 'lt'],
    ['1.9之内', 'lt'],
    ['1—100名', 'range'],
  ])('%s is %s', (text, qualifier) => {
    const f = one(`全市${text}。`);
    expect(f.qualifier).toBe(qualifier);
    expect(f.text).toBe(text);
  });
  it('reads a cue the segmenter glued to the word before (全长约), not one inside a word (签约)', () => {
    expect(one('二期工程全长约21.5公里。').qualifier).toBe('approx');
    expect(one('成为第二部破5亿的影片。').qualifier).toBe('gt');
  });
  it('keeps a number the segmenter glued to a change verb (增加三倍)', () => {
    expect(one('訪港旅客按年增加三倍。')).toMatchObject({ value: 3, unit: '倍', kind: 'multiple' });
  });
  it('does not read 近 of 最近 or 数 of 人数 as qualifiers', () => {
    expect(one('最近3年共建成5所学校').qualifier).toBe('eq');
    expect(one('参会人数1000人').qualifier).toBe('eq');
  });
});

describe('changes', () => {
  it('reads the change, not the comparison year', () => {
    const found = figures('平均优良天数比率84.5%,较2018年提升10.4个百分点。');
    expect(found.map((f) => f.text)).toEqual(['84.5%', '10.4个百分点']);
    expect(found[1]?.metric).toContain('优良天数比率');
  });
  it.each([
    ['浓度较2018年下降28%。', 28, 'percent'],
    ['处置时间缩短30%以上。', 30, 'percent'],
    ['指数增长了近1.5倍。', 1.5, 'multiple'],
  ])('%s', (text, value, kind) => {
    expect(one(text)).toMatchObject({ value, kind });
  });
  it('skips a comparison with 高于 to find the metric', () => {
    expect(one('一季度增速高于全国0.4个百分点。').metric).toBe('增速');
  });
  it('links 由X拓展至Y as a start and an end with one metric', () => {
    const [a, b] = figures('数量将由78项拓展至113项。');
    expect(a).toMatchObject({ value: 78, status: 'actual', metric: '数量' });
    expect(b).toMatchObject({ value: 113, status: 'target', metric: '数量' });
  });
});

describe('metric, period and status', () => {
  it('finds the metric before the figure, with linking verbs skipped', () => {
    expect(one('按需开设远程虚拟窗口超650个。').metric).toBe('远程虚拟窗口');
    expect(one('累计公共充电桩达到60万个以上。').metric).toBe('累计公共充电桩');
  });
  it('reads the subject of a change as the metric though the segmenter tags it as verbs', () => {
    expect(figures('地区生产总值增长5.5%左右,一般公共预算收入增长3%以上。')[1]?.metric).toBe('一般公共预算收入');
  });
  it('does not take a linking verb into the metric (全市共有专任教师)', () => {
    expect(one('全市共有专任教师7.2万名。').metric).toBe('专任教师');
  });
  it('finds the metric after a measure word', () => {
    expect(one('新增100项高频事项。').metric).toBe('高频事项');
  });
  it.each([
    ['2024年全市GDP增长5%。', '2024年'],
    ['今年全市GDP增长5%。', '今年'],
    ['全年新建学校5所。', '全年'],
    ['今年一季度GDP增长5%。', '今年一季度'],
    ['到2025年覆盖率达到80%。', '到2025年'],
    ['3年内建成10个基地。', '3年内'],
    ['1998年至2003年间任期五年。', '1998年至2003年间'],
  ])('period of %s is %s', (text, period) => {
    expect(one(text).period).toBe(period);
  });
  it.each([
    ['全市要新建学校10所。', 'target'],
    ['力争新增就业10万人。', 'target'],
    ['目标是覆盖率达到90%。', 'target'],
    ['到2025年覆盖率达到80%。', 'target'],
    ['全市已建成学校10所。', 'actual'],
    ['截至去年底共有学校10所。', 'actual'],
    ['这台设备每天可生产4居里。', 'other'],
    ['外国人最多可停留144小时。', 'other'],
  ])('status of %s is %s', (text, status) => {
    expect(one(text).status).toBe(status);
  });
});

describe('metric boundaries, status and period (fixes)', () => {
  const metricOf = (text: string, figure: string) => figures(text).find((f) => f.text === figure)?.metric;
  it('takes the head after a modifier ending in 的 after a measure word', () => {
    expect(metricOf('全省已建成42个功能完善的社区食堂。', '42个')).toBe('社区食堂');
    expect(metricOf('共有5个总投资超过10亿元的重大项目。', '5个')).toBe('重大项目');
    expect(metricOf('吸引了20多家上海的金融机构入驻。', '20多家')).toBe('金融机构');
  });
  it('keeps nouns joined by 和, a name in quotes or brackets, and drops 基础上', () => {
    expect(metricOf('来自15个国家和地区的嘉宾参会。', '15个')).toBe('国家和地区');
    expect(metricOf('评出8个“智慧工厂”。', '8个')).toBe('智慧工厂');
    expect(metricOf('在已建成30个示范点基础上,继续扩围。', '30个')).toBe('示范点');
    expect(metricOf('打造500亩的新材料(化工)产业园。', '500亩')).toBe('新材料(化工)产业园');
  });
  it('does not run into the predicate or an idiom after the thing counted', () => {
    expect(metricOf('9家企业签署合作协议。', '9家')).toBe('企业');
    expect(metricOf('300多名志愿者齐聚一堂。', '300多名')).toBe('志愿者');
  });
  it('reads the metric across a change verb the segmenter splits (扩增至)', () => {
    expect(metricOf('定点医院扩增至50家。', '50家')).toContain('定点医院');
  });
  it('lets a bare count in a list take the metric of the count before it with the same unit', () => {
    const found = figures('第一批认定20个示范村,第二批共15个。');
    expect(found.map((f) => [f.text, f.metric])).toEqual([
      ['20个', '示范村'],
      ['15个', '示范村'],
    ]);
  });
  it('does not read 将 marking an object as the future, nor 只需 as a target', () => {
    expect(one('高铁将苏州、无锡等6个城市连接在一起。').status).toBe('actual');
    expect(one('工程将沿江地区9个镇串起来。').status).toBe('actual');
    expect(one('该区将新建幼儿园6所。').status).toBe('target');
    expect(one('现在坐地铁只需要20分钟。').status).toBe('other');
  });
  it('reads a period down to the day', () => {
    expect(one('自2023年3月1日施行以来,已受理案件120件。').period).toBe('自2023年3月1日');
  });
  it('does not read a given name after a surname as money', () => {
    expect(figures('民警王三元立即赶到现场。')).toEqual([]);
  });
});

describe('what is not a figure', () => {
  it.each([
    ['dates', '2024年1月6日上线,6月6日—7日举行,2025年度会议。'],
    ['years as names', '形成《2025中国镇域经济高质量发展研究》报告和2025全球环境大会。'],
    ['times of day', '上午9时30分开始,8时许到达,八点一刻出门,14:30结束。'],
    ['ordinals', '第八届论坛发布第二批名单,其一是首批。'],
    ['codes', '在G60科创走廊建设5G基站,乘11号线,监测PM2.5,生产砹-211和碳-14。'],
    ['names and service numbers', '拨打12345热线或110报警,3·15晚会,版本v2.3.1,iPhone 15,4K分辨率,C919大飞机。'],
    ['floors and rooms', '家住3楼,位于2号楼1203室。'],
    ['plan names', '“十五五”时期和十四五规划。'],
    ['numerals inside words', '长三角一体化,三省一市,两院院士,一带一路,千岛湖。'],
    ['the article 一', '这是一个观点,一辆新能源汽车。'],
    ['slogans of a count and a verb', '做到两个确立,坚定四个自信。'],
    ['periods', '3年内完成,5年来持续推进,过去一年成效显著。'],
  ])('%s', (_, text) => {
    expect(figures(text).map((f) => f.text)).toEqual([]);
  });
});

describe('parseNumbers', () => {
  it('reports every number with its unit, dates included, for the benchmark', () => {
    const found = parseNumbers('2024年投资8万亿元');
    expect(found.map((n) => [n.text, n.value, n.unit])).toEqual([
      ['2024年', 2024, '年'],
      ['8万亿元', 8e12, '元'],
    ]);
  });
  const read = (text: string) => parseNumbers(text).map((n) => [n.text, n.value, n.unit]);
  it('reads discounts digit by digit, Arabic or Chinese, and 半折; 七八折 is a range, 十折 no discount', () => {
    expect(read('会员打八五折')).toEqual([['八五折', 85, '%']]);
    expect(read('全场85折起')).toEqual([['85折', 85, '%']]);
    expect(read('清仓价 六 五 折')).toEqual([['六 五 折', 65, '%']]);
    expect(read('过季款半折出售')).toEqual([['半折', 50, '%']]);
    expect(parseNumbers('打七八折')[0]).toMatchObject({ value: 70, valueHi: 80, unit: '%' });
    expect(parseNumbers('不是十折').filter((n) => n.unit === '%')).toEqual([]);
    expect(read('1985折价')).not.toContainEqual(['985折', 98.5, '%']);
  });
  it('reads a digit after 成 as the next place (六成三 = 63 %) unless it counts something', () => {
    expect(read('支持率六成三')).toEqual([['六成三', 63, '%']]);
    expect(read('约八成 五家企业')).toEqual([
      ['约八成', 80, '%'],
      ['五家', 5, '家'],
    ]);
  });
  it('reads financial numerals alone before a decimal part or 又, not as words', () => {
    expect(read('负叁又四分之壹')).toEqual([['负叁又四分之壹', -3.25, '']]);
    expect(read('伍点伍倍')).toEqual([['伍点伍倍', 5.5, '倍']]);
    expect(read('陆地面积')).toEqual([]);
  });
  it('reads a whole number and a fraction (2 1/4), not dates written with slashes', () => {
    expect(read('需要2 1/4杯')).toEqual([['2 1/4', 2.25, '']]);
    expect(read('2024 12/31')).not.toContainEqual(['2024 12/31', 2024 + 12 / 31, '']);
  });
  it('reads 几 in a spaced numeral and units spaced out by layout', () => {
    expect(read('三 百 几 万')).toEqual([['三 百 几 万', 3e6, '']]);
    expect(read('下降 3 个 百 分 点')).toEqual([['3 个 百 分 点', 3, '百分点']]);
    expect(read('用了 5 个 月')).toEqual([['5 个 月', 5, '个月']]);
  });
  it('keeps a unit prefix (千 兆) with the unit when the dictionary has it: 兆字节 is no 10^12', () => {
    expect(read('内存八十兆字节')).toEqual([['八十兆字节', 80, '兆字节']]);
    expect(read('身高175CM')).toEqual([['175CM', 175, 'cm']]);
  });
  it('does not read a numeral inside a word (一切, 四川, 两两) as a number', () => {
    expect(read('一切照旧')).toEqual([]);
    expect(read('来自四川省')).toEqual([]);
    expect(read('两两组合')).toEqual([]);
    expect(read('答案是三')).toEqual([['三', 3, '']]);
  });
  it('reads world currencies', () => {
    expect(read('兑换600泰铢')).toEqual([['600泰铢', 600, '泰铢']]);
    expect(read('只要99美分')).toEqual([['99美分', 0.99, '美元']]);
    expect(read('持有3个比特币')).toEqual([['3个比特币', 3, '比特币']]);
  });
});

describe('traditional script', () => {
  it('extracts from the corpus in traditional script the figures it extracts in simplified (metric, status and all)', () => {
    const dir = path.resolve(import.meta.dirname, '../../corpus');
    // Full-width digits too: the simplified reading keeps widths, as a simplified passage does.
    const key = (f: LocalFigure) => JSON.stringify([f.start, f.end, f.value, f.valueHi, f.unit, f.qualifier, f.status, foldText(f.metric), foldText(f.period)]);
    let same = 0;
    let total = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
        const wide = line.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        for (const text of [line, wide]) {
          const traditional = new Set(figures(toScript(text, 'traditional')).map(key));
          for (const fig of figures(text)) {
            total++;
            if (traditional.has(key(fig))) same++;
          }
        }
      }
    }
    expect(total).toBeGreaterThan(300);
    expect(same).toBe(total);
  });
});
