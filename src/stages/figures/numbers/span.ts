// What reading a number gives (NumberSpan), and how the reader asks where a unit starts (5千克 stops before 千克).
import type { Qualifier } from '../../../schema.js';

export interface NumberSpan {
  start: number;
  end: number;
  value: number;
  /** Upper end of an adjacent-digit range (两三 → 2..3). */
  valueHi: number | null;
  /** Written at least partly in Chinese numerals. */
  chinese: boolean;
  /** A digit string read digit by digit (二〇二五), as in years. */
  sequence: boolean;
  /** Arabic integer digits (for year and code checks); 0 when Chinese. */
  integerDigits: number;
  /** Has a decimal part. */
  decimal: boolean;
  /** 百分之 / 千分之 / other 分之 and a/b forms. */
  fraction: 'percent' | 'permille' | 'ratio' | null;
  /** 多/余 (gt) or 几 (approx) written inside the number (十多万, 二十几万). */
  inner: Qualifier | null;
  /** Only financial-form numerals (壹, 陆…), which alone are ordinary words. */
  formalOnly: boolean;
}

/** Says how long a unit starting at `pos` is (0 if none), so 5千克 stops before 千克. */
export type UnitProbe = (pos: number) => number;

/** A plain decimal number read by a special form (八五折, 半小时). */
export function decimalSpan(start: number, end: number, value: number, chinese: boolean): NumberSpan {
  return { start, end, value, valueHi: null, chinese, sequence: false, integerDigits: 0, decimal: true, fraction: null, inner: null, formalOnly: false };
}
