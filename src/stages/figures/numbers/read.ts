// Reading one number at a position: its sign and magnitude, then what makes it a fraction (分之, a/b, a:b) or
// a mixed number (三又三分之一, 1 3/5); clock times (8:30) are left alone.
import { isAsciiDigit, numeral } from '../numerals.js';
import { readArabic } from './arabic.js';
import { FU, SPACE, YOU, skipSpaces } from './chars.js';
import { discountAt } from './discounts.js';
import { fractionAfter } from './fractions.js';
import { magnitude } from './magnitude.js';
import { signed } from './sign.js';
import type { NumberSpan, UnitProbe } from './span.js';

function finite(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) < 1e30;
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
  } else if (
    x.run.toks.length === 1 &&
    !x.run.chinese &&
    !x.run.decimal &&
    !x.run.separators &&
    x.run.intDigits <= 3 &&
    x.hi === null &&
    s.charCodeAt(end) === SPACE
  ) {
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
    s.charCodeAt(end) === 47 &&
    !x.run.chinese &&
    !x.run.decimal &&
    x.hi === null &&
    isAsciiDigit(s.charCodeAt(end + 1)) &&
    s.charCodeAt(pos - 1) !== 47
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

/** h:mm or hh:mm(:ss) at [start, colon): a time of day. */
function isClock(s: string, start: number, colon: number): boolean {
  const h = s.slice(start, colon);
  return /^[0-2]?[0-9]$/.test(h) && Number(h) <= 24 && /^[0-5][0-9](?![0-9]|\.[0-9])/.test(s.slice(colon + 1, colon + 5));
}

/** Could a number start here? Cheap test used by the scanner before calling readNumber. */
export function mayStartNumber(code: number): boolean {
  return isAsciiDigit(code) || numeral(code) !== undefined || code === FU || code === 45 || code === 46;
}
