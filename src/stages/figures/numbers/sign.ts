// The sign of a number: 负, a hyphen that joins no words (-10000, 气温-5℃), 零下.
import { isAsciiDigit, isHan, isLatinLetter, numeral } from '../numerals.js';
import { FU, LING, XIA, skipSpaces } from './chars.js';
import { type Magnitude, magnitude } from './magnitude.js';
import type { UnitProbe } from './span.js';

/** Reads a signed magnitude: 负三十二, -10000 (a hyphen only where it cannot join two words). */
export function signed(s: string, pos: number, unitAt: UnitProbe, numerator = false): Magnitude | null {
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
