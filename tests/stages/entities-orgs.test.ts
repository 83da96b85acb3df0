// Organization recognition: general patterns of organization names in news text. Every example is invented.
import { describe, expect, it } from 'vitest';
import { namesOf, tag } from '../entity-helpers.js';

const orgs = (text: string): string[] => namesOf('org', text);

describe('organization dictionaries', () => {
  it('knows former ministries, short forms of large enterprises and parties of other countries', () => {
    expect(orgs('当年煤炭部和电力部联合发文')).toEqual(['煤炭部', '电力部']);
    expect(
      tag('首钢与国航签订协议')
        .filter((m) => m.type === 'org')
        .map((m) => m.canonical),
    ).toEqual(['首钢', '中国国际航空公司']);
    expect(orgs('工党在选举中失利')).toEqual(['工党']);
    expect(orgs('意大利内政部和美国联邦调查局')).toEqual(['意大利内政部', '美国联邦调查局']);
    expect(orgs('韩国外交部和日本防卫省')).toEqual(['韩国外交部', '日本防卫省']);
  });

  it('does not read a name inside an ordinary word (部门)', () => {
    expect(orgs('各级文化部门和农业部门加强检查')).toEqual([]);
  });

  it('still reads a ministry glued to its minister title', () => {
    expect(orgs('文化部副部长出席会议')).toContain('文化部');
  });

  it("keeps a department whose name ends in a ministry's name whole (…规划建设部副部长)", () => {
    expect(orgs('管委会城乡规划建设部副部长说')).toEqual(['管委会城乡规划建设部']);
  });
});

describe('bodies named by their level of administration', () => {
  it('keeps the level before the body: 县教委, 镇卫生院, 区人大常委会, 自治区 + field + 学会', () => {
    expect(orgs('县教委召开会议')).toEqual(['县教委']);
    expect(orgs('镇卫生院新建了病房')).toEqual(['镇卫生院']);
    expect(orgs('区人大常委会审议报告')).toEqual(['区人大常委会']);
    expect(orgs('区党委召开会议')).toEqual(['区党委']);
    expect(orgs('省农业厅发文')).toEqual(['省农业厅']);
    expect(orgs('自治区文物学会举办年会')).toEqual(['自治区文物学会']);
  });

  it('takes the party organ of a body named by its kind (厂党委, 局党组)', () => {
    expect(orgs('厂党委决定')).toEqual(['厂党委']);
    expect(orgs('局党组召开会议')).toEqual(['局党组']);
  });

  it('leaves a level without a body alone', () => {
    expect(orgs('市里的道路已经修好')).toEqual([]);
  });
});

describe('units of a body', () => {
  it('names a unit with its parent: a department, an office, the office of a paper', () => {
    expect(orgs('南京大学物理系主任介绍')).toEqual(['南京大学物理系']);
    expect(orgs('江南大学招生办公室发布简章')).toEqual(['江南大学招生办公室']);
    expect(tag('浙江日报社长致辞').find((m) => m.type === 'org')?.text).toBe('浙江日报社');
  });

  it('stops at a verb or a word that is no unit', () => {
    expect(orgs('江南大学创办了学报')).toEqual(['江南大学']);
    expect(orgs('外交部发言人表示')).toEqual(['外交部']);
    expect(orgs('河南队主场迎战云南队')).toEqual(['河南队', '云南队']);
  });
});

describe('companies named after a person', () => {
  it('takes a name before 公司 or 集团, and a foreign name with its middle dot', () => {
    expect(orgs('史密斯公司宣布裁员')).toEqual(['史密斯公司']);
    expect(orgs('红旗机械厂工人')).toEqual(['红旗机械厂']);
    expect(orgs('约翰·霍普金斯大学的研究人员')).toEqual(['约翰·霍普金斯大学']);
  });
});

describe('names in quotation marks', () => {
  it('takes a quoted name with its kind of body, and a quoted name ending in one', () => {
    expect(orgs('韩国“春蕾”艺术团来华演出')).toEqual(['韩国“春蕾”艺术团']);
    expect(orgs('“飞鹰”队获胜')).toEqual(['“飞鹰”队']);
    expect(orgs('“绿洲集团”宣布')).toEqual(['绿洲集团']);
  });

  it('leaves a quoted bare kind and a quoted slogan ending in one character of a kind alone', () => {
    expect(orgs('这家“公司”其实只有一个人')).toEqual([]);
    expect(orgs('推行“最多跑一次”和“掌上办”')).toEqual([]);
  });
});

describe('descriptions that are no names', () => {
  it('stops an organization name at words that count or qualify (两国, 有关, 全国性)', () => {
    expect(orgs('中日两国有关公司签署协议')).toEqual([]);
    expect(orgs('英国全国性报社纷纷报道')).toEqual([]);
    expect(orgs('他们是亚洲强队')).toEqual([]);
  });

  it('does not make a body of a word that ends in an ordinary one (村干部), nor of 两院 after a legislature', () => {
    expect(orgs('青松村村干部带头修路')).toEqual([]);
    expect(orgs('国会两院通过法案')).toEqual(['国会']);
  });

  it("leaves the segmenter's generic organization words alone (音乐会, 公共场所)", () => {
    expect(orgs('昨晚的音乐会很成功，公共场所禁止吸烟')).toEqual([]);
  });
});

describe('more kinds of body and glued committees', () => {
  it('knows grassroots kinds of body (供销社, 信用社) and parliamentary groups', () => {
    expect(orgs('青石镇供销社的营业员')).toEqual(['青石镇供销社']);
    expect(orgs('武昌区地税所的工作人员')).toEqual(['武昌区地税所']);
    expect(orgs('工党议会党团的建议')).toEqual(['工党议会党团']);
    expect(orgs('国家杜马国防委员会主席发言')).toEqual(['国家杜马国防委员会']);
    expect(orgs('总后文工团和武汉杂技团来演出')).toEqual(['总后文工团', '武汉杂技团']);
    expect(orgs('新华社浙江分社记者报道')).toEqual(['新华社浙江分社']);
    expect(orgs('上海海关查获一批走私货物')).toEqual(['上海海关']);
    expect(orgs('济南军区司令员视察')).toEqual(['济南军区']);
  });

  it("reads a county's party committee when the segmenter glued 委 to the next character", () => {
    expect(orgs('沙河县委副书记到会')).toEqual(['沙河县委']);
    expect(orgs('安吉县委托第三方评估')).toEqual([]);
  });
});

describe('short names glued to a neighbouring character', () => {
  it('reads a known organization inside an unknown word the segmenter guessed (北大后/x)', () => {
    expect(orgs('他考入北大后才发现')).toEqual(['北大']);
  });
});

describe('names enumerated before 等 and a kind of organization', () => {
  it('makes each item an organization of that kind', () => {
    expect(orgs('红星、蓝天和金鹰等公司')).toEqual(['红星', '蓝天', '金鹰']);
  });

  it('leaves lists of places, people and things alone', () => {
    expect(orgs('上海、北京等城市')).toEqual([]);
    expect(orgs('苹果、香蕉等水果')).toEqual([]);
    expect(orgs('王建国、李明华等公司高管出席')).toEqual([]);
    expect(orgs('张华、李强等企业负责人')).toEqual([]);
  });
});

describe('teams', () => {
  it('joins a sport character the segmenter cut off the team word (网/n 球队/n)', () => {
    expect(orgs('日本女子网球队昨天抵达')).toEqual(['日本女子网球队']);
  });
});

describe('numbered bodies of a place', () => {
  it('keeps the number inside the name (杭州第二中学, 北京101中学)', () => {
    expect(orgs('杭州第二中学的学生')).toEqual(['杭州第二中学']);
    expect(orgs('北京101中学的老师')).toEqual(['北京101中学']);
  });

  it('does not name the largest few of a country (两大银行, 三大汽车公司)', () => {
    expect(orgs('中国两大银行')).toEqual([]);
    expect(orgs('美国三大汽车公司')).toEqual([]);
  });
});

describe('state bodies whose kind is a common word', () => {
  it('names a body of a place even when its word is common (管理局, 交通委)', () => {
    expect(orgs('长江航务管理局发布通告')).toEqual(['长江航务管理局']);
    expect(orgs('北京市交通委表示')).toEqual(['北京市交通委']);
  });

  it('does not make a body of a situation or a title (僵局, 政委)', () => {
    expect(orgs('中东僵局难以打破')).toEqual([]);
    expect(orgs('济南军区政委视察')).toEqual(['济南军区']);
  });
});

describe('missions abroad', () => {
  it('names a mission by its sender, 驻 and where it is', () => {
    expect(orgs('中国驻纽约总领事馆发言人表示')).toEqual(['中国驻纽约总领事馆']);
    expect(orgs('新华社驻东京记者站报道')).toEqual(['新华社驻东京记者站']);
  });
});
