// The searchable copy of a passage (text/searchable.ts): norm cut at our segmenter's boundaries, and nothing
// else changed, over every passage of corpus/ in both scripts rather than a few examples.
import { describe, expect, it } from 'vitest';
import { analyzePaths, analyzeSource, isSkipped } from '../../src/pipeline/analyze.js';
import { loadResources } from '../../src/pipeline/annotate.js';
import { BOUNDARY, searchableWords, withoutBoundaries } from '../../src/text/searchable.js';
import { normalizeForIndex, toScript } from '../../src/text/script.js';
import { CORPUS, testConfig, uniqueIndexes } from '../helpers.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

describe('searchable words', () => {
  it('are norm with a boundary mark between every two Han words of the segmenter, and only there', async () => {
    const config = testConfig(uniqueIndexes('searchable'));
    loadResources(config);
    let passages = 0;
    let marks = 0;
    for await (const item of analyzePaths([CORPUS], config)) {
      if (isSkipped(item)) continue;
      for (const source of [item.source, { ...item.source, text: toScript(item.source.text, 'traditional') }]) {
        for (const { passage, tokens } of analyzeSource(source, config).passages) {
          const norm = normalizeForIndex(passage.text);
          const words = searchableWords(norm, tokens);
          passages++;
          // Taking the marks out gives norm back, so highlight positions hold index for index.
          expect(norm.includes(BOUNDARY)).toBe(false);
          expect(withoutBoundaries(words)).toBe(norm);
          // A mark stands exactly where a token starts between two Han characters.
          const expected = tokens.filter((t) => t.start > 0 && HAN.test(norm[t.start - 1] ?? '') && HAN.test(norm[t.start] ?? '')).length;
          const found = words.split(BOUNDARY).length - 1;
          expect(found).toBe(expected);
          marks += found;
        }
      }
    }
    expect(passages).toBeGreaterThan(50);
    expect(marks).toBeGreaterThan(1000);
  });
});
