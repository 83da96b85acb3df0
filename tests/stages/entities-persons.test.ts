// Person names beyond the dictionary (persons/): the patterns of issue 4, each on invented sentences.
import { describe, expect, it } from 'vitest';
import { namesOf } from '../entity-helpers.js';

const persons = (text: string): string[] => namesOf('person', text);

describe('foreign names with a joiner', () => {
  it('cuts a verb or a particle glued to the last part', () => {
    expect(persons('分析师琳达·帕特马斯说，经济会好转')).toContain('琳达·帕特马斯');
    expect(persons('她和阿·帕斯托娃均获得金牌')).toContain('阿·帕斯托娃');
  });

  it('leaves out what the segmenter glued before the first part', () => {
    expect(persons('来自加拿大的艾·诺维科娃获胜')).toContain('艾·诺维科娃');
  });

  it('takes back syllables of the first part the segmenter split off', () => {
    expect(persons('外交部长萨莱维·科米宁抵达。')).toContain('萨莱维·科米宁');
    expect(persons('工程师彼得士·罗宾逊告诉记者')).toContain('彼得士·罗宾逊');
  });

  it('joins transliterated parts with a single dash, not with a double one or between numbers', () => {
    expect(persons('议员彼得—米勒在会上发言')).toContain('彼得—米勒');
    expect(persons('1998—2000年，中国—东盟博览会')).toEqual([]);
  });

  it('joins no single character with a dash, and leaves a place in 镇 or 州 to places', () => {
    expect(persons('道—米诺30种股票')).toEqual([]);
    expect(persons('她家住在卡·维诺夫斯卡镇')).not.toContain('卡·维诺夫斯卡');
  });

  it('stops at a known people before the first part', () => {
    expect(persons('瑞典人维克·范德森出任主席')).toContain('维克·范德森');
  });

  it('takes no series word or organization word into the name', () => {
    expect(persons('《名家精粹·梅兰芳专辑》')).toEqual(['梅兰芳']);
    expect(persons('代表聚集在彼得·奥尔森大学讨论')).not.toContain('彼得·奥尔森');
  });
});

describe('a surname the segmenter cut from its given name', () => {
  it('finds 张 tagged as a measure word before an unknown given name, not after a number', () => {
    expect(persons('后来张增斌走了')).toEqual(['张增斌']);
    expect(persons('他买了三张票')).toEqual([]);
  });

  it('is no name before a verb: the character is a word of its own there', () => {
    expect(persons('他忙得连吃饭的时间都没有')).toEqual([]);
    expect(persons('要让牧民早日富起来')).toEqual([]);
  });
});

describe('a surname alone with 老 or a title', () => {
  it('finds the surname in 老X and in X老 glued to the next character', () => {
    expect(persons('老钱退休后天天钓鱼')).toEqual(['钱']);
    expect(persons('我们陪邹老去公园散步')).toEqual(['邹']);
    expect(persons('老是下雨，老师说')).toEqual([]);
  });

  it('finds the surname glued to a preposition or a verb before a title', () => {
    expect(persons('当郑局长走进车间时')).toEqual(['郑']);
    expect(persons('能否托闻市长出面')).toEqual(['闻']);
  });

  it('finds a surname tagged as another word at the start of a clause before a title', () => {
    expect(persons('会上，龙副局长介绍')).toEqual(['龙']);
  });
});

describe('transliterated names', () => {
  it('spells 约翰, 保罗 and 路易 with transliteration characters', () => {
    expect(persons('观众都喜欢保拉斯的球风')).toEqual(['保拉斯']);
  });

  it('finds foreign names listed with each other', () => {
    expect(persons('大家认为，约翰森和米勒旗鼓相当')).toEqual(['约翰森', '米勒']);
  });

  it('finds one led by a surname character when it is too long for a Chinese name', () => {
    expect(persons('那天伯雷费尔教授来访')).toEqual(['伯雷费尔']);
  });
});

describe('two-character names the segmenter did not know', () => {
  it('finds a surname and a usual given-name character after a word and before a break, a verb or an adverb', () => {
    expect(persons('她是山里姑娘苏婉，今年二十岁')).toEqual(['苏婉']);
    expect(persons('调解遭到褚峰拒绝。')).toEqual(['褚峰']);
    expect(persons('而熊洁后来也来了')).toEqual(['熊洁']);
    expect(persons('他说邬斌就是主力')).toEqual(['邬斌']);
  });
});

describe('Japanese names', () => {
  it('finds a surname alone as the subject of a clause', () => {
    expect(persons('会谈后，井上又说明了立场')).toEqual(['井上']);
    expect(persons('而井上则在记者会上说明')).toEqual(['井上']);
    expect(persons('井上的水很清')).toEqual([]);
  });
});

describe('names the segmenter tags as names', () => {
  it('keeps a compound surname and a one-character given name', () => {
    expect(persons('司马光写了一本书。')).toEqual(['司马光']);
    expect(persons('上官云到任后，工作有了起色')).toEqual(['上官云']);
  });
});

describe('names after titles and in lists', () => {
  it('reads a name after a title of office or of a trade', () => {
    expect(persons('特派员郝少农等人出席')).toEqual(['郝少农']);
  });

  it('joins a surname and a given name cut into single characters before a title', () => {
    expect(persons('收录先辈、马骢教授的诗')).toEqual(['马骢']);
  });

  it('reads a name before a verb of announcing, denying or urging', () => {
    expect(persons('会上王明宣布了结果')).toEqual(['王明']);
    expect(persons('随后王明否认此事')).toEqual(['王明']);
  });

  it('reads a name before 等人, 一行, 夫妇 (words that say it names people)', () => {
    expect(persons('王明等人出席')).toEqual(['王明']);
    expect(persons('迪诺等人被捕')).toEqual(['迪诺']);
    expect(persons('卡洛维一行抵达')).toEqual(['卡洛维']);
    expect(persons('这是井上一行的行程')).toEqual(['井上']);
  });

  it('reads a title the segmenter cut across two words', () => {
    expect(persons('中国名将钱秀英')).toEqual(['钱秀英']);
    expect(persons('法国名将曼斯菲尔德出场')).toEqual(['曼斯菲尔德']);
  });

  it('cuts a speech verb glued to a two-character name after a title', () => {
    expect(persons('车间主任钱华说，今年产量翻番')).toEqual(['钱华']);
  });

  it('ends a list of names before a word of kinship', () => {
    expect(persons('村民汪德福、汪德贵父子')).toEqual(['汪德福', '汪德贵']);
  });

  it('finds both players of a doubles pair, not units around a slash', () => {
    expect(persons('魏建峰／邹玉珍获得混双冠军')).toEqual(['魏建峰', '邹玉珍']);
    expect(persons('但冯丽／童俊还是赢了')).toEqual(['冯丽', '童俊']);
    expect(persons('时速120公里/小时')).toEqual([]);
  });
});

describe("the segmenter's name tags on things", () => {
  it('reads no person in a transliterated word right before a noun', () => {
    expect(persons('使用伊莱克斯冰箱')).toEqual([]);
  });

  it('reads a person after a profession in 家', () => {
    expect(persons('著名音乐家贝多芬诞辰')).toEqual(['贝多芬']);
  });

  it('reads no person in a surname-led word ending like a building or a thing', () => {
    expect(persons('这里有个龙王庙')).toEqual([]);
    expect(persons('他拿出一本蓝皮书')).toEqual([]);
    expect(persons('这是一座万寿宫')).toEqual([]);
  });
});

describe('ordinary words that look like a surname and more', () => {
  it('reads an adjective or a word in 老 as that word, not a surname and 老', () => {
    expect(persons('这座古老的城市')).toEqual([]);
  });

  it('reads a frequent word before a title as that word', () => {
    expect(persons('这位博客作者说')).toEqual([]);
  });

  it('reads no name that ends like a dynasty', () => {
    expect(persons('后来又出现了燕朝')).toEqual([]);
  });

  it('reads 连 … 也/都 as "even", also after a title', () => {
    expect(persons('再这样下去连饭碗也保不住')).toEqual([]);
    expect(persons('这位教练连基本战术都不懂')).toEqual([]);
    expect(persons('这些队员连基本训练都不参加')).toEqual([]);
  });
});
