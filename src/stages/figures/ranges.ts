// Ranges written with a dash or 至/到 between two quantities: 60%—70%, 1—100名, 3至5年, 2-3万元. The two
// become one quantity with value and valueHi; a bare first number takes the second's unit and multiplier.
import type { Quantity } from './quantities.js';

const SEPARATORS = new Set(['—', '–', '-', '~', '～', '至', '到', '−']);

/** Multiplier written in the second number and missing from the first (2-3万元: 万). */
function trailingMultiplier(s: string, q: Quantity): number {
  const m = /[万亿兆]+$/.exec(s.slice(q.num.start, q.num.end));
  if (!m) return 1;
  let f = 1;
  for (const ch of m[0]) f *= ch === '万' ? 1e4 : ch === '亿' ? 1e8 : 1e12;
  return f;
}

export function mergeRanges(s: string, quantities: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (let k = 0; k < quantities.length; k++) {
    const a = quantities[k] as Quantity;
    const b = quantities[k + 1];
    if (b && a.valueHi === null && b.valueHi === null && !a.postCue && b.cueStart === b.num.start) {
      let p = a.end;
      while (s[p] === ' ') p++;
      let sep = p;
      while (SEPARATORS.has(s[sep] ?? '') && sep - p < 2) sep++;
      let q = sep;
      while (s[q] === ' ') q++;
      const sameUnit = a.unit === b.unit && a.kind === b.kind;
      const bare = a.unitEntry === null && a.num.fraction === null;
      if (sep > p && q === b.start && (sameUnit || bare)) {
        let lo = a.value;
        if (bare && !sameUnit) {
          const f = b.unitEntry?.factor ?? 1;
          const mult = /[万亿兆]$/.test(s.slice(a.num.start, a.num.end)) ? 1 : trailingMultiplier(s, b);
          lo = a.value * mult * f;
        }
        if (lo < b.value) {
          out.push({ ...b, start: a.start, num: { ...b.num, start: a.num.start }, value: lo, valueHi: b.value, qualifier: 'range', cueStart: a.cueStart });
          k++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}
