// A query as search runs it: every reading to send to Meilisearch, and the terms a partial match is judged on.
// The query goes through the same normalization as the passages (text/script.ts); regional wording is added
// by the index's synonyms, never by rewriting what was typed.
import type { Script } from '../schema.js';
import { normalizeQuery, queryForms, queryScript, tidyQuery } from '../text/script.js';
import type { RegionalEntry } from '../vocabulary.js';

export interface PreparedQuery {
  /** The query normalized as the passages are (what the CLI shows as "searched as"). */
  simplified: string;
  /** Every reading to search, `simplified` first: script readings and, for traditional queries, false friends. */
  forms: string[];
  /** The script the query was typed in: results are shown in it unless another is asked for. */
  script: Script;
  /** The terms (space-separated words, quoted phrases), each with its readings, to judge partial matches. */
  terms: string[][];
}

/** Regional entries by first character, longest variant first; built once per entries array. */
type RegionalTable = Map<string, RegionalEntry[]>;
const falseFriendTables = new WeakMap<RegionalEntry[], RegionalTable>();

function falseFriendTable(regional: RegionalEntry[]): RegionalTable {
  let table = falseFriendTables.get(regional);
  if (!table) {
    table = new Map();
    const sorted = regional.filter((e) => e.traditionalOnly && e.variant).sort((a, b) => b.variant.length - a.variant.length);
    for (const e of sorted) table.set(e.variant[0] as string, [...(table.get(e.variant[0] as string) ?? []), e]);
    falseFriendTables.set(regional, table);
  }
  return table;
}

/**
 * A traditional query's false friends read in their Taiwan / Hong Kong sense (機車 → 摩托车): an added
 * reading, since the query's own wording is searched too. Two-way pairs are index synonyms instead.
 */
export function falseFriendReading(simplified: string, regional: RegionalEntry[]): string {
  const table = falseFriendTable(regional);
  let out = '';
  for (let i = 0; i < simplified.length;) {
    const entry = table.get(simplified[i] as string)?.find((e) => simplified.startsWith(e.variant, i));
    if (entry) {
      out += entry.mainland;
      i += entry.variant.length;
    } else {
      out += simplified[i];
      i++;
    }
  }
  return out;
}

/** Space-separated words and "quoted phrases" of a query, quotes removed. */
export function queryTerms(query: string): string[] {
  return [...tidyQuery(query).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter(Boolean);
}

/** A bounded map that forgets the least recently used key: caches for the hot path that cannot grow. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert so the key becomes the most recent (Map keeps insertion order).
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): V {
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
    return value;
  }
}

// Analysts repeat queries (paging, facet clicks): normalizing one costs far more than a cache hit.
const prepared = new WeakMap<RegionalEntry[], Lru<PreparedQuery>>();

/** Prepares a query: its normalized readings, the script it was typed in and its terms. */
export function prepareQuery(q: string, regional: RegionalEntry[]): PreparedQuery {
  let cache = prepared.get(regional);
  if (!cache) prepared.set(regional, (cache = new Lru(2000)));
  const cached = cache.get(q);
  if (cached) return cached;
  const script = queryScript(q);
  const withFalseFriends = (forms: string[]) =>
    script === 'traditional' ? [...new Set([...forms, ...forms.map((f) => falseFriendReading(f, regional))])] : forms;
  const forms = withFalseFriends(queryForms(q));
  const terms = queryTerms(q).map((term) => withFalseFriends(queryForms(term)));
  // Frozen: every caller of a repeated query shares the object.
  return cache.set(q, Object.freeze({ simplified: forms[0] ?? normalizeQuery(q), forms, script, terms }));
}
