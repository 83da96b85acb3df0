// Entity dictionaries: plain UTF-8 files under dictionaries/entities/, loaded into lookup tables.
//
// Two kinds of file (DESIGN.md: documented at the top of each file):
//  - entity files (every *.txt not named below): `NAME TYPE [ALIAS ...]`, whitespace separated, TYPE one of
//    person|place|org; aliases resolve to NAME, the canonical. A line `!NAME` blocks NAME (and rule-found
//    mentions with exactly that text), so a user can remove a built-in name without editing shipped files.
//  - list files: surnames.txt, surnames-ja.txt, org-suffixes.txt, place-suffixes.txt, titles.txt: one item per line.
// `#` starts a comment (at line start, or after whitespace).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EntityType } from '../../schema.js';
import { InputError } from '../../errors.js';
import { fromRoot } from '../../root.js';
import { Trie } from './trie.js';
import { foldWord } from '../../text/fold.js';
import { TRADITIONAL_ONLY } from '../../text/script-table.js';

export interface EntityEntry {
  /** The canonical name. */
  name: string;
  type: EntityType;
  aliases: string[];
  /** File name the entry came from (for `dict list` and error messages). */
  file: string;
}

/** What a surface form (name or alias) in the text resolves to. */
export interface SurfaceHit {
  type: EntityType;
  canonical: string;
  /** True for the canonical name itself, false for an alias. */
  primary: boolean;
}

export interface EntityDictionaries {
  /** Canonical name → entry; a later file overrides an earlier one (user.txt is read last). */
  entries: Map<string, EntityEntry>;
  /** Surface form → what it means; longest-match lookup goes through `trie`. */
  surfaces: Map<string, SurfaceHit>;
  trie: Trie<SurfaceHit>;
  /** Names blocked by `!NAME` lines. */
  blocked: Set<string>;
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  /** Japanese surnames (佐藤, 佐佐木), read with a given name of one to three characters. */
  japaneseSurnames: Set<string>;
  orgSuffixes: string[];
  placeSuffixes: string[];
  /** Role and title words that precede a person's name (书记, 董事长, 记者 …). */
  titles: string[];
  titleSet: Set<string>;
}

/** The longest suffix of `list` (sorted longest first) that `word` ends with, looked up by last character. */
export function suffixOf(index: Map<string, string[]>, word: string): string | undefined {
  const candidates = index.get(word[word.length - 1] ?? '');
  return candidates?.find((s) => word.endsWith(s));
}

export function indexSuffixes(list: string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const s of list) {
    const last = s[s.length - 1] ?? '';
    index.set(last, [...(index.get(last) ?? []), s]);
  }
  return index;
}

export const LIST_FILES = ['surnames.txt', 'surnames-ja.txt', 'org-suffixes.txt', 'place-suffixes.txt', 'titles.txt'] as const;
export const USER_FILE = 'user.txt';

/** The bundled dictionaries folder (dictionaries/entities at the project root). */
export function defaultDictionaryDir(): string {
  return fromRoot('dictionaries', 'entities');
}

function stripComment(line: string): string {
  if (line.trimStart().startsWith('#')) return '';
  const at = line.search(/\s#/);
  return (at >= 0 ? line.slice(0, at) : line).trim();
}

export interface ParsedEntityFile {
  entries: EntityEntry[];
  blocked: string[];
}

/** Parses an entity file; a malformed line is an InputError naming file and line. */
export function parseEntityFile(text: string, file: string): ParsedEntityFile {
  const entries: EntityEntry[] = [];
  const blocked: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = stripComment(raw);
      if (!line) return;
      if (line.startsWith('!')) {
        const name = line.slice(1).trim();
        if (name) blocked.push(name);
        return;
      }
      const [name, type, ...aliases] = line.split(/\s+/);
      const parsed = EntityType.safeParse(type);
      if (!name || !parsed.success) {
        throw new InputError(`${file}:${i + 1}: expected "NAME person|place|org [ALIAS ...]", got "${raw.trim()}"`);
      }
      entries.push({ name, type: parsed.data, aliases: aliases.filter((a) => a !== name), file });
    });
  return { entries, blocked };
}

/** Parses a list file: the first field of every non-comment line. */
export function parseListFile(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const first = stripComment(raw).split(/\s+/)[0];
    if (first) out.push(first);
  }
  return out;
}

export interface DictionarySources {
  entityFiles: { file: string; text: string }[];
  lists: Partial<Record<(typeof LIST_FILES)[number], string>>;
}

/** Reads the folder's files: entity files in name order with user.txt last, then the list files. */
export function readDictionarySources(dir: string): DictionarySources {
  if (!existsSync(dir)) throw new InputError(`dictionary folder not found: ${dir}`);
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const listNames = new Set<string>(LIST_FILES);
  const entityNames = names.filter((f) => !listNames.has(f) && f !== USER_FILE);
  if (names.includes(USER_FILE)) entityNames.push(USER_FILE);
  const lists: DictionarySources['lists'] = {};
  for (const f of LIST_FILES) if (names.includes(f)) lists[f] = readFileSync(path.join(dir, f), 'utf8');
  return {
    entityFiles: entityNames.map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') })),
    lists,
  };
}

/**
 * A name as the stage reads it: each Han character as a traditional passage reads (simplifiedReading, the
 * same table), so 證監會 in a file matches 證監會 and 证监会 in text alike.
 */
export function nameReading(name: string): string {
  let out = '';
  for (const ch of name) out += ch >= '\u3400' && ch <= '\u9fff' ? foldWord(ch) : ch;
  return out;
}

let traditionalOnly: Set<string> | undefined;

/**
 * The canonical form of a name as written in a file: a name in traditional script (it holds a character
 * simplified Chinese never writes: 會, 區) has its simplified reading as canonical, like every mention of
 * traditional text; any other name stays as written (乾县 is not 干县).
 */
export function canonicalForm(name: string): string {
  traditionalOnly ??= new Set(TRADITIONAL_ONLY);
  for (const ch of name) if (traditionalOnly.has(ch)) return nameReading(name);
  return name;
}

/** Region words after a place that leave it one place (亚太地区, 台湾地区): indexed with every place name. */
const REGION_WORDS = ['地区'];

/** Builds the lookup tables from file contents (pure; tests build dictionaries from strings). */
export function buildDictionaries(sources: DictionarySources): EntityDictionaries {
  const entries = new Map<string, EntityEntry>();
  const blocked = new Set<string>();
  for (const { file, text } of sources.entityFiles) {
    const parsed = parseEntityFile(text, file);
    for (const raw of parsed.entries) {
      // Files may write names in either script; the same name in both scripts is one entry. A traditional
      // name stays an alias as written: a passage with too few traditional characters is read as it is.
      const name = canonicalForm(raw.name);
      const written = [raw.name, ...raw.aliases.flatMap((a) => [canonicalForm(a), a])];
      const e = { ...raw, name, aliases: [...new Set(written)].filter((a) => a !== name) };
      const prev = entries.get(name);
      // Same name twice: the later file decides the type; aliases accumulate.
      entries.set(name, prev ? { ...e, aliases: [...new Set([...prev.aliases, ...e.aliases])] } : e);
    }
    for (const b of parsed.blocked) blocked.add(canonicalForm(b));
  }
  for (const b of [...blocked]) {
    entries.delete(b);
    blocked.add(nameReading(b));
  }

  const surfaces = new Map<string, SurfaceHit>();
  // Every surface also under its reading (乾县 and 干县 of traditional text); the written form comes first.
  const add = (surface: string, hit: SurfaceHit) => {
    for (const s of [surface, nameReading(surface)]) if (!surfaces.has(s) && !blocked.has(s)) surfaces.set(s, hit);
  };
  // Canonical names first, so an alias never shadows another entry's own name.
  for (const e of entries.values()) add(e.name, { type: e.type, canonical: e.name, primary: true });
  for (const e of entries.values()) for (const a of e.aliases) add(a, { type: e.type, canonical: e.name, primary: false });
  const trie = new Trie<SurfaceHit>();
  for (const [surface, hit] of surfaces) trie.add(surface, hit);
  // 亚太地区: a place and a region word are one place, longer than the place alone. Only in the trie (the
  // longest match), not a word of the segmenter or of search.
  // A run of one-character abbreviations (港澳地区, 京津冀地区) stays several places (abbreviations.ts).
  const abbreviations = (s: string) => [...s].every((ch) => surfaces.get(ch)?.type === 'place');
  for (const [surface, hit] of surfaces) {
    if (hit.type !== 'place' || surface.length < 2 || abbreviations(surface)) continue;
    for (const w of REGION_WORDS) if (!surfaces.has(surface + w)) trie.add(surface + w, { ...hit, primary: false });
  }

  const surnameList = parseListFile(sources.lists['surnames.txt'] ?? '');
  const byLengthDesc = (a: string, b: string) => b.length - a.length;
  return {
    entries,
    surfaces,
    trie,
    blocked,
    surnames: new Set(surnameList.filter((s) => s.length === 1)),
    compoundSurnames: new Set(surnameList.filter((s) => s.length > 1)),
    japaneseSurnames: new Set(parseListFile(sources.lists['surnames-ja.txt'] ?? '').filter((s) => s.length >= 2)),
    orgSuffixes: [...new Set(parseListFile(sources.lists['org-suffixes.txt'] ?? ''))].sort(byLengthDesc),
    placeSuffixes: [...new Set(parseListFile(sources.lists['place-suffixes.txt'] ?? ''))].sort(byLengthDesc),
    titles: [...new Set(parseListFile(sources.lists['titles.txt'] ?? ''))].sort(byLengthDesc),
    titleSet: new Set(parseListFile(sources.lists['titles.txt'] ?? '')),
  };
}

const cache = new Map<string, EntityDictionaries>();

/** Loads every dictionary file of `dir` (default: the bundled dictionaries/entities). Cached per folder. */
export function loadEntityDictionaries(dir: string = defaultDictionaryDir(), options: { fresh?: boolean } = {}): EntityDictionaries {
  const key = path.resolve(dir);
  const hit = cache.get(key);
  if (hit && !options.fresh) return hit;
  const dicts = buildDictionaries(readDictionarySources(key));
  cache.set(key, dicts);
  return dicts;
}
