// What Meilisearch searches in a passage: its normalized copy (`norm`) cut where zhpipe's segmenter cuts it.
// Meilisearch's own tokenizer (jieba inside charabia) cuts a word differently inside a sentence than alone:
// 政府新闻处 alone is 政府/新闻处, in 省政府新闻处今天称 it is cut otherwise, so the query 政府新闻处 missed that
// passage. Marking our segmenter's boundaries makes Meilisearch cut each of our words alone, as it cuts a query.
import type { Token } from '../schema.js';

/**
 * The mark at each boundary: the ideographic space, a soft separator for Meilisearch (positions stay
 * consecutive, so proximity is as in the text), and never part of `norm`, which folds it to a space.
 */
export const BOUNDARY = '\u3000';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * `norm` with BOUNDARY where one token ends and the next begins between two Han characters. Elsewhere the
 * tokenizer splits the text already (punctuation, spaces, Latin and digits against Han).
 */
export function searchableWords(norm: string, tokens: readonly Pick<Token, 'start' | 'end'>[]): string {
  let out = '';
  let at = 0;
  for (const { start } of tokens) {
    if (start <= at || start >= norm.length) continue;
    if (HAN.test(norm[start - 1] ?? '') && HAN.test(norm[start] ?? '')) {
      out += norm.slice(at, start) + BOUNDARY;
      at = start;
    }
  }
  return out + norm.slice(at);
}

/** `norm` again from searchable words, highlight marks and all (index for index the passage text). */
export const withoutBoundaries = (words: string): string => words.replaceAll(BOUNDARY, '');
