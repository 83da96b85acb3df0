// Matching copies of a text for the stages, one UTF-16 unit for one, so every index into a copy is an index
// into the original: traditional characters mapped to simplified (simplifiedReading, for the segmenter and
// the entities stage), and for the figures stage full-width ASCII folded to half-width too (foldText).
// Dictionaries and rules are written once, in simplified (half-width) form.
import { openccWith } from './convert.js';

let hanTable: Uint16Array | undefined;
let foldTable: Uint16Array | undefined;

const identity = (): Uint16Array => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  return t;
};

// Traditional → simplified, Han characters only. Every CJK unified ideograph goes through OpenCC once, each
// on its own line so no phrase rule spans two characters; only one-for-one BMP mappings are kept.
function buildHanTable(): Uint16Array {
  const t = identity();
  const convert = openccWith('tw2s').Converter({ from: 'tw', to: 'cn' });
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const out = convert(chars.join('\n')).split('\n');
  if (out.length === chars.length) {
    // A character that is itself the simplified form of another (么 of 麼) stays as it is, even where
    // OpenCC would map it to a variant (么 → 幺).
    const targets = new Set<number>();
    for (let k = 0; k < chars.length; k++) {
      const to = out[k];
      if (to !== undefined && to.length === 1 && to !== chars[k]) targets.add(to.charCodeAt(0));
    }
    for (let k = 0; k < chars.length; k++) {
      const to = out[k];
      if (to !== undefined && to.length === 1 && !targets.has(0x3400 + k)) t[0x3400 + k] = to.charCodeAt(0);
    }
  }
  return t;
}

/** The Han table, plus full-width ASCII and numeral variants for the figures stage. */
function buildFoldTable(): Uint16Array {
  hanTable ??= buildHanTable();
  const t = hanTable.slice();
  // Full-width ASCII folds to ASCII, except the full-width comma: between Chinese words it is punctuation,
  // not a thousands separator (see foldText).
  for (let c = 0xff01; c <= 0xff5e; c++) if (c !== 0xff0c) t[c] = c - 0xfee0;
  t[0x3000] = 0x20; // ideographic space
  t[0xffe5] = 0xa5; // full-width yen sign
  t[0x2212] = 0x2d; // minus sign
  // Variants OpenCC keeps but which are numerals in practice.
  t['倆'.charCodeAt(0)] = '两'.charCodeAt(0);
  t['俩'.charCodeAt(0)] = '两'.charCodeAt(0);
  t['參'.charCodeAt(0)] = '参'.charCodeAt(0);
  return t;
}

const decoder = new TextDecoder('utf-16le');

/** `text` through `table`, unit for unit, and how many units it changed. */
function mapUnits(text: string, table: Uint16Array): { units: Uint16Array; changed: number } {
  const units = new Uint16Array(text.length);
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = table[c] as number;
    units[i] = f;
    if (f !== c) changed++;
  }
  return { units, changed };
}

const isWideDigit = (c: number): boolean => c >= 0xff10 && c <= 0xff19;

/** The folded, simplified copy of `text` for the figures stage; same length, index for index. */
export function foldText(text: string): string {
  foldTable ??= buildFoldTable();
  const { units } = mapUnits(text, foldTable);
  // ４，５６５: a full-width comma between full-width digits separates thousands.
  for (let i = text.indexOf('\uff0c'); i >= 0; i = text.indexOf('\uff0c', i + 1)) {
    if (isWideDigit(text.charCodeAt(i - 1)) && isWideDigit(text.charCodeAt(i + 1))) units[i] = 0x2c;
  }
  // Lone surrogates decode to U+FFFD, still one unit each, so lengths stay equal.
  return decoder.decode(units);
}

/**
 * What the simplified lexicons and rules read of a passage (the segmenter, the entities stage): for a passage
 * in traditional script (at least two Han characters, and 2% of the text, change) its Han characters in
 * simplified, same length; else the passage itself. Widths stay as they are, so a traditional passage reads
 * exactly as the same passage in simplified would.
 */
export function simplifiedReading(text: string): string {
  hanTable ??= buildHanTable();
  const { units, changed } = mapUnits(text, hanTable);
  return changed >= 2 && changed * 50 >= text.length ? decoder.decode(units) : text;
}

const wordCache = new Map<string, string>();

/** foldText for a short word, cached: segmenter words repeat, and cue lookups fold every one. */
export function foldWord(word: string): string {
  let folded = wordCache.get(word);
  if (folded === undefined) {
    foldTable ??= buildFoldTable();
    folded = '';
    for (let i = 0; i < word.length; i++) folded += String.fromCharCode(foldTable[word.charCodeAt(i)] as number);
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(word, folded);
  }
  return folded;
}
