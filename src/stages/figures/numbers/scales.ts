// The value of numeral tokens: sections of 十百千 grouped by the scales 万亿兆 (万亿 and 万万 multiply).
import type { Qualifier } from '../../../schema.js';
import type { Tok } from './numeral-run.js';

export interface Value {
  value: number;
  ill: boolean;
  inner: Qualifier | null;
}

/** Evaluates numeral tokens: sections of 十百千 grouped by 万亿兆, with 万亿 and 万万 multiplying. */
export function evaluate(toks: Tok[]): Value {
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
