// Fractions written X分之Y: 百分之五 (percent), 千分之三 (per mille), 三分之一 (a ratio), 百分之四五十 (a range).
import { FEN, ZHI, skipSpaces } from './chars.js';
import type { Magnitude } from './magnitude.js';
import { signed } from './sign.js';
import type { NumberSpan, UnitProbe } from './span.js';

/** After X: 分之 Y gives Y/X. Returns null when no fraction follows. */
export function fractionAfter(
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
