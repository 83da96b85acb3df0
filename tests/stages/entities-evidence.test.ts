// Persons need evidence and counted things, taxes and congresses are no entities (issue 21): properties
// over the shipped lists (units.txt, titles.txt, org-suffixes.txt), not only examples.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEntityDictionaries, tagEntities } from '../../src/stages/entities/index.js';
import { segment } from '../../src/stages/segment.js';
import { namesOf, tag } from '../entity-helpers.js';

/** The first column of a dictionary list, comments and blank lines left out. */
function listOf(file: string, keep: (fields: string[]) => boolean = () => true): string[] {
  return readFileSync(new URL(`../../dictionaries/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
    .filter((f) => f[0] && keep(f))
    .map((f) => f[0] as string);
}

const persons = (text: string): string[] => namesOf('person', text);

describe('measure words after a number', () => {
  // Every count and measure word of the figures' unit list, written in Han characters.
  const measures = listOf('units.txt', (f) => (f[1] === 'count' || f[1] === 'measure') && /^[\u4e00-\u9fff]+$/.test(f[0] ?? ''));

  it('reads the unit list', () => {
    expect(measures).toEqual(expect.arrayContaining(['宗', '件', '名', '位', '个']));
  });

  it.each(['13', '三', '２０'])('never starts a person after %s', (number) => {
    const wrong: string[] = [];
    for (const m of measures) {
      for (const rest of ['重建', '明华']) {
        const text = `共有${number}${m}${rest}项目完成。`;
        const at = text.indexOf(m, 2 + number.length - 1);
        const hit = tag(text).find((x) => x.type === 'person' && x.start <= at && x.end > at);
        if (hit) wrong.push(`${text}: ${hit.text}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('titles before a name', () => {
  const titles = listOf('entities/titles.txt');

  it('every title of titles.txt before a surname and a given name makes a person', () => {
    const missed = titles.filter((t) => !persons(`${t}李建华昨天到达北京。`).includes('李建华'));
    expect(missed).toEqual([]);
  });
});

describe('a guessed name without evidence', () => {
  const dicts = loadEntityDictionaries();
  const tagIn = (text: string, document?: string) =>
    tagEntities(text, segment(text), dicts, document === undefined ? {} : { document })
      .filter((m) => m.type === 'person')
      .map((m) => m.text);

  it('a surname and one character said once with no title or verb of saying is no person', () => {
    expect(tagIn('侯御之不能到北京就职')).toEqual([]);
    expect(tagIn('部战争提供了强有力的卫勤保障能力。')).toEqual([]);
  });

  it('said twice in the passage or in the document, it is', () => {
    const text = '侯御之不能到北京就职';
    expect(tagIn(`${text}，侯御很失望。`)).toContain('侯御');
    expect(tagIn(text, `${text}。后来侯御又来了。`)).toContain('侯御');
  });

  it('a title or a verb of saying is evidence enough', () => {
    expect(persons('主任侯御之不能到北京就职')).not.toEqual([]);
    expect(persons('侯御表示不能到北京就职')).toContain('侯御');
  });

  it("a given name of a name's usual characters stands where a person stands", () => {
    expect(persons('王芳在关键时刻能稳定军心')).toContain('王芳');
  });

  it('taxes, fees, cups and verbs with their object are no persons', () => {
    for (const text of ['利得税', '利得稅', '尤伯杯决赛今天开始', '党政机关负责人齐聚古都南京', '本报记者高考首日观察']) expect(persons(text)).toEqual([]);
  });
});

describe('generic descriptions are no organizations', () => {
  const suffixes = listOf('entities/org-suffixes.txt', (f) => (f[0] ?? '').length >= 2);
  const modifiers = ['非上市', '开放式', '综合性', '新型', '非营利'];

  it.each(modifiers)('%s before any organization suffix names no organization', (modifier) => {
    const wrong = suffixes.filter((s) => tag(`该${modifier}${s}已经成立。`).some((m) => m.type === 'org' && m.text.startsWith(modifier)));
    expect(wrong).toEqual([]);
  });

  it('a place of the country and a bare kind of body describe; a national bank or a known bank stands', () => {
    expect(namesOf('org', '香港银行今天宣布加息')).toEqual([]);
    expect(namesOf('org', '国际金融中心的地位')).toEqual([]);
    expect(namesOf('org', '美洲银行宣布合并')).toContain('美洲银行');
    expect(namesOf('org', '上海银行宣布合并')).toContain('上海银行');
  });
});

describe('party congresses', () => {
  it.each(['党的二十大报告指出', '十八大以来', '中共十九大精神', '二十大代表', '黨的二十大報告'])('%s holds no organization or person', (text) => {
    expect(tag(text).filter((m) => m.type !== 'place')).toEqual([]);
  });

  it('十四五 and 十大 are not congresses and take nothing away', () => {
    expect(tag('十四五规划').filter((m) => m.type === 'org')).toEqual([]);
    expect(namesOf('org', '中共中央召开会议')).toContain('中共中央');
  });
});

describe('counted places', () => {
  const places = (text: string): string[] => namesOf('place', text);

  it('a numeral before an administrative suffix counts places, after any preposition: 从三省一市 names no place', () => {
    const wrong: string[] = [];
    for (const prep of ['', '从', '在', '向', '对', '到', '与', '和', '由'])
      for (const numeral of '一二三四五六七八九十两几')
        for (const suffix of ['省', '市', '县', '区', '镇'])
          for (const text of [`记者${prep}${numeral}${suffix}一市发展改革部门获悉`, `专家${prep}${numeral}${suffix}调研回来。`])
            wrong.push(
              ...places(text)
                .filter((p) => p.endsWith(`${numeral}${suffix}`))
                .map((p) => `${text} → ${p}`),
            );
    expect(wrong).toEqual([]);
  });

  it('named places ending in a numeral and a suffix stay places (二七区, 三明市)', () => {
    expect(places('郑州市二七区今年新建学校。')).toContain('二七区');
    expect(places('三明市今年新建学校。')).toContain('三明市');
  });
});
