import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { readdirSync, readFileSync } from 'node:fs';
import { convertFew, fastConverter } from '../../src/text/convert.js';
import { detectScript, foldWidth, normalizeForIndex, normalizeQuery, toScript } from '../../src/text/script.js';
import { falseFriendReading, prepareQuery } from '../../src/search/query.js';
import { loadRegional } from '../../src/vocabulary.js';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { computeScriptTable, scriptTableModule } from '../../scripts/generate-script-table.js';

const regional = loadRegional(path.join(ROOT, 'dictionaries'));

describe('script normalization', () => {
  it('converts traditional queries to simplified', () => {
    expect(normalizeQuery('充電樁')).toBe('充电桩');
    expect(normalizeQuery('長三角一體化')).toBe('长三角一体化');
  });

  it("converts script, never wording: regional words are the index's synonyms, not a rewrite", () => {
    expect(normalizeQuery('人工智慧')).toBe('人工智慧');
    expect(normalizeQuery('積體電路')).toBe('积体电路');
    expect(normalizeQuery('軟體')).toBe('软体');
  });

  it("leaves simplified queries as typed, whatever OpenCC's Taiwan phrases say of them", () => {
    for (const q of ['核心技术', '新增就业', '建立健全', '文件', '可再生能源', '显著', '著名', '乾隆', '什么']) expect(normalizeQuery(q)).toBe(q);
  });

  it('unifies phrase quotes and drops zero-width characters from queries', () => {
    expect(normalizeQuery('“实事项目清单”')).toBe('"实事项目清单"');
    expect(normalizeQuery('「充電樁」')).toBe('"充电桩"');
    expect(normalizeQuery('充电\u200b桩')).toBe('充电桩');
  });

  it('folds full-width letters, digits and spaces', () => {
    expect(foldWidth('ＧＤＰ　１９９７')).toBe('GDP 1997');
  });

  it('keeps the searchable copy index for index the same as the source', () => {
    const text = '臺灣的積體電路產業，ＧＤＰ成長２％';
    const norm = normalizeForIndex(text);
    expect(norm.length).toBe(text.length);
    // Digits become full-width in the searchable copy: Meilisearch then tokenizes them apart from Han words.
    expect(norm).toBe('台湾的积体电路产业,GDP成长２%');
  });

  it('displays in either script without changing length', () => {
    const text = '全年长三角区域要新建公共充电桩超7万个';
    expect(toScript(text, 'traditional')).toBe('全年長三角區域要新建公共充電樁超7萬個');
    expect(toScript(text, 'traditional').length).toBe(text.length);
  });

  it('detects the script of a query', () => {
    expect(detectScript('充電樁')).toBe('traditional');
    expect(detectScript('充电桩')).toBe('simplified');
    expect(detectScript('GDP')).toBe('simplified');
  });
});

describe('fast OpenCC conversion', () => {
  // Phrases, variants, ideographic description sequences and astral characters: the fast path must agree
  // with opencc-js everywhere, not only on ordinary text.
  const samples = [
    ...readdirSync(path.join(ROOT, 'corpus')).map((f) => readFileSync(path.join(ROOT, 'corpus', f), 'utf8')),
    '一干二淨，乾隆年間的頭髮與理髮店；台灣積體電路、軟體、記憶體',
    '⿰車乂與⿱艹⿰氵去，𠮷野家的𩸽魚',
    '着著裡裏為爲麵面後后',
  ];
  for (const [from, to, name] of [
    ['tw', 'cn', 'tw2s'],
    ['cn', 'tw', 's2tw'],
  ] as const) {
    it(`${name} gives what opencc-js gives`, () => {
      const slow = OpenCC.Converter({ from, to });
      const fast = fastConverter(name);
      for (const text of [...samples, ...samples.map((s) => toScript(s, 'traditional'))]) expect(fast(text)).toBe(slow(text));
    });
  }

  it('converts a few texts with tables built for them alone exactly as the full converter does', () => {
    for (const name of ['tw2s', 's2tw']) {
      const full = fastConverter(name);
      const lines = [...samples, ...samples.map((s) => toScript(s, 'traditional'))].flatMap((t) => t.split('\n')).filter(Boolean);
      expect(convertFew(name, lines)).toEqual(lines.map(full));
    }
  });

  it('detects the script of whole documents', () => {
    const doc = readFileSync(path.join(ROOT, 'corpus', readdirSync(path.join(ROOT, 'corpus'))[0] ?? ''), 'utf8');
    expect(detectScript(doc)).toBe('simplified');
    expect(detectScript(toScript(doc, 'traditional'))).toBe('traditional');
  });
});

describe('regional vocabulary', () => {
  it('searches a query as typed; regional equivalents come from the index synonyms', () => {
    expect(prepareQuery('量子電腦', regional).forms).toEqual(['量子电脑']);
    expect(prepareQuery('可再生能源', regional).forms).toEqual(['可再生能源']);
  });

  it("adds a false friend's regional sense to traditional queries only (Taiwanese 機車 is a motorcycle)", () => {
    expect(prepareQuery('電動機車', regional).forms).toEqual(['电动机车', '电动摩托车']);
    expect(prepareQuery('电动机车', regional).forms).toEqual(['电动机车']);
  });

  it('also reads a query of characters both scripts write as traditional (乾燥 is 干燥 in simplified)', () => {
    expect(prepareQuery('乾燥', regional).forms).toEqual(['乾燥', '干燥']);
  });

  it('prefers the longest false friend', () => {
    expect(falseFriendReading('机车', regional)).toBe('摩托车');
  });
});

describe('the generated script table', () => {
  it('is what opencc-js and the GB 2312 / Big5 character sets give (else: npx tsx scripts/generate-script-table.ts)', () => {
    const file = readFileSync(path.join(ROOT, 'src/text/script-table.ts'), 'utf8');
    expect(file).toBe(scriptTableModule(computeScriptTable()));
  });
});
