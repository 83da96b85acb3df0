// Reading one written number at a position of folded text: Arabic (1,234.5, 2.5e3), Chinese numerals with
// their units (一千零五, 三千万点七, 8万亿, 十多万), digit strings (二〇二五), adjacent-digit ranges (两三,
// 十七八), fractions (三分之一, 百分之五, 1/3, 三又二分之一) and signs (负, -). Each call looks at the
// characters it consumes plus a bounded lookahead, so scanning a text is linear.
import type { Qualifier } from '../../schema.js';
import { decimalDigit, isAsciiDigit, isHan, isLatinLetter, numeral } from './numerals.js';

export interface NumberSpan {
  start: number;
  end: number;
  value: number;
  /** Upper end of an adjacent-digit range (两三 → 2..3). */
  valueHi: number | null;
  /** Written at least partly in Chinese numerals. */
  chinese: boolean;
  /** A digit string read digit by digit (二〇二五), as in years. */
  sequence: boolean;
  /** Arabic integer digits (for year and code checks); 0 when Chinese. */
  integerDigits: number;
  /** Has a decimal part. */
  decimal: boolean;
  /** 百分之 / 千分之 / other 分之 and a/b forms. */
  fraction: 'percent' | 'permille' | 'ratio' | null;
  /** 多/余 (gt) or 几 (approx) written inside the number (十多万, 二十几万). */
  inner: Qualifier | null;
  /** Only financial-form numerals (壹, 陆…), which alone are ordinary words. */
  formalOnly: boolean;
}

/** Says how long a unit starting at `pos` is (0 if none), so 5千克 stops before 千克. */
export type UnitProbe = (pos: number) => number;

type Tok =
  | { t: 'D'; v: number; arabic: boolean }
  | { t: 'Z' }
  | { t: 'S'; v: number }
  | { t: 'B'; v: number }
  | { t: 'J' }
  | { t: 'M' };

const SPACE = 0x20;
const MAX_SPACES = 4;
const C = (ch: string): number => ch.charCodeAt(0);
const DUO = C('多');
const YU = C('余');
const JI = C('几');
const DIAN = C('点');
const FEN = C('分');
const ZHI = C('之');
const YOU = C('又');
const FU = C('负');
const LIANG = C('两');
const LING = C('零');
const XIA = C('下');
const ZHE = C('折');

function skipSpaces(s: string, pos: number): number {
  let p = pos;
  while (p < s.length && p - pos < MAX_SPACES && s.charCodeAt(p) === SPACE) p++;
  return s.charCodeAt(p) === SPACE ? pos : p;
}

interface Arabic {
  end: number;
  value: number;
  intDigits: number;
  separators: boolean;
  decimal: boolean;
}

/** Reads 1,234.5e3 at pos (which holds a digit). */
function readArabic(s: string, pos: number): Arabic {
  let p = pos;
  if (s.charCodeAt(p) === 46) {
    // .5: a decimal without its leading zero.
    p++;
    while (p < s.length && isAsciiDigit(s.charCodeAt(p))) p++;
    return { end: p, value: Number(s.slice(pos, p)), intDigits: 0, separators: false, decimal: true };
  }
  let separators = false;
  while (p < s.length && isAsciiDigit(s.charCodeAt(p))) p++;
  let intDigits = p - pos;
  // Thousands separators: exactly three digits after each comma, then no further digit.
  while (
    s.charCodeAt(p) === 44 &&
    isAsciiDigit(s.charCodeAt(p + 1)) && isAsciiDigit(s.charCodeAt(p + 2)) && isAsciiDigit(s.charCodeAt(p + 3)) &&
    !isAsciiDigit(s.charCodeAt(p + 4)) && intDigits <= 3 + (separators ? 1e9 : 0)
  ) {
    separators = true;
    p += 4;
    intDigits += 3;
  }
  // A space as thousands separator (4 800萬, 67 000個; thin spaces reach here as spaces): one to three
  // digits, then groups of exactly three after one space each.
  if (!separators && intDigits <= 3) {
    while (
      s.charCodeAt(p) === SPACE &&
      isAsciiDigit(s.charCodeAt(p + 1)) && isAsciiDigit(s.charCodeAt(p + 2)) && isAsciiDigit(s.charCodeAt(p + 3)) &&
      !isAsciiDigit(s.charCodeAt(p + 4)) && s.charCodeAt(p + 4) !== 47 && s.charCodeAt(p + 4) !== 58
    ) {
      separators = true;
      p += 4;
      intDigits += 3;
    }
  }
  let decimal = false;
  if (s.charCodeAt(p) === 46 && isAsciiDigit(s.charCodeAt(p + 1))) {
    decimal = true;
    p += 1;
    while (p < s.length && isAsciiDigit(s.charCodeAt(p))) p++;
  }
  let value = Number(s.slice(pos, p).replace(/[, ]/g, ''));
  // Exponent (2.5e3, 1.2E-4) only when the letter is not the start of a word (5G, 3M are codes).
  const e = s.charCodeAt(p);
  if (e === 101 || e === 69) {
    let q = p + 1;
    const sign = s.charCodeAt(q);
    if (sign === 43 || sign === 45) q++;
    const digitsAt = q;
    while (q < s.length && isAsciiDigit(s.charCodeAt(q)) && q - digitsAt < 4) q++;
    if (q > digitsAt && !isAsciiDigit(s.charCodeAt(q)) && !isLatinLetter(s.charCodeAt(q))) {
      value = Number(s.slice(pos, q).replace(/[, ]/g, ''));
      p = q;
      decimal = true;
    }
  } else if (e === 94) {
    // Power notation 1.1^+23.
    let q = p + 1;
    const sign = s.charCodeAt(q);
    if (sign === 43 || sign === 45) q++;
    const digitsAt = q;
    while (q < s.length && isAsciiDigit(s.charCodeAt(q)) && q - digitsAt < 4) q++;
    if (q > digitsAt) {
      value = Math.pow(value, Number(s.slice(p + 1, q)));
      p = q;
      decimal = true;
    }
  }
  // A k suffix (3.2k) when it ends the word.
  const k = s.charCodeAt(p);
  // Lowercase only: 4K and 8K are names of resolutions.
  if (k === 107 && !isLatinLetter(s.charCodeAt(p + 1)) && !isAsciiDigit(s.charCodeAt(p + 1))) {
    value *= 1000;
    p += 1;
  }
  return { end: p, value, intDigits, separators, decimal };
}

interface Run {
  end: number;
  toks: Tok[];
  chinese: boolean;
  formalOnly: boolean;
  intDigits: number;
  separators: boolean;
  decimal: boolean;
}

/** Reads a run of numeral tokens from pos; empty when pos holds none. */
function readRun(s: string, pos: number, unitAt: UnitProbe): Run {
  const toks: Tok[] = [];
  let p = pos;
  let end = pos;
  let chinese = false;
  let formalOnly = true;
  let intDigits = 0;
  let separators = false;
  let decimal = false;
  for (;;) {
    const c = s.charCodeAt(p);
    if (isAsciiDigit(c) || (c === 46 && toks.length === 0 && isAsciiDigit(s.charCodeAt(p + 1)) && !isAsciiDigit(s.charCodeAt(p - 1)) && !isLatinLetter(s.charCodeAt(p - 1)))) {
      // Two Arabic numbers never join, nor does an Arabic number follow a Chinese digit directly.
      const last = toks[toks.length - 1];
      if (last && (last.t === 'D' || last.t === 'J')) break;
      const a = readArabic(s, p);
      toks.push({ t: 'D', v: a.value, arabic: true });
      intDigits = a.intDigits;
      separators ||= a.separators;
      decimal ||= a.decimal;
      p = a.end;
    } else {
      const info = numeral(c);
      const last = toks[toks.length - 1];
      if (info) {
        if (info.cls === 'small' || info.cls === 'big') {
          if (toks.length > 0 && unitAt(p) > 0) break;
          toks.push({ t: info.cls === 'small' ? 'S' : 'B', v: info.value });
        } else {
          if (last && last.t === 'D' && last.arabic) break;
          // 两 is a digit only at the start of a number (两千, 两万); after one (三十两, 二两) it is the
          // weight unit liang.
          if (last && c === LIANG) {
            const next = numeral(s.charCodeAt(skipSpaces(s, p + 1)));
            if (!next || (next.cls !== 'small' && next.cls !== 'big')) break;
          }
          toks.push(info.cls === 'zero' ? { t: 'Z' } : { t: 'D', v: info.value, arabic: false });
        }
        chinese = true;
        if (!info.formal) formalOnly = false;
        p += 1;
      } else if ((c === DUO || c === YU) && last && (last.t === 'S' || last.t === 'B' || last.t === 'D')) {
        // Inner 多/余 only when a unit follows (十多万); otherwise it qualifies the number from outside.
        const next = numeral(s.charCodeAt(skipSpaces(s, p + 1)));
        if (!next || (next.cls !== 'small' && next.cls !== 'big') || (last.t === 'D' && !last.arabic)) break;
        toks.push({ t: 'M' });
        p += 1;
      } else if (c === JI && last && (last.t === 'S' || last.t === 'B' || last.t === 'Z')) {
        toks.push({ t: 'J' });
        chinese = true;
        p += 1;
      } else break;
    }
    end = p;
    if (toks.length > 64) break; // no real number is this long; keeps evaluation cheap
    // Spaces inside a Chinese number (两千 四 百 五) are layout: a unit may follow a digit across them, and
    // a digit a unit; two digits never join (一 四 is a list).
    const q = skipSpaces(s, p);
    const ni = q > p ? numeral(s.charCodeAt(q)) : undefined;
    if (q > p && ni) {
      const last = toks[toks.length - 1];
      const nextIsUnit = ni.cls === 'small' || ni.cls === 'big';
      if (!chinese && !nextIsUnit) break;
      if (nextIsUnit) {
        if (unitAt(q) > 0) break;
      } else if (!last || (last.t !== 'S' && last.t !== 'B')) break;
      p = q;
    } else if (q > p) {
      // 7万 5千, 五百 余万: an Arabic number or 余/多 after a space, when a unit follows it.
      const nc = s.charCodeAt(q);
      const last = toks[toks.length - 1];
      if (nc === JI && last && (last.t === 'S' || last.t === 'B')) p = q; // 二 十 几亿
      else if (last && (last.t === 'S' || last.t === 'B')) {
        let r = q;
        if (isAsciiDigit(nc)) r = readArabic(s, q).end;
        else if (nc === DUO || nc === YU) r = q + 1;
        const after = r > q ? numeral(s.charCodeAt(skipSpaces(s, r))) : undefined;
        if (after && (after.cls === 'small' || after.cls === 'big')) p = q;
      }
    }
  }
  if (!chinese) formalOnly = false;
  return { end, toks, chinese, formalOnly, intDigits, separators, decimal };
}

interface Value {
  value: number;
  ill: boolean;
  inner: Qualifier | null;
}

/** Evaluates numeral tokens: sections of 十百千 grouped by 万亿兆, with 万亿 and 万万 multiplying. */
function evaluate(toks: Tok[]): Value {
  let total = 0;
  let scale = 0;
  let section = 0;
  let num = 0;
  let hasNum = false;
  let prevSmall = Infinity;
  let lastUnit = 0;
  let zero = false;
  let inner: Qualifier | null = null;
  let ill = false;
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k] as Tok;
    switch (tok.t) {
      case 'D':
        if (hasNum) ill = true;
        num = tok.v;
        hasNum = true;
        break;
      case 'Z':
        zero = true;
        break;
      case 'J':
        inner = 'approx';
        num = 0;
        hasNum = true;
        break;
      case 'M':
        inner ??= 'gt';
        break;
      case 'S':
        if (tok.v >= prevSmall) ill = true;
        section += (hasNum ? num : 1) * tok.v;
        prevSmall = tok.v;
        hasNum = false;
        num = 0;
        lastUnit = tok.v;
        zero = false;
        break;
      case 'B': {
        const val = section + (hasNum ? num : 0);
        if (val === 0) {
          if (total === 0) ill = true;
          total *= tok.v;
          scale *= tok.v;
        } else if (total > 0 && tok.v >= scale) {
          total = (total + val) * tok.v;
          scale *= tok.v;
        } else {
          total += val * tok.v;
          scale = tok.v;
        }
        section = 0;
        hasNum = false;
        num = 0;
        prevSmall = Infinity;
        lastUnit = tok.v;
        zero = false;
        break;
      }
    }
  }
  if (hasNum) {
    const last = toks[toks.length - 1];
    const before = toks[toks.length - 2];
    // 一千三 = 1300, 六十五万三 = 653000: a last digit right after a unit counts one place lower.
    if (!zero && lastUnit >= 100 && last?.t === 'D' && !last.arabic && (before?.t === 'S' || before?.t === 'B')) {
      num *= lastUnit / 10;
    }
    section += num;
  }
  return { value: total + section, ill, inner };
}

const isDigitTok = (t: Tok | undefined): t is { t: 'D'; v: number; arabic: boolean } => t?.t === 'D' && !t.arabic;

/** Two adjacent digits read as a range: 一二, 两三, 三四 … 八九, and 三五. */
function rangePair(a: number, b: number): boolean {
  return (b === a + 1 && a >= 1) || (a === 3 && b === 5);
}

interface Magnitude extends Value {
  start: number;
  end: number;
  hi: number | null;
  sequence: boolean;
  run: Run;
}

/** A run's value, with digit strings and adjacent-digit ranges resolved. */
/** `numerator`: read after 分之, where lone 百 and 壹 are numbers (百分之百, 五分之壹). */
function magnitude(s: string, pos: number, unitAt: UnitProbe, numerator = false): Magnitude | null {
  const run = readRun(s, pos, unitAt);
  const { toks } = run;
  if (toks.length === 0) return null;
  const first = toks[0] as Tok;
  if (first.t === 'M' || first.t === 'J') return null;
  let end = run.end;
  let result: Value;
  let hi: number | null = null;
  let sequence = false;
  const allDigits = toks.every((t) => (t.t === 'D' && !t.arabic) || t.t === 'Z');
  if (toks.length >= 2 && allDigits) {
    const a = toks[0] as Tok;
    const b = toks[1] as Tok;
    const written = s.slice(pos, run.end).replace(/ /g, '');
    if (toks.length === 2 && isDigitTok(a) && isDigitTok(b) && rangePair(a.v, b.v)) {
      result = { value: a.v, ill: false, inner: null };
      hi = b.v;
    } else if (written.includes('两') || (toks.length === 2 && s[skipSpaces(s, run.end)] !== '年')) {
      // 两两, 一一, 三三两两 are words; a digit string is a year or a code (二〇二五, 九八年).
      return null;
    } else {
      // 二〇二五: digit by digit; capped so a long run stays a finite number.
      let v = 0;
      for (const t of toks) v = v * 10 + (t.t === 'D' ? t.v : 0);
      result = { value: v, ill: toks.length > 15, inner: null };
      sequence = true;
    }
  } else {
    let pair = -1;
    let ill = false;
    for (let k = 0; k + 1 < toks.length; k++) {
      const a = toks[k];
      const b = toks[k + 1];
      // 零 may stand before a digit (一千零一); two digits side by side are a range (十七八) or a mistake.
      if (isDigitTok(a) && (isDigitTok(b) || b?.t === 'Z')) {
        if (isDigitTok(b) && rangePair(a.v, b.v) && pair < 0) pair = k;
        else ill = true;
      }
    }
    if (pair >= 0) {
      const lo = evaluate(toks.filter((_, k) => k !== pair + 1));
      const up = evaluate(toks.filter((_, k) => k !== pair));
      result = { value: lo.value, ill: ill || lo.ill || up.ill, inner: lo.inner };
      hi = up.value;
    } else if (toks.length === 1 && first.t === 'B') {
      // 万 alone, as in 万分之三.
      result = { value: first.v, ill: false, inner: null };
    } else {
      result = evaluate(toks);
      result.ill ||= ill;
    }
  }
  // Lone 百/千/万/亿 are words (百姓, 千岛湖, 万一) unless a fraction follows (百分之).
  if (toks.length === 1 && (first.t === 'S' || first.t === 'B') && first.v !== 10 && !numerator && !fractionFollows(s, end)) return null;
  // A lone financial numeral (陆, 伍, 肆) is a word, except in a fraction (五分之壹, 仟分之贰), before a
  // decimal part (陆点五) or in a mixed number (叁又四分之壹).
  if (run.formalOnly && toks.length === 1 && !numerator && !fractionFollows(s, end) && !decimalOrMixedFollows(s, end)) return null;
  // 两两 (in pairs) is a word, not two liang.
  if (toks.length === 1 && s.charCodeAt(pos) === LIANG && s.charCodeAt(end) === LIANG) return null;
  // Chinese decimal part: 十二点五, 四百万点三二; not a time of day (八点半, 八点一刻, 十点十分).
  if (run.chinese && !sequence && hi === null && !result.ill) {
    const p = skipSpaces(s, end);
    if (s.charCodeAt(p) === DIAN) {
      let q = skipSpaces(s, p + 1);
      let frac = '';
      while (q < s.length && decimalDigit(s.charCodeAt(q)) >= 0 && frac.length < 20) {
        frac += String(decimalDigit(s.charCodeAt(q)));
        q++;
      }
      const after = s[q] ?? '';
      if (frac && !/[分刻钟半整时]/.test(after)) {
        result = { value: result.value + Number('0.' + frac), ill: result.ill, inner: result.inner };
        end = q;
        run.decimal = true;
      }
    }
  }
  // Built field by field: spreading here was the scanner's hottest line.
  return { value: result.value, ill: result.ill, inner: result.inner, start: pos, end, hi, sequence, run };
}

/** 点 and a decimal digit, or 又 and a numeral, after pos. */
function decimalOrMixedFollows(s: string, pos: number): boolean {
  const p = skipSpaces(s, pos);
  const c = s.charCodeAt(p);
  const next = s.charCodeAt(skipSpaces(s, p + 1));
  return (c === DIAN && decimalDigit(next) >= 0) || (c === YOU && numeral(next) !== undefined);
}

function fractionFollows(s: string, pos: number): boolean {
  const p = skipSpaces(s, pos);
  return s.charCodeAt(p) === FEN && s.charCodeAt(skipSpaces(s, p + 1)) === ZHI;
}

function finite(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) < 1e30;
}

/** Reads a signed magnitude: 负三十二, -10000 (a hyphen only where it cannot join two words). */
function signed(s: string, pos: number, unitAt: UnitProbe, numerator = false): Magnitude | null {
  const c = s.charCodeAt(pos);
  // 零下5℃: below zero.
  const belowZero = c === LING && s.charCodeAt(pos + 1) === XIA && (isAsciiDigit(s.charCodeAt(pos + 2)) || numeral(s.charCodeAt(pos + 2)) !== undefined);
  if (c === FU || c === 45 || belowZero) {
    if (c === 45) {
      const prev = s.charCodeAt(pos - 1);
      // After a word a hyphen joins a code (砹-211), except before a temperature (气温-5℃).
      const temperature = /^-[0-9.]+(℃|°|度)/.test(s.slice(pos, pos + 12));
      if (pos > 0 && (isAsciiDigit(prev) || isLatinLetter(prev) || (isHan(prev) && !temperature))) return null;
      const d = s.charCodeAt(pos + 1);
      if (!isAsciiDigit(d) && !(d === 46 && isAsciiDigit(s.charCodeAt(pos + 2)))) return null;
    }
    const m = magnitude(s, skipSpaces(s, pos + (belowZero ? 2 : 1)), unitAt, numerator);
    if (!m) return null;
    m.start = pos;
    m.value = -m.value;
    if (m.hi !== null) m.hi = -m.hi;
    return m;
  }
  return magnitude(s, pos, unitAt, numerator);
}

/** After X: 分之 Y gives Y/X. Returns null when no fraction follows. */
function fractionAfter(
  s: string,
  x: Magnitude,
  unitAt: UnitProbe,
): { end: number; value: number; hi: number | null; fraction: NumberSpan['fraction'] } | null {
  let p = skipSpaces(s, x.end);
  if (s.charCodeAt(p) !== FEN) return null;
  p = skipSpaces(s, p + 1);
  if (s.charCodeAt(p) !== ZHI) return null;
  p = skipSpaces(s, p + 1);
  const y = signed(s, p, unitAt, true);
  if (!y || x.value === 0 || x.hi !== null) return null;
  // 百分之 and 千分之 are percent and per mille; 一百分之三 is the ratio 0.03.
  const head = s.slice(x.start, x.end).replace(/ /g, '');
  const fraction = /^[百佰]$/.test(head) ? 'percent' : /^[千仟]$/.test(head) ? 'permille' : 'ratio';
  const scale = (v: number) => (fraction === 'percent' ? v : fraction === 'permille' ? v / 10 : v / x.value);
  // 百分之四五十: a range of percentages.
  return { end: y.end, value: scale(y.value), hi: y.hi === null ? null : scale(y.hi), fraction };
}

/** Reads a number starting exactly at `pos`, or null. */
export function readNumber(s: string, pos: number, unitAt: UnitProbe): NumberSpan | null {
  const d = discountAt(s, pos);
  if (d) return d;
  const x = signed(s, pos, unitAt);
  if (!x) return null;
  let end = x.end;
  let value = x.value;
  let valueHi = x.hi;
  let fraction: NumberSpan['fraction'] = null;
  let decimal = x.run.decimal;
  const frac = fractionAfter(s, x, unitAt);
  const only = x.run.toks.length === 1 ? x.run.toks[0] : undefined;
  const lone = (only?.t === 'S' || only?.t === 'B') && only.v !== 10 && !x.run.decimal;
  if (frac) {
    end = frac.end;
    value = frac.value;
    fraction = frac.fraction;
    valueHi = frac.hi;
  } else if (lone) {
    // 百 or 千 alone was read only for a fraction that is not there (百分点).
    return null;
  } else if (s.charCodeAt(skipSpaces(s, end)) === YOU && x.hi === null) {
    // Mixed number: 三又三分之一, 负二又三分之一.
    const y = magnitude(s, skipSpaces(s, skipSpaces(s, end) + 1), unitAt);
    const f = y ? fractionAfter(s, y, unitAt) : null;
    if (f && f.fraction === 'ratio' && f.hi === null) {
      end = f.end;
      value = x.value < 0 ? x.value - f.value : x.value + f.value;
      fraction = 'ratio';
      decimal = true;
    }
  } else if (s.charCodeAt(end) === 58 && !x.run.chinese && x.hi === null && isAsciiDigit(s.charCodeAt(end + 1)) && !isClock(s, x.start, end)) {
    // A ratio a:b (竞争比77:1); clock times (8:30) are not read here.
    const b = readArabic(s, end + 1);
    if (b.value !== 0 && s.charCodeAt(b.end) !== 58) {
      value = value / b.value;
      end = b.end;
      fraction = 'ratio';
    }
  } else if (x.run.toks.length === 1 && !x.run.chinese && !x.run.decimal && !x.run.separators && x.run.intDigits <= 3 && x.hi === null && s.charCodeAt(end) === SPACE) {
    // A whole number and a fraction: 1 3/5 = 1.6 (one space between; a/b/c is a date or a code).
    const m = /^ ([0-9]{1,3})\/([0-9]{1,3})(?![0-9/])/.exec(s.slice(end, end + 9));
    if (m && Number(m[2]) !== 0 && s.charCodeAt(pos - 1) !== 47) {
      const f = Number(m[1]) / Number(m[2]);
      value = value < 0 || Object.is(value, -0) ? value - f : value + f;
      end += m[0].length;
      fraction = 'ratio';
      decimal = true;
    }
  } else if (
    s.charCodeAt(end) === 47 && !x.run.chinese && !x.run.decimal && x.hi === null &&
    isAsciiDigit(s.charCodeAt(end + 1)) && s.charCodeAt(pos - 1) !== 47
  ) {
    // a/b with Arabic integers; a/b/c is a date or a code.
    const b = readArabic(s, end + 1);
    if (!b.decimal && b.value !== 0 && s.charCodeAt(b.end) !== 47) {
      value = value / b.value;
      end = b.end;
      fraction = 'ratio';
    }
  }
  if (x.ill || !finite(value) || (valueHi !== null && !finite(valueHi))) return null;
  return {
    start: x.start,
    end,
    value,
    valueHi,
    chinese: x.run.chinese,
    sequence: x.sequence,
    integerDigits: x.run.chinese ? 0 : x.run.intDigits,
    decimal,
    fraction,
    inner: x.inner,
    formalOnly: x.run.formalOnly,
  };
}

/**
 * A discount written digit by digit before 折 (八五折, 85折, layout spaces allowed: 九 九 折) is tenths:
 * 8.5 (the 折 unit makes it 85 %). Two consecutive Chinese digits are a range instead (七八折 = 7–8折).
 */
function discountAt(s: string, pos: number): NumberSpan | null {
  const a = discountDigit(s, pos);
  if (a === null) return null;
  const q = skipSpaces(s, pos + 1);
  const b = discountDigit(s, q);
  if (b === null || s.charCodeAt(skipSpaces(s, q + 1)) !== ZHE) return null;
  const arabic = isAsciiDigit(s.charCodeAt(pos));
  // Both written alike, after no other digit (1985折 is no discount).
  if (arabic !== isAsciiDigit(s.charCodeAt(q)) || isAsciiDigit(s.charCodeAt(pos - 1)) || numeral(s.charCodeAt(pos - 1))) return null;
  if (!arabic && rangePair(a, b)) return null;
  return decimalSpan(pos, q + 1, a + b / 10, !arabic);
}

/** A plain decimal number read by a special form (八五折, 半小时). */
export function decimalSpan(start: number, end: number, value: number, chinese: boolean): NumberSpan {
  return { start, end, value, valueHi: null, chinese, sequence: false, integerDigits: 0, decimal: true, fraction: null, inner: null, formalOnly: false };
}

/** 1–9 written as an Arabic or a plain Chinese digit (not 两, never said in a discount), else null. */
function discountDigit(s: string, pos: number): number | null {
  const c = s.charCodeAt(pos);
  if (c >= 49 && c <= 57) return c - 48;
  const info = numeral(c);
  return info && info.cls === 'digit' && c !== LIANG ? info.value : null;
}

/** h:mm or hh:mm(:ss) at [start, colon): a time of day. */
function isClock(s: string, start: number, colon: number): boolean {
  const h = s.slice(start, colon);
  return /^[0-2]?[0-9]$/.test(h) && Number(h) <= 24 && /^[0-5][0-9](?![0-9]|\.[0-9])/.test(s.slice(colon + 1, colon + 5));
}

/** Could a number start here? Cheap test used by the scanner before calling readNumber. */
export function mayStartNumber(code: number): boolean {
  return isAsciiDigit(code) || numeral(code) !== undefined || code === FU || code === 45 || code === 46;
}
