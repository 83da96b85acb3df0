// Properties of search over whole dictionaries and corpora, not hand-picked examples (issue 18): one
// normalization for passages and queries, never a reworded simplified query, and every word of the corpus,
// in either script, found in a passage that holds it. Against a real Meilisearch with corpus/ ingested in
// both scripts. Each property prints how many cases it tried and how many failed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResources } from '../../src/pipeline/annotate.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { search, type SearchContext } from '../../src/search/search.js';
import { jiebaMainDictionary } from '../../src/stages/jieba-dictionary.js';
import { detectScript, normalizeQuery, normalizeText, toScript } from '../../src/text/script.js';
import { loadRegional } from '../../src/vocabulary.js';
import { cutWords, sample } from '../corpus-words.js';
import { CORPUS, ROOT, tempDir, testClient, testConfig, uniqueIndexes } from '../helpers.js';

const report = (property: string, tried: number, failures: string[]) =>
  console.log(`${property}: ${tried} tried, ${failures.length} failed${failures.length ? ` (${failures.slice(0, 10).join(' ')})` : ''}`);

describe('normalization properties', () => {
  it("leaves every frequent simplified word of jieba's dictionary unchanged (frequency >= 1000)", () => {
    const words = [...jiebaMainDictionary()].filter(([, e]) => e.freq >= 1000).map(([w]) => w);
    // jieba's dictionary also lists some traditional characters (備, 購): those are converted, as they should be.
    const simplified = words.filter((w) => detectScript(w) === 'simplified');
    const failures = simplified.filter((w) => normalizeQuery(w) !== w).map((w) => `${w}→${normalizeQuery(w)}`);
    report('frequent simplified words unchanged', simplified.length, failures);
    expect(simplified.length).toBeGreaterThan(7000);
    expect(failures).toEqual([]);
  });

  it('gives the same result normalized twice as once, for passages and queries', () => {
    const corpusChars = [...new Set(readdirSync(CORPUS).flatMap((f) => [...readFileSync(path.join(CORPUS, f), 'utf8')]))].join('');
    // Both scripts, the characters both scripts write (著 乾 么 後), width forms, quotes and zero-width characters.
    const pool = [...new Set([...corpusChars, ...toScript(corpusChars, 'traditional'), ...'著乾么後於瞭夥麼麽ＡＢ１２　“”「」\u200b\u00a0 '])];
    const text = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 40 }).map((cs) => cs.join(''));
    let tried = 0;
    fc.assert(
      fc.property(text, (s) => {
        tried++;
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
        expect(normalizeQuery(normalizeQuery(s))).toBe(normalizeQuery(s));
      }),
      { numRuns: 2000, seed: 18 },
    );
    report('normalization idempotent', tried, []);
  });
});

describe('every corpus word is found, in either script', () => {
  const client = testClient();
  const indexes = uniqueIndexes('properties');
  let ctx: SearchContext;
  /** Words of the corpus as written, in each script, with the number of corpus files. */
  let words: { simplified: string[]; traditional: string[] };

  beforeAll(async () => {
    // corpus/ as it is and converted to traditional script: real files, ingested into one index.
    const dir = tempDir();
    for (const file of readdirSync(CORPUS)) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      mkdirSync(path.join(dir, 'simplified'), { recursive: true });
      mkdirSync(path.join(dir, 'traditional'), { recursive: true });
      writeFileSync(path.join(dir, 'simplified', file), text);
      writeFileSync(path.join(dir, 'traditional', file), toScript(text, 'traditional'));
    }
    const config = testConfig(indexes);
    await ingest(client, [path.join(dir, 'simplified'), path.join(dir, 'traditional')], config, { dataDir: tempDir() });
    ctx = { client, index: indexes.passages, regional: loadRegional(path.join(ROOT, 'dictionaries')) };
    // Words as the pipeline cuts the corpus it indexes (read, clean, then nodejieba with the project's words
    // and entity names).
    loadResources(config);
    const cut = await cutWords(path.join(dir, 'simplified'), config);
    words = {
      simplified: sample(cut, 300, (w) => w),
      traditional: sample(cut, 300, (w) => `t${w}`).map((w) => toScript(w, 'traditional')),
    };
  });

  // Meilisearch searches each passage as our segmenter cut it (text/searchable.ts), so every word the pipeline
  // cuts is found as typed, whatever Meilisearch's tokenizer would make of the sentence around it.
  it('finds a passage holding each of 600 sampled words (300 per script) among the first 10 hits', async () => {
    const failures: string[] = [];
    for (const word of [...words.simplified, ...words.traditional]) {
      // Hits are shown in the script of the query, so a passage holding the word shows it as typed.
      const { hits } = await search(ctx, { q: word, limit: 10 });
      if (!hits.some((h) => h.text.includes(word))) failures.push(word);
    }
    report('corpus words found', words.simplified.length + words.traditional.length, failures);
    const tried = words.simplified.length + words.traditional.length;
    expect(tried).toBeGreaterThanOrEqual(500);
    expect(failures).toEqual([]);
  });

  it('returns the same passage ids for the traditional and the simplified form of a word', async () => {
    const failures: string[] = [];
    for (const word of words.simplified) {
      const traditional = toScript(word, 'traditional');
      const a = (await search(ctx, { q: word, limit: 10 })).hits.map((h) => h.id);
      const b = (await search(ctx, { q: traditional, limit: 10 })).hits.map((h) => h.id);
      if (a.join() !== b.join()) failures.push(`${word}/${traditional}`);
    }
    report('same ids in both scripts', words.simplified.length, failures);
    expect(failures).toEqual([]);
  });
});
