// jieba's POS tags looked up in JavaScript. nodejieba.tag is its plain HMM cut plus, per word, a lookup in the
// segmenter's dictionary; building an object per word across N-API makes it about half as fast as cut, so
// segment() asks for the cut and looks the tags up here. This mirrors cppjieba's PosTagger::LookupTag:
// the tag of the word's dictionary entry (main dictionary, then the user dictionary, then inserted words, the
// last one of a word winning), and for a word without one a character rule (SpecialRule).
// tests/stages/segment.test.ts compares the result with nodejieba.tag.
import { readFileSync } from 'node:fs';
import { intern, jiebaMainDictionary } from './jieba-dictionary.js';

/**
 * word → tag of the user dictionary and of inserted words, over the main dictionary's tags; '' for entries
 * without a tag (the user dictionary's one-column lines), which fall to the rule.
 */
const overlay = new Map<string, string>();

/** User dictionary lines are `word`, `word tag` or `word freq tag` (DictTrie::InserUserDictNode). */
function loadUser(file: string): void {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const parts = line.split(' ');
    const word = parts[0] ?? '';
    if (parts.length === 1) overlay.set(word, '');
    else if (parts.length === 2) overlay.set(word, intern(parts[1] ?? ''));
    else if (parts.length === 3) overlay.set(word, intern(parts[2] ?? ''));
  }
}

/** Reads the user dictionary nodejieba was loaded with (the main one is shared: jieba-dictionary.ts). */
export function loadTags(userDictFile: string): void {
  overlay.clear();
  recent.clear();
  jiebaMainDictionary();
  loadUser(userDictFile);
}

/** What nodejieba receives of a JS string: its UTF-8, in which a lone surrogate becomes U+FFFD. */
const asUtf8 = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** Records a word given to nodejieba.insertWord. */
export function insertTag(word: string, tag: string): void {
  overlay.set(asUtf8(word), intern(asUtf8(tag)));
  recent.clear();
}

/**
 * cppjieba's rule for words without a tag, counting code points: x when the first half holds no ASCII, m
 * when its ASCII characters are all digits, eng otherwise. The scan stops once the ASCII count reaches half
 * the length (integer division), so a one-character word is always x.
 */
function specialRule(word: string): string {
  const half = Math.floor([...word].length / 2);
  let eng = 0;
  let m = 0;
  for (const ch of word) {
    if (eng >= half) break;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      eng++;
      if (cp >= 0x30 && cp <= 0x39) m++;
    }
  }
  if (eng === 0) return 'x';
  return m === eng ? 'm' : 'eng';
}

/**
 * Tags of the words met lately. A lookup in the 350 000-entry table misses the CPU caches (~275 ns a word);
 * the few thousand words a run of text repeats fit in them (~85 ns). Cleared when full, so it stays small,
 * and whenever the table changes.
 */
const recent = new Map<string, string>();
const RECENT_LIMIT = 16_384;

/** The tag nodejieba.tag gives `word`. */
export function tagOf(word: string): string {
  let tag = recent.get(word);
  if (tag === undefined) {
    tag = (overlay.get(word) ?? jiebaMainDictionary().get(word)?.tag) || specialRule(word);
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(word, tag);
  }
  return tag;
}
