// Discounts written digit by digit before 折 (八五折, 85折): tenths.
import { isAsciiDigit, numeral } from '../numerals.js';
import { LIANG, ZHE, skipSpaces } from './chars.js';
import { rangePair } from './digit-ranges.js';
import { type NumberSpan, decimalSpan } from './span.js';

/**
 * A discount written digit by digit before 折 (八五折, 85折, layout spaces allowed: 九 九 折) is tenths:
 * 8.5 (the 折 unit makes it 85 %). Two consecutive Chinese digits are a range instead (七八折 = 7–8折).
 */
export function discountAt(s: string, pos: number): NumberSpan | null {
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

/** 1–9 written as an Arabic or a plain Chinese digit (not 两, never said in a discount), else null. */
function discountDigit(s: string, pos: number): number | null {
  const c = s.charCodeAt(pos);
  if (c >= 49 && c <= 57) return c - 48;
  const info = numeral(c);
  return info && info.cls === 'digit' && c !== LIANG ? info.value : null;
}
