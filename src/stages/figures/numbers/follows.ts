// What follows a number and changes how it reads: 分之 (a fraction), 点 and a digit, 又 (a mixed number).
import { decimalDigit, numeral } from '../numerals.js';
import { DIAN, FEN, YOU, ZHI, skipSpaces } from './chars.js';

/** 点 and a decimal digit, or 又 and a numeral, after pos. */
export function decimalOrMixedFollows(s: string, pos: number): boolean {
  const p = skipSpaces(s, pos);
  const c = s.charCodeAt(p);
  const next = s.charCodeAt(skipSpaces(s, p + 1));
  return (c === DIAN && decimalDigit(next) >= 0) || (c === YOU && numeral(next) !== undefined);
}

export function fractionFollows(s: string, pos: number): boolean {
  const p = skipSpaces(s, pos);
  return s.charCodeAt(p) === FEN && s.charCodeAt(skipSpaces(s, p + 1)) === ZHI;
}
