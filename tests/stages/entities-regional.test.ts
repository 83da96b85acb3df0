// Hong Kong, Macao and Taiwan names as data (issue 21): every entry of the regional gazetteers is tagged as its
// type in a neutral sentence, in traditional and in simplified script, and every alias resolves to its
// canonical name; a place before 地区 is one place; a PDF paragraph whose layout broke names in two gives
// whole mentions whose offsets cover both parts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/stages/clean.js';
import { readSource } from '../../src/stages/read.js';
import { segment } from '../../src/stages/segment.js';
import {
  buildDictionaries,
  canonicalForm,
  defaultDictionaryDir,
  loadEntityDictionaries,
  nameReading,
  parseEntityFile,
  type EntityEntry,
} from '../../src/stages/entities/dictionary.js';
import { prepareSegmenter, tagEntities, type LocalMention } from '../../src/stages/entities/index.js';
import { spanToSource } from '../../src/text/offsets.js';
import { toScript } from '../../src/text/script.js';
import { tag } from '../entity-helpers.js';

const REGIONAL = ['orgs-hk.txt', 'orgs-mo.txt', 'orgs-tw.txt', 'places-hkmotw.txt'];
const dir = defaultDictionaryDir();
const entriesOf = (file: string): EntityEntry[] => parseEntityFile(readFileSync(path.join(dir, file), 'utf8'), file).entries;
const regional = REGIONAL.flatMap((f) => entriesOf(f).map((e) => ({ ...e, file: f })));

/** Neutral carriers: nothing around the name reads as part of a name. */
const carrier = (name: string, script: 'simplified' | 'traditional'): { text: string; at: number } => {
  const before = script === 'simplified' ? '报道提到：' : '報道提到：';
  const after = script === 'simplified' ? '。这是一则消息。' : '。這是一則消息。';
  return { text: `${before}${name}${after}`, at: before.length };
};

const wholeMention = (mentions: LocalMention[], at: number, length: number) => mentions.find((m) => m.start === at && m.end === at + length);

describe('regional gazetteers: every entry and alias', () => {
  it('hold a few hundred entries', () => {
    expect(regional.length).toBeGreaterThan(600);
  });

  it('tags every name whole as its type, in traditional and in simplified script', () => {
    const misses: string[] = [];
    for (const e of regional) {
      const canonical = canonicalForm(e.name);
      for (const script of ['traditional', 'simplified'] as const) {
        const name = script === 'traditional' ? e.name : nameReading(e.name);
        const { text, at } = carrier(name, script);
        const m = wholeMention(tag(text), at, name.length);
        if (!m || m.type !== e.type || m.canonical !== canonical) misses.push(`${script} ${name} → ${m ? `${m.type} ${m.canonical}` : 'none'}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('resolves every alias to its canonical name, unless another entry holds it first (reported here)', () => {
    const dicts = loadEntityDictionaries();
    const wrong: string[] = [];
    for (const e of regional) {
      for (const alias of e.aliases) {
        const hit = dicts.surfaces.get(nameReading(alias));
        if (hit?.canonical !== canonicalForm(e.name)) wrong.push(`${alias} → ${hit?.canonical ?? 'nothing'} (not ${e.name})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives canonical names in simplified script (as the stage reads them)', () => {
    const dicts = loadEntityDictionaries();
    const traditional = regional.map((e) => canonicalForm(e.name)).filter((name) => !dicts.entries.has(name) || nameReading(name) !== name);
    expect(traditional).toEqual([]);
  });

  it('repeats no name of another entity file (a name in two files only to add aliases is merged on purpose)', () => {
    const others = new Set<string>();
    for (const f of [
      'orgs-cn.txt',
      'orgs-world.txt',
      'geography-cn.txt',
      'world.txt',
      'countries.txt',
      'world-cities.txt',
      'world-regions.txt',
      'domain-yrd.txt',
    ]) {
      for (const e of entriesOf(f)) others.add(e.name);
    }
    const places = entriesOf('places-cn.txt').map((e) => e.name);
    const repeated = regional.filter((e) => others.has(canonicalForm(e.name)) && e.aliases.length === 0).map((e) => e.name);
    expect(repeated).toEqual([]);
    // Only the three regions themselves are written again, to give them aliases.
    expect(
      regional
        .filter((e) => places.includes(canonicalForm(e.name)))
        .map((e) => e.name)
        .sort(),
    ).toEqual(['台灣', '澳門', '香港'].sort());
  });
});

describe('names written in either script', () => {
  const dicts = buildDictionaries({
    entityFiles: [
      { file: 'a.txt', text: '海洋公園 place\n立法會 org 議會甲\n' },
      { file: 'b.txt', text: '海洋公园 place 海园\n乾县 place\n' },
    ],
    lists: {},
  });

  it('make one entry per name, canonical in simplified script, with the aliases of both files', () => {
    expect(dicts.entries.get('海洋公园')?.aliases).toEqual(expect.arrayContaining(['海洋公園', '海园']));
    expect([...dicts.entries.keys()].sort()).toEqual(['乾县', '海洋公园', '立法会'].sort());
  });

  it('match in both scripts, and as written where the reading would change a simplified name (乾县)', () => {
    for (const surface of ['立法會', '立法会', '议会甲', '議會甲', '乾县', '干县']) expect(dicts.surfaces.get(surface)?.type).toBeDefined();
    expect(dicts.surfaces.get('議會甲')?.canonical).toBe('立法会');
    expect(dicts.surfaces.get('干县')?.canonical).toBe('乾县');
  });

  it('tag a traditional name in a passage too short to be read as traditional (one changed character)', () => {
    expect(tag('立法會主席今日表示').map((m) => [m.text, m.canonical])).toEqual([['立法會', '立法会']]);
  });
});

describe('regional names in text', () => {
  it('reads the abbreviations of an HK text and the full names alike', () => {
    const text = '立法會財務委員會今日開會，財委會主席表示，特區政府會繼續支持旅遊發展局、保險業監管局及地政總署的工作。';
    const orgs = tag(text).filter((m) => m.type === 'org');
    expect(orgs.map((m) => [m.text, m.canonical])).toEqual([
      ['立法會財務委員會', '立法会财务委员会'],
      ['財委會', '立法会财务委员会'],
      ['特區政府', '特区政府'],
      ['旅遊發展局', '香港旅游发展局'],
      ['保險業監管局', '保险业监管局'],
      ['地政總署', '地政总署'],
    ]);
    // The same text in simplified script gives the same canonical names at the same offsets.
    const simplified = tag(toScript(text, 'simplified')).filter((m) => m.type === 'org');
    expect(simplified.map((m) => [m.start, m.end, m.canonical])).toEqual(orgs.map((m) => [m.start, m.end, m.canonical]));
  });

  it('never keeps a truncated tail of a known longer name (事務監察委員會 of 證券及期貨事務監察委員會)', () => {
    for (const text of ['證券及期貨事務監察委員會已完成檢討。', '香港的證券及期貨事務監察委員會發出警告。', '证券及期货事务监察委员会表示']) {
      const orgs = tag(text).filter((m) => m.type === 'org');
      expect(orgs.map((m) => m.canonical)).toEqual(['证券及期货事务监察委员会']);
    }
  });

  it('tags a place and 地区 as one place (亞太地區, 亚太地区, 台湾地区), but keeps abbreviation runs apart (港澳地区)', () => {
    const places = (text: string) =>
      tag(text)
        .filter((m) => m.type === 'place')
        .map((m) => [m.text, m.canonical]);
    expect(places('貿發局在亞太地區舉辦推廣活動')).toEqual([['亞太地區', '亚太']]);
    expect(places('亚太地区经济增长')).toEqual([['亚太地区', '亚太']]);
    expect(places('台湾地区领导人')).toEqual([['台湾地区', '台湾']]);
    expect(places('港澳地区的游客')).toEqual([
      ['港', '香港'],
      ['澳', '澳门'],
    ]);
  });

  it('tags landmarks as places (海洋公園, 迪士尼樂園, 啟德郵輪碼頭, 港珠澳大橋)', () => {
    const places = tag('旅客可經港珠澳大橋前往海洋公園、迪士尼樂園和啟德郵輪碼頭。').filter((m) => m.type === 'place');
    expect(places.map((m) => m.canonical)).toEqual(['港珠澳大桥', '香港海洋公园', '香港迪士尼乐园', '启德邮轮码头']);
  });
});

// A synthetic page of an HK government report as PDF text extraction gives it: short lines cut anywhere,
// names broken across lines, the first body line with no sentence end yet.
const PDF_PAGE = [
  '香港貿易發展局二〇二四年工作報告',
  '',
  '二〇二四年，香港經濟穩步復甦，香港貿易',
  '發展局在亞太地區舉辦多項推廣活動，並與香港交易',
  '所合作推介上市融資服務。證券及期貨事務監察',
  '委員會及保險業監管局亦派員出席。立法會財務委',
  '員會於二月批准撥款，財委會主席表示，特區政府',
  '會繼續支持旅遊發展局、海洋公園及香港迪士尼樂',
  '園的發展。',
  '',
].join('\n');

describe('mentions across layout breaks (PDF text through read, clean and tag)', () => {
  const source = readSource('report.txt', Buffer.from(PDF_PAGE));
  const dicts = loadEntityDictionaries();
  prepareSegmenter(dicts);
  const mentions = clean(source, { maxPassageChars: 400 }).flatMap((p) =>
    tagEntities(p.text, segment(p.text), dicts).map((m) => ({ ...m, ...spanToSource(p.map, m.start, m.end) })),
  );

  it.each([
    ['香港貿易\n發展局', 'org', '香港贸易发展局'],
    ['香港交易\n所', 'org', '香港交易及结算所有限公司'],
    ['證券及期貨事務監察\n委員會', 'org', '证券及期货事务监察委员会'],
    ['立法會財務委\n員會', 'org', '立法会财务委员会'],
    ['香港迪士尼樂\n園', 'place', '香港迪士尼乐园'],
  ])('finds %j as one mention whose source offsets cover both lines', (written, type, canonical) => {
    const start = PDF_PAGE.indexOf(written);
    expect(start).toBeGreaterThan(0);
    const m = mentions.find((x) => x.start === start && x.end === start + written.length);
    expect(m).toMatchObject({ type, canonical });
  });

  it('keeps the other names of the page whole too', () => {
    const found = new Set(mentions.map((m) => m.canonical));
    for (const name of ['亚太', '保险业监管局', '立法会财务委员会', '特区政府', '香港旅游发展局', '香港海洋公园']) expect(found.has(name)).toBe(true);
    expect(found.has('事务监察委员会')).toBe(false);
  });
});
