// Stage "segment": nodejieba words with POS tags and their offsets in the passage text.
import nodejieba from 'nodejieba';
import type { Token } from '../schema.js';

export interface SegmenterWord {
  word: string;
  /** A jieba POS tag (n, nr, ns, nt, v, m, q, …); words without one get `n`. */
  tag?: string;
}

const inserted = new Set<string>();

/** Adds words to nodejieba's dictionary for this process (idempotent). */
export function addWords(words: Iterable<SegmenterWord>): void {
  for (const { word, tag } of words) {
    const key = `${word}\u0000${tag ?? ''}`;
    if (!word.trim() || inserted.has(key)) continue;
    nodejieba.insertWord(word, tag ?? 'n');
    inserted.add(key);
  }
}

/** Segments text into tagged tokens whose offsets index into `text`. */
export function segment(text: string): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const { word, tag } of nodejieba.tag(text)) {
    // nodejieba returns the words in order; find each from the cursor so offsets survive anything it drops.
    const at = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (at < 0) continue;
    tokens.push({ text: word, tag, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return tokens;
}

/** Plain word cut, the reference speed in benchmarks. */
export function cut(text: string): string[] {
  return nodejieba.cut(text);
}
