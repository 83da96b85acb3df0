// Adjacent digits read as a range: 两三, 三四 … 八九, 三五 (十七八 is 17–18).
import type { Tok } from './numeral-run.js';

export const isDigitTok = (t: Tok | undefined): t is { t: 'D'; v: number; arabic: boolean } => t?.t === 'D' && !t.arabic;

/** Two adjacent digits read as a range: 一二, 两三, 三四 … 八九, and 三五. */
export function rangePair(a: number, b: number): boolean {
  return (b === a + 1 && a >= 1) || (a === 3 && b === 5);
}
