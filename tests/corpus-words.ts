// Words of a corpus as the pipeline cuts it, and a deterministic sample of them: shared by the search
// properties (tests/search/search-properties.test.ts) and their larger run (tests/bench/word-recall.ts).
import { analyzePaths, analyzeSource, isSkipped } from '../src/pipeline/analyze.js';
import type { PipelineConfig } from '../src/pipeline/config.js';

/**
 * Han words of two characters or more, once each, as the pipeline cuts the cleaned passages it indexes (not
 * the raw files, where a layout break inside a word, 统\n\n一大市场, makes words the text does not hold).
 */
export async function cutWords(dir: string, config: PipelineConfig): Promise<string[]> {
  const words = new Set<string>();
  for await (const item of analyzePaths([dir], config)) {
    if (isSkipped(item)) continue;
    for (const { tokens } of analyzeSource(item.source, config).passages) for (const t of tokens) if (/^[\u4e00-\u9fff]{2,}$/.test(t.text)) words.add(t.text);
  }
  return [...words];
}

/** A deterministic sample: the first n items of a list sorted by a hash of each item's key. */
export function sample<T>(items: T[], n: number, key: (t: T) => string): T[] {
  const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + (c.codePointAt(0) ?? 0)) | 0, 7);
  return [...items].sort((a, b) => hash(key(a)) - hash(key(b))).slice(0, n);
}
