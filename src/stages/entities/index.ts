// Entry of the entities stage: load dictionaries, tag a passage, and hand the dictionary words to the
// segmenter and to Meilisearch (dictionary, synonyms) so segmentation, tagging and search agree.
import { addWords, forceWords, type SegmenterWord } from '../segment.js';
import type { EntityDictionaries } from './dictionary.js';

export { loadEntityDictionaries, buildDictionaries, readDictionarySources, parseEntityFile, defaultDictionaryDir, USER_FILE } from './dictionary.js';
export type { EntityDictionaries, EntityEntry, SurfaceHit, DictionarySources } from './dictionary.js';
export { tagEntities, type TagOptions } from './tagger.js';
export type { LocalMention } from './types.js';
export { changedNames, dictionaryFingerprint } from './changes.js';
export { addEntry, removeEntry, listEntries, validateName } from './user-dictionary.js';

const POS_OF = { person: 'nr', place: 'ns', org: 'nt' } as const;

/** Every name and multi-character alias with its jieba POS tag (nr, ns, nt). */
export function dictionaryWords(dicts: EntityDictionaries): SegmenterWord[] {
  const words: SegmenterWord[] = [];
  for (const [surface, hit] of dicts.surfaces) if (surface.length >= 2) words.push({ word: surface, tag: POS_OF[hit.type] });
  return words;
}

/**
 * Meilisearch synonyms: each alias finds its canonical name, and the canonical name finds its multi-character
 * aliases (a one-character alias like 沪 would make 上海 match every stray 沪).
 */
export function dictionarySynonyms(dicts: EntityDictionaries): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of dicts.entries.values()) {
    const multi = e.aliases.filter((a) => a.length >= 2 && dicts.surfaces.get(a)?.canonical === e.name);
    if (multi.length) out[e.name] = multi;
    for (const a of e.aliases) if (dicts.surfaces.get(a)?.canonical === e.name) out[a] = [e.name];
  }
  return out;
}

/**
 * The names Meilisearch's dictionary gets: person names, so its tokenizer cuts text as nodejieba does. Place
 * and organization names stay out: as single tokens they would hide the words inside them (自贸区 in
 * 上海自贸区), which cost recall in the judged queries (tests/search/search-quality.test.ts).
 */
export function searchDictionaryWords(dicts: EntityDictionaries): string[] {
  return dictionaryWords(dicts)
    .filter((w) => w.tag === POS_OF.person)
    .map((w) => w.word);
}

/**
 * Pushes the dictionary words into nodejieba for this process, so its words line up with the names, and cuts
 * person names whole as Meilisearch does (the pipeline's segment stage does the same through its context).
 */
export function prepareSegmenter(dicts: EntityDictionaries): void {
  addWords(dictionaryWords(dicts));
  forceWords(searchDictionaryWords(dicts));
}

/**
 * The document a passage's mentions are counted in (a second mention is evidence of a person): its passages'
 * texts in order. Ingest and reindex both build it this way, so both tag alike.
 */
export function documentOfPassages(texts: readonly string[]): string {
  return texts.join('\n');
}
