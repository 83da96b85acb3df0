// OpenCC conversion with the same result as opencc-js's `Converter`, several times faster on long text:
// opencc-js walks its trie at every character; here a table per trie says which characters can start a
// match at all, so most characters are skipped with one array lookup. The tries and their order are
// opencc-js's own (Locale.configs), so every match is still decided by opencc-js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as OpenCC from 'opencc-js';
import { fromRoot } from '../root.js';

// opencc-js ships its presets in two halves: to simplified (t2cn, 110 KB) and from simplified (cn2t, 1.1 MB);
// its default export is both, 2.3 MB that every process compiled at start-up, a search too. Each half is
// loaded on first use of one of its presets, so a simplified query on simplified passages loads neither.
const requireHere = createRequire(import.meta.url);
/** The half of opencc-js that holds a preset ('tw2s', 's2tw', …): presets from simplified start with s2. */
export const openccWith = (preset: string): typeof OpenCC => requireHere(preset.startsWith('s2') ? 'opencc-js/cn2t' : 'opencc-js/t2cn') as typeof OpenCC;
const newTrie = (): OpenCC.Trie => new (openccWith('t2s').Trie)();

type DictLike = OpenCC.DictLike;
type DictGroup = OpenCC.DictGroup;

/** opencc-js's preset for one conversion (its type declarations leave out `normalizationChain`). */
interface Config {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

// Ideographic description characters make opencc-js skip a whole sequence, and astral characters are
// matched by code point: text with either goes through opencc-js itself.
const SLOW = /[\u2ff0-\u2fff\ud800-\udfff]/;

const NONE = 0;
const SINGLE = 1;
const PREFIX = 2;

/** One opencc-js trie with a table of what each BMP character can start. */
class FastTrie {
  /** NONE: no key starts here; SINGLE: only this one-character key; PREFIX: longer keys start here. */
  private readonly starts = new Uint8Array(0x10000);
  private readonly single = new Map<number, string>();

  constructor(
    private readonly trie: OpenCC.Trie,
    keys: Iterable<string>,
  ) {
    for (const key of keys) {
      const c = key.charCodeAt(0);
      const kind = [...key].length > 1 ? PREFIX : SINGLE;
      if (kind > (this.starts[c] ?? NONE)) this.starts[c] = kind;
    }
    for (let c = 0; c < 0x10000; c++) {
      if (this.starts[c] !== SINGLE) continue;
      // The value opencc-js itself picks (the first dictionary of a group wins).
      const value = trie.matchPrefix(String.fromCharCode(c), 0)?.value;
      if (value === undefined) this.starts[c] = NONE;
      else this.single.set(c, value);
    }
  }

  /** The match at `i` as opencc-js finds it, or null. */
  private match(text: string, i: number): { end: number; value: string } | null {
    const c = text.charCodeAt(i);
    const kind = this.starts[c];
    if (kind === NONE) return null;
    if (kind === SINGLE) return { end: i + 1, value: this.single.get(c) ?? '' };
    return this.trie.matchPrefix(text, i);
  }

  /** Calls `visit` for every match, left to right, as opencc-js's longest-match scan finds them. */
  private scan(text: string, visit: (start: number, end: number, value: string) => void): void {
    for (let i = 0; i < text.length;) {
      const m = this.match(text, i);
      if (!m) {
        i++;
        continue;
      }
      visit(i, m.end, m.value);
      i = m.end;
    }
  }

  /** Trie.convert: every match replaced by its value. */
  convert(text: string): string {
    if (SLOW.test(text)) return this.trie.convert(text);
    let out = '';
    let copied = 0;
    this.scan(text, (start, end, value) => {
      out += text.slice(copied, start) + value;
      copied = end;
    });
    return copied === 0 ? text : out + text.slice(copied);
  }

  /** Trie.segment: matches and the runs between them, in order. */
  segment(text: string): string[] {
    if (SLOW.test(text)) return this.trie.segment(text);
    const out: string[] = [];
    let run = 0;
    this.scan(text, (start, end) => {
      if (run < start) out.push(text.slice(run, start));
      out.push(text.slice(start, end));
      run = end;
    });
    if (run < text.length) out.push(text.slice(run));
    return out;
  }
}

/** The source side of every entry of a dictionary (opencc-js's two formats). */
function* keysOf(dict: DictLike): Generator<string> {
  if (typeof dict === 'string') {
    for (const entry of dict.split('|')) yield entry.split(' ')[0] ?? '';
  } else {
    for (const [from] of dict) yield from;
  }
}

/** Only the entries of one-character keys: all that can match when characters are converted one by one. */
function singleCharacters(dict: DictLike): DictLike {
  const single = (key: string) => [...key].length === 1;
  if (typeof dict !== 'string') return dict.filter((entry: readonly [string, string]) => single(entry[0]));
  return dict.split('|').flatMap((entry): Array<[string, string]> => {
    const [from = '', to = ''] = entry.split(' ');
    return single(from) ? [[from, to]] : [];
  });
}

function groupTrie(group: DictGroup, characters: boolean): FastTrie {
  const dicts = characters ? group.map(singleCharacters) : group;
  const trie = newTrie();
  trie.loadDictGroup(dicts);
  return new FastTrie(
    trie,
    dicts.flatMap((d: DictLike) => [...keysOf(d)]),
  );
}

function isStringGroup(value: DictLike | DictGroup): value is readonly string[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'string');
}

/** The entries of a dictionary whose key starts with one of `chars`. */
function startingWith(dict: DictLike, chars: Set<string>): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  if (typeof dict === 'string') {
    if (chars.size === 0) return entries;
    // Only entries whose key starts with one of `chars` are matched at all: the regex engine skips the rest of
    // the 400,000 characters without building a match for each entry (that garbage was most of a search's
    // conversion time).
    const first = [...chars].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
    for (const m of dict.matchAll(new RegExp(`(?:^|\\|)([${first}][^ |]*) ([^|]*)`, 'gu'))) entries.push([m[1] ?? '', m[2] ?? '']);
  } else {
    for (const [key, value] of dict) if (chars.has(String.fromCodePoint(key.codePointAt(0) ?? 0))) entries.push([key, value]);
  }
  return entries;
}

/**
 * Whether a key occurs somewhere in `texts`: only such a key can match there, so the others need not be built
 * into a trie (for a page of hits, tens of thousands of phrases start with one of its characters; a few hundred
 * occur). Found through the positions of the key's first two UTF-16 units.
 */
function occursIn(texts: string[]): (key: string) => boolean {
  const at = new Map<string, Array<[string, number]>>();
  for (const text of texts) {
    for (let i = 0; i + 1 < text.length; i++) {
      const pair = text.slice(i, i + 2);
      const list = at.get(pair);
      if (list) list.push([text, i]);
      else at.set(pair, [[text, i]]);
    }
  }
  return (key) => key.length < 2 || (at.get(key.slice(0, 2))?.some(([text, i]) => text.startsWith(key, i)) ?? false);
}

/**
 * Converts a few texts with a preset, as `fastConverter(name)` would, building only the entries that can
 * match in them (a key can match only where its first character stands). For a handful of passages this
 * takes a fraction of the full build (the Taiwan tables alone hold 400,000 characters of phrases). Each
 * step of the chain is built for the text it receives, since an earlier step brings in new characters.
 */
export function convertFew(name: string, texts: string[]): string[] {
  const config = presetConfig(name);
  const trieFor = (group: DictGroup, parts: string[]) => {
    const chars = new Set(parts.flatMap((t) => [...t]));
    const occurs = occursIn(parts);
    const trie = newTrie();
    trie.loadDictGroup(group.map((dict: DictLike) => startingWith(dict, chars).filter(([key]) => occurs(key))));
    return trie;
  };
  let parts = texts.map((t) => [t]);
  for (const group of config.normalizationChain ?? []) {
    const trie = trieFor(group, parts.flat());
    parts = parts.map((p) => p.map((t) => trie.convert(t)));
  }
  const seg = config.segmentation;
  if (seg !== undefined) {
    const trie = trieFor(isStringGroup(seg) ? seg : [seg as DictLike], parts.flat());
    parts = parts.map((p) => p.flatMap((t) => trie.segment(t)));
  }
  for (const group of config.conversionChain) {
    const trie = trieFor(group, parts.flat());
    parts = parts.map((p) => p.map((t) => trie.convert(t)));
  }
  return parts.map((p) => p.join(''));
}

/** One dictionary group as opencc-js applies it to a lone character: the first dictionary with the key wins. */
function characterGroup(group: DictGroup): Map<string, string> {
  const table = new Map<string, string>();
  const add = (from: string, to: string) => {
    if ([...from].length === 1 && !table.has(from)) table.set(from, to);
  };
  for (const dict of group) {
    // Phrase dictionaries run to 400,000 characters: pick the short keys out without splitting them all.
    if (typeof dict === 'string') for (const m of dict.matchAll(/(?:^|\|)([^ |]{1,2}) ([^|]*)/g)) add(m[1] ?? '', m[2] ?? '');
    else for (const [from, to] of dict) add(from, to);
  }
  return table;
}

/**
 * What an opencc-js preset does to each character on its own, as a map of the characters it changes:
 * the same answers as converting the character alone, without converting the whole character range.
 */
export function characterChanges(name: string): Map<string, string> {
  const config = presetConfig(name);
  const groups = [...(config.normalizationChain ?? []), ...config.conversionChain].map(characterGroup);
  const changes = new Map<string, string>();
  for (const from of new Set(groups.flatMap((g) => [...g.keys()]))) {
    const to = groups.reduce((ch, g) => g.get(ch) ?? ch, from);
    if (to !== from) changes.set(from, to);
  }
  return changes;
}

/**
 * Every BMP character a preset's dictionaries change somewhere (a key's character whose value differs at its
 * place): a text holding none of them comes out of the conversion unchanged.
 */
export function presetChangedCharacters(name: string): Set<string> {
  const config = presetConfig(name);
  const seg = config.segmentation;
  const groups = [
    ...(config.normalizationChain ?? []),
    ...config.conversionChain,
    ...(seg === undefined ? [] : isStringGroup(seg) ? [seg] : [[seg as DictLike]]),
  ];
  const chars = new Set<string>();
  for (const group of groups) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [key = '', value = ''] of entries) {
        const k = [...key];
        const v = [...value];
        k.forEach((ch, i) => {
          if (ch.length === 1 && (k.length !== v.length || v[i] !== ch)) chars.add(ch);
        });
      }
    }
  }
  return chars;
}

const configs = new Map<string, Config>();

/**
 * A preset from simplified as the build wrote it (src/bin/build.js: dist/opencc/NAME.json), when it came from
 * the opencc-js installed now: some 5 ms to read and parse instead of some 20 ms to load the 1.1 MB half of
 * opencc-js (UTF-16, which Chinese text reads back in far faster than UTF-8).
 */
function builtConfig(name: string): Config | undefined {
  if (!name.startsWith('s2')) return undefined;
  try {
    const built = JSON.parse(readFileSync(fromRoot('dist', 'opencc', `${name}.json`), 'utf16le')) as { version?: string; config?: Config };
    // opencc-js's exports leave package.json out: it sits three levels above dist/umd/cn2t.js (as build.js reads it).
    const manifest = readFileSync(path.join(requireHere.resolve('opencc-js/cn2t'), '../../../package.json'), 'utf8');
    return built.version === (JSON.parse(manifest) as { version?: string }).version ? built.config : undefined;
  } catch {
    return undefined; // not built (the sources through tsx): opencc-js itself
  }
}

function presetConfig(name: string): Config {
  let config = configs.get(name);
  if (!config) {
    config = builtConfig(name) ?? (openccWith(name).Locale as { configs?: Record<string, Config> }).configs?.[name];
    if (!config) throw new Error(`unknown OpenCC preset ${name}`);
    configs.set(name, config);
  }
  return config;
}

/**
 * Builds the converter of an opencc-js preset ('tw2s', 's2tw', …) the way opencc-js's `Converter` does.
 * `characters`: leave out phrases — much quicker to build, for converting isolated characters.
 */
export function fastConverter(name: string, { characters = false } = {}): (text: string) => string {
  const config = presetConfig(name);
  const build = (group: DictGroup) => groupTrie(group, characters);
  const normalization = (config.normalizationChain ?? []).map(build);
  const seg = config.segmentation;
  // opencc-js loads a list of dictionary strings as a group, anything else as one dictionary.
  const segmentation = seg === undefined ? undefined : isStringGroup(seg) ? build(seg) : build([seg as DictLike]);
  const chain = config.conversionChain.map(build);
  return (text: string) => {
    const normalized = normalization.reduce((s, t) => t.convert(s), text);
    const parts = segmentation ? segmentation.segment(normalized) : [normalized];
    let out = '';
    for (const part of parts) out += chain.reduce((s, t) => t.convert(s), part);
    return out;
  };
}
