// What changed between two dictionary states, so `zhpipe reindex --changed` re-tags only the passages that
// contain an added, removed or re-typed name instead of the whole index.
import { createHash } from 'node:crypto';
import type { EntityDictionaries } from './dictionary.js';

function surfaceLines(dicts: EntityDictionaries): Map<string, string> {
  const lines = new Map<string, string>();
  for (const [surface, hit] of dicts.surfaces) lines.set(surface, `${hit.type}\t${hit.canonical}`);
  for (const b of dicts.blocked) lines.set(b, `!blocked`);
  return lines;
}

/** Surface forms (names and aliases) added, removed, blocked or changed in type or canonical name. */
export function changedNames(before: EntityDictionaries, after: EntityDictionaries): string[] {
  const a = surfaceLines(before);
  const b = surfaceLines(after);
  const changed = new Set<string>();
  for (const [k, v] of a) if (b.get(k) !== v) changed.add(k);
  for (const [k, v] of b) if (a.get(k) !== v) changed.add(k);
  return [...changed].sort();
}

/** A short hash of every name, alias and rule list: equal fingerprints mean tagging is unchanged. */
export function dictionaryFingerprint(dicts: EntityDictionaries): string {
  const hash = createHash('sha256');
  for (const [k, v] of [...surfaceLines(dicts)].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) hash.update(`${k}\t${v}\n`);
  for (const list of [[...dicts.surnames], [...dicts.compoundSurnames], [...dicts.japaneseSurnames], dicts.orgSuffixes, dicts.placeSuffixes, dicts.titles]) {
    hash.update([...list].sort().join(',') + '\n');
  }
  return hash.digest('hex').slice(0, 16);
}
