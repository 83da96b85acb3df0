// Parsing numerals: a run of numeral tokens (digits, 零, 十百千, 万亿兆, inner 多/余/几) and where it stops.
import { isAsciiDigit, isLatinLetter, numeral } from '../numerals.js';
import { readArabic } from './arabic.js';
import { DUO, JI, LIANG, YU, skipSpaces } from './chars.js';
import type { UnitProbe } from './span.js';

export type Tok = { t: 'D'; v: number; arabic: boolean } | { t: 'Z' } | { t: 'S'; v: number } | { t: 'B'; v: number } | { t: 'J' } | { t: 'M' };

export interface Run {
  end: number;
  toks: Tok[];
  chinese: boolean;
  formalOnly: boolean;
  intDigits: number;
  separators: boolean;
  decimal: boolean;
}

/** Reads a run of numeral tokens from pos; empty when pos holds none. */
export function readRun(s: string, pos: number, unitAt: UnitProbe): Run {
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
    if (
      isAsciiDigit(c) ||
      (c === 46 && toks.length === 0 && isAsciiDigit(s.charCodeAt(p + 1)) && !isAsciiDigit(s.charCodeAt(p - 1)) && !isLatinLetter(s.charCodeAt(p - 1)))
    ) {
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
      if (nc === JI && last && (last.t === 'S' || last.t === 'B'))
        p = q; // 二 十 几亿
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
