// A quantity is a number with what is written around it: a unit (dictionary), 个半/年半 halves, and the
// qualifier cues before, between and after (超7万个, 400多名, 60万个以上). Scanning is one left-to-right
// pass over the folded text.
import type { FigureKind, Qualifier } from '../../schema.js';
import { type CueRole, type Dictionaries, type Unit, loadDictionaries } from './dictionary.js';
import { foldText } from '../../text/fold.js';
import { isAsciiDigit, isHan, isLatinLetter, numeral } from './numerals.js';
import { type NumberSpan, decimalSpan, mayStartNumber, readNumber } from './numbers/index.js';
import { TokenIndex } from './tokens.js';
import { segment } from '../segment.js';

export interface Quantity {
  /** The whole figure text: pre cue … post cue. */
  start: number;
  end: number;
  /** The number itself. */
  num: NumberSpan;
  value: number;
  valueHi: number | null;
  /** The unit reported ('' when none). */
  unit: string;
  kind: FigureKind | 'point' | null;
  /** The dictionary unit matched, if any, and where. */
  unitEntry: Unit | null;
  unitStart: number;
  unitEnd: number;
  qualifier: Qualifier;
  /** Where the pre cue starts (== num.start when none). */
  cueStart: number;
  /** Has a post cue (以上, 左右). */
  postCue: boolean;
  /** ISO code of the currency named (港元, NT$, 元人民币); null for bare 元 and for what is not money. */
  currency: string | null;
}

const SPACE = 0x20;
const GLUED_CUES = new Set(['约', '近', '超', '逾', '破']);
const FU_CODE = '负'.charCodeAt(0);
const BAN_CODE = '半'.charCodeAt(0);
const CLOCK = /^[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?![0-9]|\.[0-9])/;

function skipSpaces(s: string, pos: number, max = 4): number {
  let p = pos;
  while (p < s.length && p - pos < max && s.charCodeAt(p) === SPACE) p++;
  return p;
}

// Layout spaces other than U+0020 (no-break, thin, figure, en/em spaces; PDF text is full of them) read as
// one space, so they separate thousands (4 800萬) and follow a qualifier (超過 40%) like a space does.
const LAYOUT_SPACES = /[\u00a0\u2002-\u200a\u202f\u205f]/g;

/** The figures stage's matching copy of a text: foldText, and layout spaces as plain spaces (same length). */
export function foldFigures(text: string): string {
  return foldText(text).replace(LAYOUT_SPACES, ' ');
}

/** Longest unit written at pos that may follow a number of value `value`. */
export function unitAt(dict: Dictionaries, s: string, pos: number, value = 0): Unit | null {
  const list = dict.units.get(s[pos] ?? '');
  if (!list) return null;
  for (const u of list) {
    if (!s.startsWith(u.text, pos)) continue;
    if (Math.abs(value) > u.max) continue;
    // Latin units end a word: 5G is no 5 g, 3000P（ is 3000 P.
    const lastLatin = isLatinLetter(u.text.charCodeAt(u.text.length - 1));
    const next = s.charCodeAt(pos + u.text.length);
    if (lastLatin && (isLatinLetter(next) || isAsciiDigit(next))) continue;
    return u;
  }
  return null;
}

/**
 * A Chinese unit written with layout spaces between its characters (2.4 个 百 分 点, as in text taken from
 * PDF or OCR), when that reads a longer unit than the one written without them. Null when no space is near.
 */
function spacedUnitAt(dict: Dictionaries, s: string, pos: number, value: number, longerThan: number): { unit: Unit; end: number } | null {
  const list = dict.units.get(s[pos] ?? '');
  if (!list || !isHan(s.charCodeAt(pos))) return null;
  let spaced = false;
  for (let k = 1; k < dict.longestUnit && pos + k < s.length && !spaced; k++) spaced = s.charCodeAt(pos + k) === SPACE;
  if (!spaced) return null;
  let compact = '';
  const ends: number[] = [];
  let p = pos;
  while (compact.length < dict.longestUnit && p < s.length && isHan(s.charCodeAt(p))) {
    compact += s[p];
    p++;
    ends.push(p);
    const q = skipSpaces(s, p);
    if (q > p && isHan(s.charCodeAt(q))) p = q;
  }
  for (const u of list) {
    if (u.text.length <= longerThan) break;
    if (compact.startsWith(u.text) && Math.abs(value) <= u.max) return { unit: u, end: ends[u.text.length - 1] as number };
  }
  return null;
}

function roleOf(roles: Set<CueRole> | undefined, head: 'pre' | 'post' | 'mid'): Qualifier | null {
  if (!roles) return null;
  for (const r of roles) {
    if (r.startsWith(head + ':')) return r.slice(head.length + 1) as Qualifier;
  }
  return null;
}

/** The longest word of the cue dictionary ending at `end` with one of `roles`. */
function cueEndingAt(dict: Dictionaries, s: string, end: number, want: 'pre' | 'link'): { start: number; roles: Set<CueRole> } | null {
  if (!dict.cueLast.has(s[end - 1] ?? '')) return null;
  for (let len = Math.min(dict.longestCue, end); len >= 1; len--) {
    const roles = dict.cues.get(s.slice(end - len, end));
    if (!roles) continue;
    if (roles.has('block')) return null;
    if (want === 'link' ? roles.has('link') : roleOf(roles, 'pre') !== null) return { start: end - len, roles };
  }
  return null;
}

/** Word boundaries from the segmenter, when known. */
export interface WordBounds {
  isWordStart(pos: number): boolean;
  /** The word at pos is one the segmenter does not know (x). */
  isUnknownWord(pos: number): boolean;
}

const NO_WORDS: WordBounds = { isWordStart: () => true, isUnknownWord: () => false };

/** A cue must start a word (人数1000 has no 数 cue), or end one that a linking verb begins (佔近八成). */
function cueStartsWord(dict: Dictionaries, s: string, start: number, words: WordBounds): boolean {
  if (words.isWordStart(start)) return true;
  // Words the segmenter does not know (x), common in traditional text, say nothing about boundaries.
  if (words.isUnknownWord(start)) return true;
  let head = -1;
  for (let h = start - 1; h >= 0 && start - h <= 3; h--) {
    if (words.isWordStart(h)) {
      if (dict.cues.get(s.slice(h, start))?.has('link')) return true;
      head = h;
      break;
    }
  }
  // 约, 近, 超, 逾 glued by the segmenter to a word of two or more characters (全长约21.5公里) still
  // qualify the number; in a two-character word (签约, 赶超) they belong to the word.
  return GLUED_CUES.has(s[start] ?? '') && words.isWordStart(start + 1) && head >= 0 && start - head >= 2;
}

/** A post cue (以上, 左右 …) at pos. */
function postCueAt(dict: Dictionaries, s: string, pos: number): { end: number; q: Qualifier } | null {
  if (!dict.cueFirst.has(s[pos] ?? '')) return null;
  for (let len = Math.min(dict.longestCue, s.length - pos); len >= 1; len--) {
    const word = s.slice(pos, pos + len);
    const q = roleOf(dict.cues.get(word), 'post');
    if (!q) continue;
    // 上下游 and 前后端 are words of their own.
    const next = s[pos + len] ?? '';
    if ((word === '上下' && next === '游') || (word === '前后' && /[端台]/.test(next)) || (word === '许' && next === '多')) return null;
    return { end: pos + len, q };
  }
  return null;
}

/** Attaches unit and cues to a number read at num. */
function attach(dict: Dictionaries, s: string, num: NumberSpan, words: WordBounds): Quantity {
  let p = num.end;
  let mid: Qualifier | null = null;
  const midRoles = dict.cues.get(s[p] ?? '');
  const midQ = roleOf(midRoles, 'mid');
  // 多/余/来 between number and unit (400多名, 2万多个), or closing the number (四百多).
  if (midQ && !numeral(s.charCodeAt(p + 1))) {
    mid = midQ;
    p += 1;
  }
  let half = false;
  let change = 0;
  let unitPos = skipSpaces(s, p);
  if (s.startsWith('个半', unitPos)) {
    const u = unitAt(dict, s, unitPos + 2);
    if (u && (u.kind === 'duration' || u.kind === 'measure')) {
      half = true;
      unitPos += 2;
    }
  }
  let unit: Unit | null = null;
  let unitStart = unitPos;
  let unitEnd = unitPos;
  if (num.fraction === null) {
    unit = unitAt(dict, s, unitPos, num.value);
    unitEnd = unitPos + (unit?.text.length ?? 0);
    const spaced = spacedUnitAt(dict, s, unitPos, num.value, unit?.text.length ?? 0);
    if (spaced) {
      unit = spaced.unit;
      unitEnd = spaced.end;
    }
  }
  let tenths = 0;
  if (unit) {
    p = unitEnd;
    // 两年半, 三天半, 三成半.
    const halves = unit.kind === 'duration' || unit.kind === 'measure' || unit.kind === 'money' || unit.kind === 'multiple' || unit.text === '成';
    if (s[p] === '半' && halves && !half) {
      half = true;
      p += 1;
    } else if (unit.text === '成' && !half) {
      // 七成六 = 7.6成 = 76 %: one more digit after 成, when no unit of its own follows (七成 六家 is two).
      const q = skipSpaces(s, p);
      const d = numeral(s.charCodeAt(q));
      const after = s.charCodeAt(q + 1);
      if (d && d.cls === 'digit' && !d.formal && s[q] !== '两' && !numeral(after) && !isAsciiDigit(after) && !unitAt(dict, s, q + 1)) {
        tenths = d.value / 10;
        p = q + 1;
        unitEnd = p;
      }
    }
    // 50元6角3分: smaller money units after 元.
    if (unit.text === '元' || unit.text === '块') {
      const extra = smallChange(s, p);
      if (extra) {
        change = extra.value;
        p = extra.end;
        unitEnd = p;
      }
    }
    // 10年余, 3个月多.
    if (!mid) {
      const after = roleOf(dict.cues.get(s[p] ?? ''), 'mid');
      if (after === 'gt' && !isHanWordAfter(s, p + 1)) {
        mid = after;
        p += 1;
      }
    }
  } else {
    unitStart = unitEnd = num.end;
  }
  let postCue = false;
  let post: Qualifier | null = null;
  const pc = postCueAt(dict, s, skipSpaces(s, p, 1));
  if (pc) {
    post = pc.q;
    p = pc.end;
    postCue = true;
  }
  // Prefix currency ($100) and the pre cue (超7万个, 至少达到400项).
  let start = num.start;
  let prefix: Unit | null = null;
  for (const u of dict.prefixUnits) {
    if (num.start >= u.text.length && s.startsWith(u.text, num.start - u.text.length)) {
      prefix = u;
      start = num.start - u.text.length;
      break;
    }
  }
  let pre: Qualifier | null = null;
  // One or two layout spaces may stand between a qualifier and its number (超過 40%).
  let cueEnd = start;
  while (cueEnd > 0 && start - cueEnd < 2 && s.charCodeAt(cueEnd - 1) === SPACE) cueEnd--;
  if (cueEnd < start && !cueEndingAt(dict, s, cueEnd, 'pre')) cueEnd = start;
  let cue = cueEndingAt(dict, s, cueEnd, 'pre');
  if (!cue) {
    const link = cueEndingAt(dict, s, cueEnd, 'link');
    if (link) {
      const before = cueEndingAt(dict, s, link.start, 'pre');
      // Only qualifiers that are not verbs themselves reach over a linking verb (至少达到, 约为).
      if (before?.roles.has('reach')) cue = before;
    }
  }
  if (cue && cueStartsWord(dict, s, cue.start, words)) {
    pre = roleOf(cue.roles, 'pre');
    start = cue.start;
  }
  // A half counts in the unit as written (三成半 = 3.5成 = 35 %).
  let value = (half ? num.value + 0.5 : num.value) + tenths;
  let valueHi = num.valueHi === null ? null : half ? num.valueHi + 0.5 : num.valueHi;
  let kind: Quantity['kind'] = null;
  let unitName = '';
  let currency: string | null = null;
  const chosen = unit ?? prefix;
  if (num.fraction === 'percent' || num.fraction === 'permille') {
    value = num.value;
    kind = 'percent';
    unitName = '%';
  } else if (num.fraction === 'ratio') {
    kind = 'ratio';
  } else if (chosen) {
    kind = chosen.kind;
    const named = prefix && unit?.text === '元' ? prefix : chosen;
    unitName = named.unit;
    currency = named.currency ?? (named === prefix ? null : (prefix?.currency ?? null));
    value = value * chosen.factor + change;
    if (valueHi !== null) valueHi *= chosen.factor;
  }
  const qualifier: Qualifier = valueHi !== null ? 'range' : (pre ?? post ?? mid ?? num.inner ?? 'eq');
  return {
    start,
    end: Math.max(p, unitEnd, num.end),
    num,
    value,
    valueHi,
    unit: unitName,
    kind,
    unitEntry: chosen,
    unitStart,
    unitEnd,
    qualifier,
    cueStart: start,
    postCue,
    currency,
  };
}

/** 6角3分 after 元: the value in 元, or null. */
function smallChange(s: string, pos: number): { value: number; end: number } | null {
  let p = pos;
  let value = 0;
  let found = false;
  for (const [marks, worth] of [
    ['角毛', 0.1],
    ['分', 0.01],
  ] as const) {
    const n = readNumber(s, p, () => 0);
    if (!n || n.valueHi !== null || n.fraction || !marks.includes(s[n.end] ?? '\u0000')) continue;
    value += n.value * worth;
    p = n.end + 1;
    found = true;
  }
  return found ? { value, end: p } : null;
}

function isHanWordAfter(s: string, pos: number): boolean {
  // 多 in 3个月多次 or 余 in 10年余额 belongs to the next word.
  return /[次种样家元万亿额地条个人年]/.test(s[pos] ?? '');
}

/**
 * 半 alone before a duration, 成 or 折 is a number (半小时, 半个月, 半成, 半折); 一半, 上半年, 多半 are read
 * elsewhere or are words.
 */
function halfAt(dict: Dictionaries, s: string, i: number): NumberSpan | null {
  if (/[一上下前后多大过两]/.test(s[i - 1] ?? '') || numeral(s.charCodeAt(i - 1))) return null;
  const u = unitAt(dict, s, i + 1);
  if (!u || !(u.kind === 'duration' || u.text === '成' || u.text === '折')) return null;
  // 半折 is half price, 5折 (50 %), not half of one tenth.
  return decimalSpan(i, i + 1, u.text === '折' ? 5 : 0.5, true);
}

/** Skips a run of number characters a failed read stopped in, so a 10,000-digit string is read once. */
function skipRun(s: string, pos: number): number {
  const first = s.charCodeAt(pos);
  if (!isAsciiDigit(first) && !numeral(first)) return pos + 1;
  let p = pos + 1;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (!(isAsciiDigit(c) || numeral(c) || c === 44 || c === 46)) break;
    p++;
  }
  return p;
}

// Characters that may follow a one-character Chinese number that is a figure: a unit, a cue, another
// numeral, a range or fraction mark. Built once per dictionary.
const followers = new WeakMap<Dictionaries, Uint8Array>();

function followTable(dict: Dictionaries): Uint8Array {
  let t = followers.get(dict);
  if (!t) {
    t = new Uint8Array(0x10000);
    for (const first of dict.units.keys()) t[first.charCodeAt(0)] = 1;
    for (const word of dict.cues.keys()) t[word.charCodeAt(0)] = 1;
    for (const ch of '半分之又点个成折至到—–-~～ 0123456789') t[ch.charCodeAt(0)] = 1;
    for (let c = 0; c < 0x10000; c++) if (numeral(c)) t[c] = 1;
    followers.set(dict, t);
  }
  return t;
}

export interface ScanOptions {
  /** Word boundaries from the segmenter (default: every index starts a word). */
  words?: WordBounds;
  /**
   * Skip one-character Chinese numbers that nothing numeric follows (统一, 一体化): they are never figures.
   * Off for parseNumbers, which reports every number.
   */
  figuresOnly?: boolean;
}

/** Unit length at pos, for the number reader (5千克 stops before 千克). */
class UnitProbe {
  constructor(
    private readonly dict: Dictionaries,
    private readonly s: string,
  ) {}

  readonly at = (pos: number): number => unitAt(this.dict, this.s, pos)?.text.length ?? 0;
}

/** All quantities in folded text `s`. */
export function scanQuantities(s: string, dict: Dictionaries, options: ScanOptions = {}): Quantity[] {
  // No closures are made per number: tsx keeps function names, and naming closures in a hot loop is slow.
  const words = options.words ?? NO_WORDS;
  const follow = options.figuresOnly ? followTable(dict) : undefined;
  const out: Quantity[] = [];
  const probe = new UnitProbe(dict, s).at;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === BAN_CODE) {
      const half = halfAt(dict, s, i);
      if (half) out.push(attach(dict, s, half, words));
      i++;
      continue;
    }
    if (c < 0x80 ? !mayStartNumber(c) : numeral(c) === undefined && c !== FU_CODE) {
      i++;
      continue;
    }
    if (follow && c >= 0x80 && follow[s.charCodeAt(i + 1)] !== 1 && c !== FU_CODE) {
      i++;
      continue;
    }
    // Clock times (8:30, 14:05:10) are never figures nor numbers to report.
    const clock = CLOCK.exec(s.slice(i, i + 9));
    if (clock && !isAsciiDigit(s.charCodeAt(i - 1))) {
      i += clock[0].length;
      continue;
    }
    const num = readNumber(s, i, probe);
    if (!num) {
      i = skipRun(s, i);
      continue;
    }
    const q = attach(dict, s, num, words);
    out.push(q);
    i = Math.max(num.end, q.unitEnd, i + 1);
  }
  return out;
}

export interface ParsedNumber {
  start: number;
  end: number;
  text: string;
  value: number;
  valueHi: number | null;
  unit: string;
  kind: FigureKind | 'point' | null;
  qualifier: Qualifier;
}

export interface ParseOptions {
  /** Folder holding units.txt and figure-cues.txt (default: the repository's dictionaries/). */
  dictionaries?: string | URL;
}

/**
 * A lone Chinese numeral with no unit that the segmenter reads as part of a longer word which is no
 * numeral (一切, 四川, 一体化) is a word, not a number.
 */
function insideWord(q: Quantity, index: TokenIndex): boolean {
  if (q.unitEntry || q.num.end - q.num.start !== 1 || !q.num.chinese) return false;
  const t = index.holding(q.num.start);
  return t !== undefined && t.end - t.start > 1 && !/^(m|q|x)/.test(t.tag);
}

/**
 * Every number in `text` with its unit and qualifier, dates and codes included (see extractFigures). The
 * text is segmented to tell numerals from words that contain them.
 */
export function parseNumbers(text: string, options: ParseOptions = {}): ParsedNumber[] {
  const dict = loadDictionaries(options.dictionaries);
  const folded = foldFigures(text);
  const index = new TokenIndex(segment(folded), text.length);
  return scanQuantities(folded, dict, { words: index })
    .filter((q) => !insideWord(q, index))
    .map((q) => ({
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      value: q.value,
      valueHi: q.valueHi,
      unit: q.unit,
      kind: q.kind,
      qualifier: q.qualifier,
    }));
}
