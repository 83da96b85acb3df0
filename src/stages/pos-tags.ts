// jieba's POS tags looked up in JavaScript. nodejieba.tag is its plain HMM cut plus, per word, a lookup in the
// segmenter's dictionary; building an object per word across N-API makes it about half as fast as cut, so
// segment() asks for the cut and looks the tags up here. This mirrors cppjieba's PosTagger::LookupTag:
// the tag of the word's dictionary entry (main dictionary, then the user dictionary, then inserted words, the
// last one of a word winning), and for a word without one a character rule (SpecialRule).
// tests/segment.test.ts compares the result with nodejieba.tag.
import { readFileSync } from 'node:fs';

/** word → tag; '' for entries without a tag (the user dictionary's one-column lines), which fall to the rule. */
const tags = new Map<string, string>();
/** One string per distinct tag, so the 350 000 entries share a few dozen tag strings. */
const interned = new Map<string, string>();

const intern = (tag: string): string => {
  const known = interned.get(tag);
  if (known !== undefined) return known;
  interned.set(tag, tag);
  return tag;
};

/** Main dictionary lines are `word freq tag`; read in place, without an array of 350 000 lines. */
function loadMain(file: string): void {
  const text = readFileSync(file, 'utf8');
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const first = text.indexOf(' ', at);
    const last = text.lastIndexOf(' ', end - 1);
    if (first > at && first < end && last > first) tags.set(text.slice(at, first), intern(text.slice(last + 1, end)));
    at = end + 1;
  }
}

/** User dictionary lines are `word`, `word tag` or `word freq tag` (DictTrie::InserUserDictNode). */
function loadUser(file: string): void {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const parts = line.split(' ');
    const word = parts[0] ?? '';
    if (parts.length === 1) tags.set(word, '');
    else if (parts.length === 2) tags.set(word, intern(parts[1] ?? ''));
    else if (parts.length === 3) tags.set(word, intern(parts[2] ?? ''));
  }
}

/** Reads the dictionaries nodejieba was loaded with. */
export function loadTags(dictFile: string, userDictFile: string): void {
  tags.clear();
  recent.clear();
  loadMain(dictFile);
  loadUser(userDictFile);
}

/** What nodejieba receives of a JS string: its UTF-8, in which a lone surrogate becomes U+FFFD. */
const asUtf8 = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** Records a word given to nodejieba.insertWord. */
export function insertTag(word: string, tag: string): void {
  tags.set(asUtf8(word), intern(asUtf8(tag)));
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
    tag = tags.get(word) || specialRule(word);
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(word, tag);
  }
  return tag;
}
