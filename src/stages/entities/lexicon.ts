// nodejieba's own dictionary (word, frequency, POS) as a lexicon of ordinary words: a segmenter "name" whose
// first two characters are a common word (纪念章, 吉普车, 幸福感) is a word, not a person.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface LexiconEntry {
  freq: number;
  tag: string;
}

let lexicon: Map<string, LexiconEntry> | null = null;

export function jiebaLexicon(): Map<string, LexiconEntry> {
  if (lexicon) return lexicon;
  lexicon = new Map();
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('nodejieba/package.json'));
    for (const line of readFileSync(path.join(dir, 'submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8').split('\n')) {
      const [word, freq, tag] = line.split(' ');
      if (word && tag) lexicon.set(word, { freq: Number(freq), tag });
    }
  } catch {
    // Without the file the name checks are just less strict.
  }
  return lexicon;
}

/** True when `word` is a frequent word of the lexicon with a POS other than a name. */
export function isCommonWord(word: string, minFreq = 30): boolean {
  const e = jiebaLexicon().get(word);
  return !!e && e.freq >= minFreq && !e.tag.startsWith('nr');
}
