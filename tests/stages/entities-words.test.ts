// The entities stage reads its words' features from a table kept per dictionary and walks a trie that skips
// most positions by array and bit filter (issue 23: the same answer, faster). These tests hold the answer to
// what the plain computations give.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDictionaries, defaultDictionaryDir, prepareSegmenter, readDictionarySources, tagEntities } from '../../src/stages/entities/index.js';
import { hanAt } from '../../src/stages/entities/context.js';
import { Trie } from '../../src/stages/entities/trie.js';
import { wordClass } from '../../src/stages/entities/words.js';
import { segment } from '../../src/stages/segment.js';

/** The shipped dictionaries, built afresh (a new word table), with `user` as user.txt. */
function shipped(user = '') {
  const sources = readDictionarySources(defaultDictionaryDir());
  const entityFiles = sources.entityFiles.filter((f) => f.file !== 'user.txt');
  return buildDictionaries({ ...sources, entityFiles: [...entityFiles, { file: 'user.txt', text: user }] });
}

function corpusLines(): string[] {
  const dir = path.resolve(import.meta.dirname, '../../corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim());
}

describe('word features, computed once per distinct word', () => {
  it('are kept per dictionary: surnames and titles of one never answer for another, in any order', () => {
    prepareSegmenter(shipped());
    const lists = (surnames: string, titles: string) =>
      buildDictionaries({ entityFiles: [{ file: 'test.txt', text: '' }], lists: { 'surnames.txt': surnames, 'titles.txt': titles } });
    const withNames = lists('王\n', '记者\n');
    const without = lists('', '');
    const text = '记者王建华报道。';
    const tokens = segment(text);
    const persons = (d: typeof withNames) =>
      tagEntities(text, tokens, d)
        .filter((m) => m.type === 'person')
        .map((m) => m.text);
    expect(persons(withNames)).toEqual(['王建华']);
    expect(persons(without)).toEqual([]);
    expect(persons(withNames)).toEqual(['王建华']);
  });

  it('give the same mentions read from the table as computed the first time (corpus, both passes)', () => {
    const dicts = shipped();
    prepareSegmenter(dicts);
    const lines = corpusLines();
    const tokens = lines.map((l) => segment(l));
    const first = lines.map((l, i) => tagEntities(l, tokens[i] ?? [], dicts));
    const second = lines.map((l, i) => tagEntities(l, tokens[i] ?? [], dicts));
    expect(first.flat().length).toBeGreaterThan(1000);
    expect(second).toEqual(first);
  });
});

describe('word classes', () => {
  it('are refused once words have been read, when a word already in the table would lack the new class', () => {
    const dicts = shipped();
    prepareSegmenter(dicts);
    tagEntities('上海', segment('上海'), dicts);
    expect(() => wordClass((text) => text === '上海')).toThrow(/before the first word/);
  });
});

describe('character tests by code', () => {
  it('hanAt agrees with /[\\u3400-\\u9fff]/ on every UTF-16 unit and out of range', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (hanAt(ch, 0) !== /[\u3400-\u9fff]/.test(ch)) throw new Error(`hanAt differs at U+${c.toString(16)}`);
    }
    expect(hanAt('中', -1)).toBe(false);
    expect(hanAt('中', 1)).toBe(false);
  });
});

describe('dictionary trie', () => {
  // Characters from a few ranges: ASCII, Han, a surrogate pair (𠀀), so words share first characters and pairs.
  const alphabet = ['a', 'b', '中', '国', '上', '海', '市', '𠀀', '\ue000'];
  const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));

  it('finds at every position exactly the words a plain search finds, shortest first, with the last value added', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }),
        fc.integer({ min: 1, max: 3 }),
        (words, chars, minLength) => {
          const trie = new Trie<number>();
          const values = new Map<string, number>();
          words.forEach((w, k) => {
            trie.add(w, k);
            values.set(w, k);
          });
          const text = chars.join('');
          for (let i = 0; i <= text.length; i++) {
            const expected = [...values]
              .filter(([w]) => text.startsWith(w, i) && w.length >= minLength)
              .map(([w, value]) => ({ end: i + w.length, value }))
              .sort((a, b) => a.end - b.end);
            expect(trie.matchesAt(text, i, minLength)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
