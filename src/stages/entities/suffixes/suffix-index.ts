// Organization suffix lists indexed by last character, built once per dictionary.
import { indexSuffixes } from '../dictionary.js';

const indexes = new WeakMap<string[], Map<string, string[]>>();

/** Suffix lists indexed by last character, built once per dictionary. */
export function suffixIndex(list: string[]): Map<string, string[]> {
  let index = indexes.get(list);
  if (!index) {
    index = indexSuffixes(list);
    indexes.set(list, index);
  }
  return index;
}
