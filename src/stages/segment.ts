// Stage "segment": nodejieba words with POS tags and their offsets in the passage text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
import type { Token } from '../schema.js';
import { simplifiedReading } from '../text/fold.js';
import { JIEBA_MAIN_DICT, JIEBA_USER_DICT, jiebaMainDictionary } from './jieba-dictionary.js';
import { insertTag, loadTags, tagOf } from './pos-tags.js';

export interface SegmenterWord {
  word: string;
  /** A jieba POS tag (n, nr, ns, nt, v, m, q, …); words without one get `n`. */
  tag?: string;
}

const inserted = new Set<string>();
const retags = new Map<string, string>();

/** The tag a stage gave a word of jieba's own dictionary, which nodejieba.tag does not know (see addWords). */
export function retagged(word: string): string | undefined {
  return retags.get(word);
}
let loaded = false;

/**
 * Loads nodejieba's dictionaries once per thread (each worker thread holds its own, some 240 MB), without
 * the keyword-extraction tables (idf, stop words): zhpipe never extracts keywords, and they cost ~25 MB more.
 * The POS tags of the same dictionary files are read for tagWords() (pos-tags.ts).
 */
function load(): void {
  if (loaded) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'zhpipe-jieba-'));
  try {
    const idfDict = path.join(dir, 'idf.utf8');
    const stopWordDict = path.join(dir, 'stop_words.utf8');
    // nodejieba insists on both files and on at least one entry in each.
    writeFileSync(idfDict, '的 1.0\n');
    writeFileSync(stopWordDict, '的\n');
    nodejieba.load({ dict: JIEBA_MAIN_DICT, userDict: JIEBA_USER_DICT, idfDict, stopWordDict });
    loadTags(JIEBA_USER_DICT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  loaded = true;
}

/**
 * Adds words to nodejieba's dictionary for this process (idempotent): the one caller of insertWord. The
 * pipeline's segment stage (pipeline/stages.ts) calls it with the project's words and those other stages contribute.
 */
export function addWords(words: Iterable<SegmenterWord>): void {
  load();
  for (const { word, tag } of words) {
    const key = `${word}\u0000${tag ?? ''}`;
    if (!word.trim() || inserted.has(key)) continue;
    // A word jieba's dictionary holds already keeps its weight: insertWord would give it the user-word weight,
    // far below its own, and jieba then cuts it apart in some contexts (、上海 → 、/上/海). Only a tag given
    // with it changes (合肥 n → ns), in zhpipe's tag lookup.
    if (jiebaMainDictionary().has(word)) {
      if (tag) {
        insertTag(word, tag);
        retags.set(word, tag);
      }
    } else if (nodejieba.insertWord(word, tag ?? 'n')) insertTag(word, tag ?? 'n');
    inserted.add(key);
  }
}

/**
 * Stage "segment": the tagged words of a passage, offsets into `text`. The segmenter's dictionary is
 * simplified, so a passage in traditional script is segmented from its simplified copy (same length, same
 * offsets; text/fold.ts), which gives the entities and figures stages the words their simplified lexicons
 * and rules know. A token's `text` is then the simplified word; the passage keeps its own characters.
 */
export function segment(text: string): Token[] {
  return tagWords(simplifiedReading(text));
}

/**
 * The words and tags nodejieba.tag gives `text`, with offsets: from its HMM cut (the cut tag runs) and a tag
 * lookup in JavaScript, some 30% less time a word than tag, which builds an object per word across N-API.
 */
export function tagWords(text: string): Token[] {
  load();
  const tokens: Token[] = [];
  let cursor = 0;
  for (const word of nodejieba.cut(text, true)) {
    // nodejieba returns the words in order; find each from the cursor so offsets survive anything it drops.
    const at = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (at < 0) continue;
    tokens.push({ text: word, tag: tagOf(word), start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return tokens;
}

/** Plain word cut (nodejieba's default: no HMM), the reference speed in benchmarks; `hmm` as segment() cuts. */
export function cut(text: string, hmm = false): string[] {
  load();
  return nodejieba.cut(text, hmm);
}
