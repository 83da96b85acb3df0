// Character classes of written numbers, on folded text (see normalize.ts): Chinese digits (plain and the
// financial forms), the small units 十百千 and the large units 万亿兆.

/** Digit values; the financial forms (壹贰…) are marked formal since alone they are ordinary words. */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const FORMAL = new Set('壹贰叁肆伍陆柒捌玖拾佰仟');
const SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
// 兆 is 10^12 in Taiwan usage and in number words (the mainland metric prefix sense is a unit, not here).
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8, 兆: 1e12 };

export type NumeralClass = 'digit' | 'zero' | 'small' | 'big';

interface CharInfo {
  cls: NumeralClass;
  value: number;
  formal: boolean;
}

const INFO = new Map<number, CharInfo>();
for (const [ch, value] of Object.entries(DIGITS)) {
  INFO.set(ch.charCodeAt(0), { cls: value === 0 ? 'zero' : 'digit', value, formal: FORMAL.has(ch) });
}
for (const [ch, value] of Object.entries(SMALL)) INFO.set(ch.charCodeAt(0), { cls: 'small', value, formal: FORMAL.has(ch) });
for (const [ch, value] of Object.entries(BIG)) INFO.set(ch.charCodeAt(0), { cls: 'big', value, formal: false });

// A flat table for the hot path: numeral chars by code (BMP), so the scanner does no hashing per character.
const TABLE: (CharInfo | undefined)[] = new Array<CharInfo | undefined>(0x10000);
for (const [code, info] of INFO) TABLE[code] = info;

/** The numeral class of a character code, or undefined. */
export function numeral(code: number): CharInfo | undefined {
  return code < 0x10000 ? TABLE[code] : undefined;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isLatinLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** CJK ideographs (BMP blocks), for word-boundary checks. */
export function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Digits allowed after 点 in a Chinese decimal (两 is never a decimal digit). */
export function decimalDigit(code: number): number {
  const info = INFO.get(code);
  if (!info || (info.cls !== 'digit' && info.cls !== 'zero')) return -1;
  return code === 0x4e24 ? -1 : info.value;
}
