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

/** Names jieba must not cut apart, by first character, longest first (see forceWords). */
const forced = new Map<number, string[]>();

/**
 * Names that nodejieba must not cut apart, as Meilisearch's tokenizer keeps the words of its dictionary whole:
 * where jieba's words straddle one (主/任何/军 over 何军), the stretch is cut again around it (主任/何军). A
 * jieba word holding the whole name stays (汪洋大海 over 汪洋, 科尔沁 over 科尔): it is the longer reading.
 */
export function forceWords(words: Iterable<string>): void {
  for (const word of words) {
    if (word.length < 2) continue;
    const list = forced.get(word.charCodeAt(0)) ?? [];
    if (list.includes(word)) continue;
    list.push(word);
    list.sort((a, b) => b.length - a.length);
    forced.set(word.charCodeAt(0), list);
  }
}

/** The forced name starting at `i`, if any. */
function forcedAt(text: string, i: number): string | undefined {
  // By char code: most characters start no name, and text[i] would make a string for each.
  const names = forced.get(text.charCodeAt(i));
  return names && names.find((w) => text.startsWith(w, i));
}

/**
 * Stage "segment": the tagged words of a passage, offsets into `text`. The segmenter's dictionary is
 * simplified, so a passage in traditional script is segmented from its simplified copy (same length, same
 * offsets; text/fold.ts), which gives the entities and figures stages the words their simplified lexicons
 * and rules know. A token's `text` is then the simplified word; the passage keeps its own characters.
 * Names given to forceWords are kept whole where jieba's words straddle them.
 */
export function segment(text: string): Token[] {
  const simplified = simplifiedReading(text);
  const tokens = tagWords(simplified);
  return forced.size ? keepNamesWhole(simplified, tokens) : tokens;
}

/**
 * The words and tags nodejieba.tag gives `text`, with offsets: from its HMM cut (the cut tag runs) and a tag
 * lookup in JavaScript, some 30% less time a word than tag, which builds an object per word across N-API.
 */
export function tagWords(text: string): Token[] {
  load();
  return cutTagged(text, 0, text.length);
}

/** nodejieba's tagged words of text[from, to), with offsets into `text`. */
function cutTagged(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  let cursor = 0;
  for (const word of nodejieba.cut(piece, true)) {
    // nodejieba returns the words in order; find each from the cursor so offsets survive anything it drops.
    const at = piece.startsWith(word, cursor) ? cursor : piece.indexOf(word, cursor);
    if (at < 0) continue;
    tokens.push({ text: word, tag: tagOf(word), start: from + at, end: from + at + word.length });
    cursor = at + word.length;
  }
  return tokens;
}

/** The tokens with every forced name that jieba's words straddle cut whole, and the stretch around it cut again. */
function keepNamesWhole(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  let k = 0;
  // Where the last name cut whole ends: the stretch before a name is never cut again into it.
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const name = forcedAt(text, i);
    if (!name) continue;
    const end = i + name.length;
    // The tokens the name overlaps: from the one holding its first character to the one holding its last.
    while (k < tokens.length && (tokens[k] as Token).end <= i) out.push(tokens[k++] as Token);
    let last = k;
    while (last < tokens.length && (tokens[last] as Token).start < end) last++;
    const first = tokens[k];
    const final = tokens[last - 1];
    if (!first || !final || (last - k === 1 && first.start <= i && first.end >= end)) {
      i = end - 1;
      continue;
    }
    // A character left over beside the name is cut again with the word next to it (主 + 任 → 主任).
    const previous = out[out.length - 1];
    const before = first.start < i && previous && previous.end === first.start && previous.start >= kept ? (out.pop() as Token).start : first.start;
    const next = tokens[last];
    const after = final.end > end && next && next.start === final.end ? (last++, next.end) : final.end;
    out.push(...cutTagged(text, before, i), { text: name, tag: tagOf(name), start: i, end }, ...cutTagged(text, end, after));
    k = last;
    kept = end;
    i = after - 1;
  }
  // No name cut again (most passages): jieba's tokens as they are.
  if (kept === 0) return tokens;
  while (k < tokens.length) out.push(tokens[k++] as Token);
  return out;
}

/** Plain word cut (nodejieba's default: no HMM), the reference speed in benchmarks; `hmm` as segment() cuts. */
export function cut(text: string, hmm = false): string[] {
  load();
  return nodejieba.cut(text, hmm);
}
