// The entities stage on the bundled corpus and on the patterns of issue 4: the officials, places and
// organizations an analyst looks for, with the right type and canonical name.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalMention } from '../../src/stages/entities/index.js';
import { toScript } from '../../src/text/script.js';
import { tag } from '../entity-helpers.js';

let corpus: LocalMention[];

function has(mentions: LocalMention[], text: string, type: LocalMention['type'], canonical = text): boolean {
  return mentions.some((m) => m.text === text && m.type === type && m.canonical === canonical);
}

beforeAll(() => {
  const dir = path.resolve(import.meta.dirname, '../../corpus');
  corpus = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    // Lines stand in for passages here; the clean stage rebuilds paragraphs in the real pipeline.
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) corpus.push(...tag(line));
  }
});

describe('sample corpus: what an analyst looks for', () => {
  const leaders: [string, string][] = [
    ['陈吉宁', '上海市委书记'],
    ['龚正', '上海市长'],
    ['信长星', '江苏省委书记'],
    ['许昆林', '江苏省长'],
    ['刘小涛', '江苏省长'],
    ['王浩', '浙江省委书记'],
    ['刘捷', '浙江省长'],
    ['梁言顺', '安徽省委书记'],
    ['王清宪', '安徽省长'],
  ];
  it.each(leaders)('finds every provincial party secretary and governor: %s (%s)', (name) => {
    expect(corpus.some((m) => m.canonical === name && m.type === 'person')).toBe(true);
  });

  it.each([['习近平'], ['阴和俊'], ['周志华'], ['薛敏'], ['丁仲礼'], ['相伟'], ['骆大进']])('finds other named officials and experts: %s', (name) => {
    expect(corpus.some((m) => m.canonical === name && m.type === 'person')).toBe(true);
  });

  it.each([
    ['国家发展改革委'],
    ['南京大学'],
    ['科大讯飞'],
    ['中央财办'],
    ['上海交通大学'],
    ['联影医疗技术集团有限公司'],
    ['新华社', '新华通讯社'],
    ['科技部'],
    ['中国科学院'],
  ])('finds organizations with their canonical name: %s', (name, canonical = name) => {
    expect(corpus.some((m) => m.canonical === canonical && m.type === 'org')).toBe(true);
  });

  it.each([['上海'], ['江苏'], ['浙江'], ['安徽'], ['南京'], ['杭州'], ['合肥'], ['苏州'], ['温州'], ['长三角'], ['太湖']])(
    'finds places with their canonical name: %s',
    (name) => {
      expect(corpus.some((m) => m.canonical === name && m.type === 'place')).toBe(true);
    },
  );

  it('never tags an ordinary word of the corpus as a person', () => {
    const persons = new Set(corpus.filter((m) => m.type === 'person').map((m) => m.text));
    for (const word of ['高水平', '关于', '强调', '幸福感', '苏浙皖', '连云港', '任浙江']) expect(persons.has(word)).toBe(false);
  });
});

describe('patterns', () => {
  it('splits a headline run of glued names into eight persons', () => {
    const text = '陈吉宁信长星王浩梁言顺龚正许昆林刘捷王清宪出席';
    const persons = tag(text)
      .filter((m) => m.type === 'person')
      .map((m) => m.text);
    expect(persons).toEqual(['陈吉宁', '信长星', '王浩', '梁言顺', '龚正', '许昆林', '刘捷', '王清宪']);
  });

  it('splits a headline run of names that are in no dictionary', () => {
    const persons = tag('张建华李明远赵国庆出席会议')
      .filter((m) => m.type === 'person')
      .map((m) => m.text);
    expect(persons).toEqual(['张建华', '李明远', '赵国庆']);
  });

  it('reads an abbreviation run as one place per character, with canonical names', () => {
    const ms = tag('沪苏浙皖紧扣一体化和高质量两个关键词');
    expect(ms.slice(0, 4).map((m) => [m.text, m.type, m.canonical])).toEqual([
      ['沪', 'place', '上海'],
      ['苏', 'place', '江苏'],
      ['浙', 'place', '浙江'],
      ['皖', 'place', '安徽'],
    ]);
  });

  it('reads a country named in full elsewhere in the text by its first character in a pair (乌中两国)', () => {
    const ms = tag('乌拉圭外长表示，乌中两国关系发展良好');
    expect(has(ms, '乌', 'place', '乌拉圭')).toBe(true);
    expect(has(ms, '中', 'place', '中国')).toBe(true);
    // Without the full name nearby, 乌 is the country it is listed for.
    expect(has(tag('乌中两国关系发展良好'), '乌', 'place', '乌克兰')).toBe(true);
    // A character listed for no country stays a character without the full name, or without a pair word.
    expect(tag('秘中两国关系发展良好').some((m) => m.text === '秘')).toBe(false);
    expect(has(tag('秘鲁外长表示，秘中两国关系发展良好'), '秘', 'place', '秘鲁')).toBe(true);
    expect(tag('秘鲁外长表示，秘中长期友好').some((m) => m.text === '秘')).toBe(false);
    // The named country may come second in the pair too.
    expect(has(tag('秘鲁外长表示，中秘两国关系良好'), '秘', 'place', '秘鲁')).toBe(true);
  });

  it('reads an abbreviation run that a preposition is glued to, or that 等国 follows', () => {
    expect(
      tag('各方以日美关系大局为重')
        .filter((m) => m.type === 'place')
        .map((m) => m.canonical),
    ).toEqual(['日本', '美国']);
    expect(
      tag('中日等国代表出席')
        .filter((m) => m.type === 'place')
        .map((m) => m.canonical),
    ).toEqual(['中国', '日本']);
  });

  it('splits two-character runs the segmenter or a country name would keep whole (日欧, 港澳地区, 中非经贸)', () => {
    const places = (text: string) =>
      tag(text)
        .filter((m) => m.type === 'place')
        .map((m) => m.canonical);
    expect(places('在日欧工作的学者')).toEqual(['日本', '欧洲']);
    expect(places('港澳地区的游客')).toEqual(['香港', '澳门']);
    expect(places('中非经贸往来不断发展')).toEqual(['中国', '非洲']);
    // Without a pair word after it, 中非 is the country.
    expect(places('中非总统表示')).toEqual(['中非']);
  });

  it('reads no place in words that an abbreviation opens (出台, 日元), nor in 朝 "towards" or a clock (东京时间)', () => {
    for (const text of ['商务部出台新规定', '欧元对日元的比价', '他朝门口走去', '东京时间8日凌晨']) {
      expect(
        tag(text).filter((m) => m.type === 'place'),
        text,
      ).toEqual([]);
    }
    // The verb before the abbreviation still reads it where no word is spelled (来京, 进藏).
    expect(tag('来京参加会议，进藏工作').map((m) => m.canonical)).toEqual(['北京', '西藏']);
  });

  it('reads an abbreviation with a direction after it as the place, not two places (鄂西, 浙北)', () => {
    expect(
      tag('他刚从鄂西考察回来')
        .filter((m) => m.type === 'place')
        .map((m) => [m.text, m.canonical]),
    ).toEqual([['鄂', '湖北']]);
  });

  it('does not read one abbreviation character on its own as a place', () => {
    expect(tag('苏醒的浙商').some((m) => m.text === '苏' || m.text === '浙')).toBe(false);
  });

  it('does not read an ordinary word spelled with abbreviations as places (加以, 非法)', () => {
    expect(tag('对非法行为加以制止').filter((m) => m.type === 'place')).toEqual([]);
  });

  it('knows 新疆 by its short form and reads 新 as "new", not as Xinjiang', () => {
    expect(has(tag('新疆的棉花丰收了'), '新疆', 'place')).toBe(true);
    expect(has(tag('新疆维吾尔自治区政府发布通知'), '新疆维吾尔自治区', 'place', '新疆')).toBe(true);
    expect(tag('新老员工一起参加培训').some((m) => m.type === 'place')).toBe(false);
  });

  it('finds named sites and facilities: segmenter place words, and proper names before a facility word', () => {
    const ms = tag('游客去了凡尔赛宫和城隍庙，比赛在徐汇体育馆举行，杭甬铁路正在扩建');
    for (const name of ['凡尔赛宫', '城隍庙', '徐汇体育馆', '杭甬铁路']) expect(has(ms, name, 'place'), name).toBe(true);
    // The facility word cut in two (展览/中心), and a one-character kind of site after its place (镇海楼).
    expect(has(tag('博览会在深圳展览中心举行'), '深圳展览中心', 'place')).toBe(true);
    expect(has(tag('游客登上镇海楼远眺'), '镇海楼', 'place')).toBe(true);
    // A place before a bare 铁路 is the country's railways, not a named line.
    expect(tag('印度铁路四通八达').some((m) => m.text === '印度铁路')).toBe(false);
  });

  it('reads words shaped like sites or foreign places as places, not persons (X宫, X阁, X堡, X斯克)', () => {
    const ms = tag('游客参观了凡尔赛宫和滕王阁，代表团随后抵达奥登堡');
    for (const name of ['凡尔赛宫', '滕王阁', '奥登堡']) expect(has(ms, name, 'place'), name).toBe(true);
    expect(ms.some((m) => m.type === 'person')).toBe(false);
  });

  it('finds no place in generic phrases that hold a county name across word bounds (沿海城市, 沿海地区, 海港)', () => {
    expect(tag('东部沿海城市和沿海地区的海港很繁忙').filter((m) => m.type === 'place')).toEqual([]);
  });

  it('splits two known places the segmenter glued before a suffix (吉林长春/市), and finds named airports', () => {
    const ms = tag('吉林长春市的工厂');
    expect(ms.filter((m) => m.type === 'place').map((m) => [m.text, m.canonical])).toEqual([
      ['吉林', '吉林'],
      ['长春市', '长春'],
    ]);
    expect(has(tag('航班从上海虹桥机场起飞'), '上海虹桥机场', 'place')).toBe(true);
  });

  it('reads a run of transliteration characters before an administrative word as one foreign place (马拉里卡州)', () => {
    const ms = tag('代表团访问了马拉里卡州和索兰尼亚大区');
    expect(has(ms, '马拉里卡州', 'place')).toBe(true);
    expect(has(ms, '索兰尼亚大区', 'place')).toBe(true);
    expect(ms.some((m) => m.type === 'person')).toBe(false);
  });

  it('reads a country with its official form as the country (捷克共和国, 西班牙王国)', () => {
    const ms = tag('捷克共和国总统和西班牙王国首相会谈');
    expect(has(ms, '捷克共和国', 'place', '捷克')).toBe(true);
    expect(has(ms, '西班牙王国', 'place', '西班牙')).toBe(true);
  });

  it('knows first-level divisions of other countries, with their short forms', () => {
    const ms = tag('加州和蒙大拿州的选民，以及静冈县的居民');
    expect(has(ms, '加州', 'place', '加利福尼亚')).toBe(true);
    expect(has(ms, '蒙大拿州', 'place', '蒙大拿')).toBe(true);
    expect(has(ms, '静冈县', 'place', '静冈')).toBe(true);
  });

  it('keeps a place that the segmenter glued to an ordinary noun (北京市民, 上海/市民)', () => {
    expect(
      tag('北京市民踊跃捐款')
        .filter((m) => m.type === 'place')
        .map((m) => m.text),
    ).toEqual(['北京']);
    // 上海/市民: the full form 上海市 would cut the word 市民; the place is 上海.
    expect(
      tag('上海市民踊跃捐款')
        .filter((m) => m.type === 'place')
        .map((m) => m.text),
    ).toEqual(['上海']);
  });

  it('resolves aliases to the canonical name', () => {
    const ms = tag('国家发改委和联影集团在沪签约，江苏发改委参加');
    expect(has(ms, '国家发改委', 'org', '国家发展改革委')).toBe(true);
    expect(has(ms, '联影集团', 'org', '联影医疗技术集团有限公司')).toBe(true);
    expect(has(ms, '江苏发改委', 'org', '江苏省发展改革委')).toBe(true);
    expect(has(ms, '沪', 'place', '上海')).toBe(true);
  });

  it('keeps the longest match: a place inside an organization name is not a mention of its own', () => {
    const ms = tag('上海交通大学和南京大学联合攻关');
    expect(ms.map((m) => m.text)).toEqual(['上海交通大学', '南京大学']);
  });

  it('still tags the place where the text uses it on its own', () => {
    const ms = tag('南京大学位于南京。');
    expect(has(ms, '南京大学', 'org')).toBe(true);
    expect(has(ms, '南京', 'place')).toBe(true);
  });

  it('finds a person after a title and before a speech verb', () => {
    expect(has(tag('江苏省委书记信长星说'), '信长星', 'person')).toBe(true);
    expect(has(tag('公司董事长陈志远表示，将扩大投资。'), '陈志远', 'person')).toBe(true);
  });

  it('finds every name of a byline', () => {
    const persons = tag('本报记者 胡静漪 郑亚丽 周琳子')
      .filter((m) => m.type === 'person')
      .map((m) => m.text);
    expect(persons).toEqual(['胡静漪', '郑亚丽', '周琳子']);
  });

  it('finds foreign names written with an interpunct', () => {
    expect(has(tag('技术工程师詹姆斯·董说'), '詹姆斯·董', 'person')).toBe(true);
    // The segmenter cuts the last syllable off the name (萨尔/nr 特在/d); it still belongs to the name.
    expect(has(tag('大使若泽·萨尔特在会上表示'), '若泽·萨尔特', 'person')).toBe(true);
  });

  it('grows an organization name from its suffix over the words before it', () => {
    expect(has(tag('浙江省发展规划研究院副院长认为'), '浙江省发展规划研究院', 'org')).toBe(true);
    expect(has(tag('由嘉兴华远精密机械有限公司牵头'), '嘉兴华远精密机械有限公司', 'org')).toBe(true);
  });

  it('does not make an organization of a generic noun phrase (保险公司) or a verb (举办)', () => {
    const ms = tag('保险公司普遍不愿承保这类风险，论坛在北京举办');
    expect(ms.filter((m) => m.type === 'org')).toEqual([]);
  });

  it('finds a town by its suffix', () => {
    expect(
      tag('昆山市玉山镇再次登顶')
        .filter((m) => m.type === 'place')
        .map((m) => m.text),
    ).toEqual(['昆山市', '玉山镇']);
  });

  it('names a government by its place, not as an organization', () => {
    const ms = tag('埃及政府决定增加投入');
    expect(has(ms, '埃及', 'place')).toBe(true);
    expect(ms.some((m) => m.type === 'org')).toBe(false);
  });

  it('keeps nested organization names whole: a parent body and its unit, a place and its body', () => {
    expect(has(tag('交通运输部综合规划司日前印发通知'), '交通运输部综合规划司', 'org')).toBe(true);
    expect(has(tag('杭州市妇联近日发布'), '杭州市妇联', 'org')).toBe(true);
    // Only the nearest place joins; an organization already named by its place takes no other.
    const ms = tag('江苏省南通市海安市委召开会议');
    expect(ms.some((m) => m.type === 'org' && m.text.startsWith('江苏省'))).toBe(false);
  });

  it('reads one-character country forms in runs before 两国 and after 访', () => {
    const ms = tag('中俄两国元首举行会谈，法国总统将于下月访华');
    expect(has(ms, '中', 'place', '中国')).toBe(true);
    expect(has(ms, '俄', 'place', '俄罗斯')).toBe(true);
    expect(has(ms, '华', 'place', '中国')).toBe(true);
  });

  it('finds names listed with a found name, and a surname with a title as the person', () => {
    const ms = tag('记者王小明、钱大伟报道');
    expect(has(ms, '王小明', 'person')).toBe(true);
    expect(has(ms, '钱大伟', 'person')).toBe(true);
  });

  it('tags a periodical in title brackets and a facility named after its place', () => {
    expect(has(tag('据《扬子晚报》报道'), '扬子晚报', 'org')).toBe(true);
    expect(has(tag('旅客在合肥火车站候车'), '合肥火车站', 'place')).toBe(true);
  });

  it('reads Japanese names by their surname: whole, cut into pieces, and the surname before a title', () => {
    expect(has(tag('佐藤健一郎说，双方应加强合作'), '佐藤健一郎', 'person')).toBe(true);
    expect(has(tag('铃木首相表示欢迎'), '铃木', 'person')).toBe(true);
  });

  it('does not read 强 as the start of 强调 when it ends a given name', () => {
    expect(has(tag('我们从刘建强那里拿到了资料'), '刘建强', 'person')).toBe(true);
  });

  it('knows world cities from the CLDR list', () => {
    expect(has(tag('会议在叶卡捷琳堡举行'), '叶卡捷琳堡', 'place')).toBe(true);
  });

  it('reads a country before a bare kind of body (日本公司, 韩国大学生) as the place, not an organization', () => {
    const ms = tag('不少日本公司招聘韩国大学生');
    expect(has(ms, '日本', 'place')).toBe(true);
    expect(has(ms, '韩国', 'place')).toBe(true);
    expect(ms.some((m) => m.type === 'org')).toBe(false);
    expect(has(tag('他在中国工商银行工作'), '中国工商银行', 'org')).toBe(true);
  });

  it('finds sports teams named by a club or a place, not a generic 球队', () => {
    expect(has(tag('他们战胜了嘉兴蓝鲸队'), '嘉兴蓝鲸队', 'org')).toBe(true);
    expect(tag('几支欧洲球队表现出色').some((m) => m.type === 'org')).toBe(false);
  });

  it('finds towns, villages and temples the segmenter cut into pieces, not generic 乡镇', () => {
    expect(has(tag('来到红石镇和青松乡'), '青松乡', 'place')).toBe(true);
    expect(tag('各乡镇都已通电').some((m) => m.type === 'place')).toBe(false);
    expect(tag('中小城镇建设').some((m) => m.type === 'place')).toBe(false);
  });

  it("takes the segmenter's organization names ending in 大学, 中心, 组织, not a common word before them", () => {
    expect(has(tag('他毕业于中南财经政法大学'), '中南财经政法大学', 'org')).toBe(true);
    expect(tag('信息中心的数据').some((m) => m.type === 'org')).toBe(false);
  });

  it("finds a ministry before its head's title, a place's traffic police and a national team by its short name", () => {
    expect(has(tag('泰国农业部长表示'), '泰国农业部', 'org')).toBe(true);
    expect(has(tag('杭州交警在路口执勤'), '杭州交警', 'org')).toBe(true);
    expect(has(tag('日本女排获胜'), '日本女排', 'org')).toBe(true);
  });

  it('reads a three-character name after a title when the segmenter cut its last character off', () => {
    const ms = tag('县长柯光新经常下乡');
    expect(has(ms, '柯光新', 'person')).toBe(true);
    expect(has(ms, '柯光', 'person')).toBe(false);
  });

  it('reads a foreign name after a role of world news (特使, 外援)', () => {
    expect(has(tag('联合国特使莫拉蒂抵达'), '莫拉蒂', 'person')).toBe(true);
    expect(has(tag('球队外援卡里诺进球'), '卡里诺', 'person')).toBe(true);
  });

  it('keeps a party centre and a department the segmenter took for a name inside the organization', () => {
    expect(has(tag('社会党中央发表声明'), '社会党中央', 'org')).toBe(true);
    const ms = tag('县委宣传部副部长出席');
    expect(has(ms, '县委宣传部', 'org')).toBe(true);
    expect(ms.some((m) => m.type === 'person')).toBe(false);
  });

  it('gives offsets into the tagged text', () => {
    const text = '据报道，安徽省委书记梁言顺出席。';
    for (const m of tag(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('traditional script', () => {
  it('tags a traditional passage as its simplified form, keeping the passage’s own characters as the mention text', () => {
    const mentions = tag('國務院總理李強在廣州考察粵港澳大灣區建設。');
    expect(mentions.map((m) => [m.text, m.type, m.canonical, m.start])).toEqual([
      ['國務院', 'org', '国务院', 0],
      ['李強', 'person', '李强', 5],
      ['廣州', 'place', '广州', 8],
      ['粵港澳大灣區', 'place', '粤港澳大湾区', 12],
    ]);
  });

  it('finds in the traditional corpus the mentions it finds in the simplified one (same offsets, type, canonical)', () => {
    const dir = path.resolve(import.meta.dirname, '../../corpus');
    const key = (m: LocalMention) => `${m.start}:${m.end}:${m.type}:${m.canonical}`;
    let found = 0;
    let total = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
        const traditional = new Set(tag(toScript(line, 'traditional')).map(key));
        for (const m of tag(line)) {
          total++;
          if (traditional.has(key(m))) found++;
        }
      }
    }
    expect(total).toBeGreaterThan(1000);
    // A heading of one traditional character (長沙) reads as simplified text: the only misses allowed.
    expect(found / total).toBeGreaterThan(0.99);
  });
});
