// A numeral run's magnitude: digit strings (二〇二五), adjacent-digit ranges, lone scale words (百姓 is no
// number) and a Chinese decimal part (十二点五).
import { decimalDigit } from '../numerals.js';
import { DIAN, LIANG, skipSpaces } from './chars.js';
import { isDigitTok, rangePair } from './digit-ranges.js';
import { decimalOrMixedFollows, fractionFollows } from './follows.js';
import { type Run, type Tok, readRun } from './numeral-run.js';
import { type Value, evaluate } from './scales.js';
import type { UnitProbe } from './span.js';

export interface Magnitude extends Value {
  start: number;
  end: number;
  hi: number | null;
  sequence: boolean;
  run: Run;
}

/** A run's value, with digit strings and adjacent-digit ranges resolved. */
/** `numerator`: read after 分之, where lone 百 and 壹 are numbers (百分之百, 五分之壹). */
export function magnitude(s: string, pos: number, unitAt: UnitProbe, numerator = false): Magnitude | null {
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
