// The figures stage's dictionaries (units.txt, figure-cues.txt): plain text files under dictionaries/,
// read once per folder on first use. Entries are folded like the text (normalize.ts), so one simplified
// entry matches simplified, traditional and full-width writing alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FigureKind, Qualifier } from '../../schema.js';
import { foldText } from '../../text/fold.js';
import { fromRoot } from '../../root.js';

/** A unit's kind: a figure kind, or point (a date, time or code part: the number before it is no figure). */
export type UnitKindName = FigureKind | 'point';

export interface Unit {
  /** As written in the dictionary (folded). */
  text: string;
  kind: UnitKindName;
  /** The unit reported; empty for none. */
  unit: string;
  factor: number;
  max: number;
  prefix: boolean;
  /** ISO 4217 code of a currency unit (currency=…), else null. */
  currency: string | null;
}

export type CueRole =
  `pre:${Qualifier}` | `post:${Qualifier}` | `mid:${Qualifier}` | 'block' | 'link' | 'reach' | 'change' | 'predicate' | 'target' | 'actual' | 'other';

export interface Dictionaries {
  /** Units written after a number, by first character, longest first. */
  units: Map<string, Unit[]>;
  /** Longest unit written after a number, in characters. */
  longestUnit: number;
  /** Units written before a number ($, ¥), longest first. */
  prefixUnits: Unit[];
  /** Cue words and their roles. */
  cues: Map<string, Set<CueRole>>;
  /** Longest cue, in characters (bounds backward matching). */
  longestCue: number;
  /** First and last characters of cues: a quick no before any lookup. */
  cueFirst: Set<string>;
  cueLast: Set<string>;
}

const DEFAULT_DIR = fromRoot('dictionaries');
const cache = new Map<string, Dictionaries>();

function lines(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(/\s+/));
}

const KINDS = new Set<string>([...FigureKind.options, 'point']);
const QUALIFIERS = new Set<string>(Qualifier.options);

function parseUnits(file: string): Pick<Dictionaries, 'units' | 'longestUnit' | 'prefixUnits'> {
  const units = new Map<string, Unit[]>();
  const prefixUnits: Unit[] = [];
  for (const [rawText, kind, ...opts] of lines(file)) {
    if (!rawText || !kind || !KINDS.has(kind)) throw new Error(`${file}: bad entry "${rawText} ${kind ?? ''}"`);
    const text = foldText(rawText);
    const entry: Unit = { text, kind: kind as UnitKindName, unit: rawText, factor: 1, max: Infinity, prefix: false, currency: null };
    for (const opt of opts) {
      const [key, value = ''] = opt.split('=');
      if (key === 'unit') entry.unit = value === '-' ? '' : value;
      else if (key === 'factor') entry.factor = Number(value);
      else if (key === 'max') entry.max = Number(value);
      else if (key === 'prefix') entry.prefix = true;
      else if (key === 'currency' && /^[A-Z]{3}$/.test(value)) entry.currency = value;
      else throw new Error(`${file}: unknown option "${opt}" for "${rawText}"`);
      if (!Number.isFinite(entry.factor) || Number.isNaN(entry.max)) throw new Error(`${file}: bad number in "${opt}"`);
    }
    if (entry.prefix) prefixUnits.push(entry);
    else {
      const first = text[0] as string;
      const list = units.get(first) ?? [];
      list.push(entry);
      units.set(first, list);
    }
  }
  for (const list of units.values()) list.sort((a, b) => b.text.length - a.text.length);
  prefixUnits.sort((a, b) => b.text.length - a.text.length);
  const longestUnit = Math.max(0, ...[...units.values()].map((list) => list[0]?.text.length ?? 0));
  return { units, longestUnit, prefixUnits };
}

function parseCues(file: string): Pick<Dictionaries, 'cues' | 'longestCue' | 'cueFirst' | 'cueLast'> {
  const cues = new Map<string, Set<CueRole>>();
  let longestCue = 0;
  for (const [rawWord, role] of lines(file)) {
    if (!rawWord || !role) continue;
    const [head, q] = role.split(':');
    const ok =
      (q !== undefined && (head === 'pre' || head === 'post' || head === 'mid') && QUALIFIERS.has(q)) ||
      (q === undefined && ['block', 'link', 'reach', 'change', 'predicate', 'target', 'actual', 'other'].includes(role));
    if (!ok) throw new Error(`${file}: unknown role "${role}" for "${rawWord}"`);
    const word = foldText(rawWord);
    const roles = cues.get(word) ?? new Set<CueRole>();
    roles.add(role as CueRole);
    cues.set(word, roles);
    longestCue = Math.max(longestCue, word.length);
  }
  const cueFirst = new Set([...cues.keys()].map((w) => w[0] as string));
  const cueLast = new Set([...cues.keys()].map((w) => w[w.length - 1] as string));
  return { cues, longestCue, cueFirst, cueLast };
}

/** The dictionaries of `dir` (default: the repository's dictionaries/), read once. */
export function loadDictionaries(dir?: string | URL): Dictionaries {
  const base = dir === undefined ? DEFAULT_DIR : typeof dir === 'string' ? dir : fileURLToPath(dir);
  let dict = cache.get(base);
  if (!dict) {
    const file = (name: string) => path.join(base, name);
    dict = { ...parseUnits(file('units.txt')), ...parseCues(file('figure-cues.txt')) };
    cache.set(base, dict);
  }
  return dict;
}
