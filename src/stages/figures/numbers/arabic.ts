// Arabic numerals: 1,234.5, 4 800 (a space between thousands), 2.5e3, 1.1^+23, 3.2k.
import { isAsciiDigit, isLatinLetter } from '../numerals.js';
import { SPACE } from './chars.js';

interface Arabic {
  end: number;
  value: number;
  intDigits: number;
  separators: boolean;
  decimal: boolean;
}

/** Reads 1,234.5e3 at pos (which holds a digit). */
export function readArabic(s: string, pos: number): Arabic {
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
    isAsciiDigit(s.charCodeAt(p + 1)) &&
    isAsciiDigit(s.charCodeAt(p + 2)) &&
    isAsciiDigit(s.charCodeAt(p + 3)) &&
    !isAsciiDigit(s.charCodeAt(p + 4)) &&
    intDigits <= 3 + (separators ? 1e9 : 0)
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
      isAsciiDigit(s.charCodeAt(p + 1)) &&
      isAsciiDigit(s.charCodeAt(p + 2)) &&
      isAsciiDigit(s.charCodeAt(p + 3)) &&
      !isAsciiDigit(s.charCodeAt(p + 4)) &&
      s.charCodeAt(p + 4) !== 47 &&
      s.charCodeAt(p + 4) !== 58
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
