// The custom vocabulary shared by segmentation, query rewriting and Meilisearch settings: segmentation
// words (dictionaries/words.txt) and regional wording (dictionaries/regional.txt).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';
import type { SegmenterWord } from './stages/segment.js';

export interface RegionalEntry {
  variant: string;
  mainland: string;
  /** Only for queries typed in traditional script (a false friend in mainland usage). */
  traditionalOnly: boolean;
}

/** Lines of a dictionary file without comments and blanks, with their line numbers for error messages. */
export function dictionaryLines(file: string): Array<{ line: number; text: string }> {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`dictionary ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message}`);
  }
  return content
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, text: text.trim() }))
    .filter(({ text }) => text !== '' && !text.startsWith('#'));
}

export function loadWords(dir: string): SegmenterWord[] {
  return dictionaryLines(path.join(dir, 'words.txt')).map(({ text }) => {
    const [word = '', tag] = text.split(/\s+/);
    return tag ? { word, tag } : { word };
  });
}

export function loadRegional(dir: string): RegionalEntry[] {
  const file = path.join(dir, 'regional.txt');
  return dictionaryLines(file).map(({ line, text }) => {
    const m = /^(!?)(.+?)\s*=>\s*(.+)$/.exec(text);
    if (!m) throw new InputError(`dictionary ${file}:${line}: expected "variant => mainland", got "${text}"`);
    return { variant: (m[2] ?? '').trim(), mainland: (m[3] ?? '').trim(), traditionalOnly: m[1] === '!' };
  });
}

/**
 * Meilisearch synonyms from the regional entries: every wording of a group finds every other. Groups are
 * closed under the pairs (电动车 = 电动汽车 and 电动汽车 = 新能源汽车 make one group), as Meilisearch does
 * not follow a synonym of a synonym.
 */
export function regionalSynonyms(entries: RegionalEntry[]): Record<string, string[]> {
  const group = new Map<string, Set<string>>();
  const groupOf = (word: string) => {
    let g = group.get(word);
    if (!g) group.set(word, (g = new Set([word])));
    return g;
  };
  for (const { variant, mainland, traditionalOnly } of entries) {
    // A false friend must not become a synonym: mainland text uses the word in its own sense.
    if (traditionalOnly) continue;
    const a = groupOf(variant);
    const b = groupOf(mainland);
    if (a === b) continue;
    for (const word of b) {
      a.add(word);
      group.set(word, a);
    }
  }
  return Object.fromEntries([...group].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([word, g]) => [word, [...g].filter((w) => w !== word).sort()]));
}
