// tagWords() takes nodejieba's cut and looks the POS tags up in JavaScript (src/stages/pos-tags.ts); its
// tokens must be exactly those of nodejieba.tag, on news text in both scripts, on odd characters, and for
// words inserted with tags of their own (also over a word of jieba's dictionary, and twice).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import nodejieba from 'nodejieba';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResources } from '../../src/pipeline/annotate.js';
import { PipelineConfig } from '../../src/pipeline/config.js';
import type { Token } from '../../src/schema.js';
import { clean } from '../../src/stages/clean.js';
import { loadEntityDictionaries } from '../../src/stages/entities/index.js';
import { jiebaMainDictionary } from '../../src/stages/jieba-dictionary.js';
import { readSource } from '../../src/stages/read.js';
import { addWords, forceWords, retagged, segment, tagWords } from '../../src/stages/segment.js';
import { foldText, simplifiedReading } from '../../src/text/fold.js';
import { toScript } from '../../src/text/script.js';
import { CORPUS, ROOT } from '../helpers.js';

/**
 * tagWords() as it was written over nodejieba.tag: the reference. Words of jieba's own dictionary that a stage
 * tags otherwise keep their weight in nodejieba (not re-inserted), so their tag comes from zhpipe's lookup.
 */
function tagged(text: string): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const { word, tag: jiebaTag } of nodejieba.tag(text)) {
    const tag = retagged(word) ?? jiebaTag;
    const at = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (at < 0) continue;
    tokens.push({ text: word, tag, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return tokens;
}

const config = PipelineConfig.parse({
  name: 'segment-test',
  stages: ['read', 'clean', 'segment', 'entities', 'figures', 'index'],
  dictionaries: path.join(ROOT, 'dictionaries'),
});

/** The words of Meilisearch's dictionary, which the segment stage keeps whole (as it does when it first runs). */
let dictionaryWords: readonly string[] = [];

beforeAll(() => {
  // The project's words and entity names, as every pipeline run inserts them.
  dictionaryWords = loadResources(config).vocabulary.words;
  forceWords(dictionaryWords);
  addWords([
    { word: '测试新词甲', tag: 'nz' },
    { word: '中国', tag: 'nt' }, // a word of jieba's dictionary (ns) given another tag
    { word: '改革开放', tag: 'vn' },
    { word: '改革开放', tag: 'i' }, // the same word twice: the last tag wins
    { word: 'ABC公司' },
    { word: '新词\ud800乙', tag: 'n' }, // a lone surrogate reaches nodejieba as U+FFFD
  ]);
});

/** The cleaned passages of corpus/, as written and converted to traditional script. */
function* corpusPassages(): Generator<string> {
  for (const file of readdirSync(CORPUS)) {
    const original = readFileSync(path.join(CORPUS, file), 'utf8');
    for (const text of [original, toScript(original, 'traditional')]) for (const p of clean(readSource(file, Buffer.from(text)), config.clean)) yield p.text;
  }
}

describe('tagWords', () => {
  it('gives the tokens and tags of nodejieba.tag on the corpus, in both scripts and on the simplified copy', () => {
    let passages = 0;
    for (const text of corpusPassages()) {
      for (const t of [text, foldText(text)]) expect(tagWords(t)).toEqual(tagged(t));
      passages++;
    }
    expect(passages).toBeGreaterThan(100);
  });

  it('gives the tags of nodejieba.tag on odd text and inserted words', () => {
    const texts = [
      '云计算和区块链在蓝翔，韩玉鉴赏。', // the user dictionary: without a tag, nz, freq + nz
      '中国的改革开放和测试新词甲，ABC公司与新词\ud800乙。',
      '5G网络、PM2.5、COVID-19、3D打印、iPhone 15 Pro、A股、100%、1/3、12:30、2025年、Ｇ６０、１２３。',
      'a b  c\t\n\r 5 x9 9x 99 abc123 a1b2c3 ab12 1a 12ab 123abc',
      '😀表情🇨🇳国旗，𠮷野家，\ud83d孤，\udc00立。',
      'ひらがなカタカナ한국어 Ελληνικά русский عربى',
      '「引號」『書名』《书名》——…・·﹏',
      '',
      ' ',
    ];
    for (const t of texts) expect(tagWords(t)).toEqual(tagged(t));
  });

  it('gives the tags of nodejieba.tag on random text', () => {
    const han = fc.constantFrom(
      ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质'.split(
        '',
      ),
    );
    const word = fc.oneof(han, fc.constantFrom(...'0123456789abcXYZ .,%-，。、“”！？'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
    const text = fc.oneof(fc.string({ unit: word, maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(text, (t) => {
        expect(tagWords(t)).toEqual(tagged(t));
      }),
      { numRuns: 500 },
    );
  });
});

describe("words of jieba's dictionary that the stages contribute again", () => {
  it('keep their weight: every such place or organization stays one word after 、 and before a number', () => {
    const dicts = loadEntityDictionaries();
    const main = jiebaMainDictionary();
    const names = [...dicts.surfaces.keys()].filter((name) => name.length >= 2 && main.has(name));
    expect(names.length).toBeGreaterThan(500);
    const split = names.filter((name) => !segment(`江苏2万个、${name}3万个。`).some((t) => t.text === name));
    // A few names lose to a longer word of their own context (…个、X3…); the demotion cut hundreds apart.
    expect(split.length / names.length).toBeLessThan(0.02);
  });
});

describe('segment', () => {
  it('segments a traditional passage from its simplified copy, with offsets into the passage itself', () => {
    const text = '臺灣的電動車充電樁數量，去年增加了３成。';
    const tokens = segment(text);
    expect(tokens).toEqual(tagWords('台湾的电动车充电桩数量，去年增加了３成。'));
    expect(tokens.map((t) => t.text)).toContain('充电桩');
    for (const t of tokens) expect(t.end - t.start).toBe(t.text.length);
    expect(tokens.at(-1)?.end).toBe(text.length);
  });

  it('segments a simplified passage as it is, full-width characters included', () => {
    for (const text of ['全年新建充电桩７万个，增长１２％。', '上海与臺北', '']) expect(segment(text)).toEqual(tagWords(text));
  });
});

describe('names kept whole, as Meilisearch keeps the words of its dictionary', () => {
  const words = (text: string) => segment(text).map((t) => t.text);

  it('cuts a name again where jieba straddles it, with the word beside it (主/任何/军 → 主任/何军)', () => {
    expect(tagWords('管理中心主任何军说').map((t) => t.text)).toContain('任何');
    expect(words('管理中心主任何军说')).toEqual(['管理中心', '主任', '何军', '说']);
  });

  it('leaves a longer word of jieba that holds a name (汪洋大海, 科尔沁)', () => {
    expect(dictionaryWords).toContain('汪洋');
    expect(dictionaryWords).toContain('科尔');
    expect(words('一片汪洋大海')).toContain('汪洋大海');
    expect(words('科尔沁草原')).toEqual(tagWords('科尔沁草原').map((t) => t.text));
  });

  it('on the corpus, in both scripts: every straddled name whole, every other token as jieba cut it, nothing lost', () => {
    let straddled = 0;
    for (const text of corpusPassages()) {
      const simplified = simplifiedReading(text);
      const jieba = tagWords(simplified);
      const ours = segment(text);
      // The same characters, in order, at the same offsets.
      expect(ours.map((t) => t.text).join('')).toBe(jieba.map((t) => t.text).join(''));
      for (const t of ours) expect(simplified.slice(t.start, t.end)).toBe(t.text);
      // Where ours differs from jieba's, a dictionary word is now a token of its own.
      const changed = ours.filter((t) => !jieba.some((j) => j.start === t.start && j.end === t.end));
      if (changed.length) {
        straddled++;
        const spans = (ts: Token[]) => ts.map((t) => `${t.start}-${t.end}`);
        const names = ours.filter((t) => dictionaryWords.includes(t.text) && !spans(jieba).includes(`${t.start}-${t.end}`));
        expect(names.length, `${spans(changed)} in ${simplified}`).toBeGreaterThan(0);
      }
    }
    // corpus/ holds 主任何军 in both scripts at least.
    expect(straddled).toBeGreaterThanOrEqual(2);
  });
});
