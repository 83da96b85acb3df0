// nodejieba's own dictionary (word, frequency, POS) as a lexicon of ordinary words: a segmenter "name" whose
// first two characters are a common word (纪念章, 吉普车, 幸福感) is a word, not a person.
import { jiebaMainDictionary, type LexiconEntry } from '../jieba-dictionary.js';

export type { LexiconEntry };

/** jieba's main dictionary, the same table the segmenter's POS tags come from (read once per thread). */
export const jiebaLexicon = jiebaMainDictionary;

/** True when `word` is a frequent word of the lexicon with a POS other than a name. */
export function isCommonWord(word: string, minFreq = 30): boolean {
  const e = jiebaLexicon().get(word);
  return !!e && e.freq >= minFreq && !e.tag.startsWith('nr');
}
