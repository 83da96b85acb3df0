// jieba's main dictionary (word, frequency, POS tag), read once per thread and shared: the segment stage looks
// POS tags up in it (pos-tags.ts) and the entities stage asks it how common a word is (entities/lexicon.ts).
// Read twice, it cost each worker some 0.9 s more to start and a second table of 350 000 entries.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** cppjieba's dictionary files, as nodejieba ships them. */
export const JIEBA_DICT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('nodejieba/package.json')), 'submodules/cppjieba/dict');
export const JIEBA_MAIN_DICT = path.join(JIEBA_DICT_DIR, 'jieba.dict.utf8');
export const JIEBA_USER_DICT = path.join(JIEBA_DICT_DIR, 'user.dict.utf8');

export interface LexiconEntry {
  freq: number;
  tag: string;
}

/** One string per distinct tag, so the 350 000 entries share a few dozen tag strings. */
const interned = new Map<string, string>();

export const intern = (tag: string): string => {
  const known = interned.get(tag);
  if (known !== undefined) return known;
  interned.set(tag, tag);
  return tag;
};

let main: Map<string, LexiconEntry> | undefined;

/** The main dictionary's lines, `word freq tag`, read in place (without an array of 350 000 lines). */
export function jiebaMainDictionary(): ReadonlyMap<string, LexiconEntry> {
  if (main) return main;
  const entries = new Map<string, LexiconEntry>();
  const text = readFileSync(JIEBA_MAIN_DICT, 'utf8');
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const first = text.indexOf(' ', at);
    const last = text.lastIndexOf(' ', end - 1);
    if (first > at && first < end && last > first) {
      entries.set(text.slice(at, first), { freq: Number(text.slice(first + 1, last)), tag: intern(text.slice(last + 1, end)) });
    }
    at = end + 1;
  }
  main = entries;
  return main;
}
