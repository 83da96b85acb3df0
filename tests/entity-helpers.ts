// The entities stage as the entity tests call it: the shipped dictionaries loaded once and pushed into
// nodejieba, then one passage segmented and tagged.
import { loadEntityDictionaries, prepareSegmenter, tagEntities, type EntityDictionaries, type LocalMention } from '../src/stages/entities/index.js';
import { segment } from '../src/stages/segment.js';

let dicts: EntityDictionaries | undefined;

/** Mentions in `text`, tagged with the shipped dictionaries. */
export function tag(text: string): LocalMention[] {
  if (!dicts) {
    dicts = loadEntityDictionaries();
    prepareSegmenter(dicts);
  }
  return tagEntities(text, segment(text), dicts);
}

/** The texts of the mentions of one type in `text`, in order. */
export function namesOf(type: LocalMention['type'], text: string): string[] {
  return tag(text)
    .filter((m) => m.type === type)
    .map((m) => m.text);
}
