// Periods: the time a figure applies to (2024年, 今年一季度, 全年, 到2025年, 3年内, "十五五"时期). Found
// with one regular expression pass over the folded text; a number inside a period is no figure.

const D = '[0-9]';
const CN = '[〇零一二三四五六七八九十两]';
const YEAR = `(?:${D}{4}|[〇零一二三四五六七八九]{4})年`;
const MONTH = `(?:${D}{1,2}|[一二三四五六七八九十]{1,3})月份?`;
const DAY = `(?:${D}{1,2}|[一二三四五六七八九十]{1,3})[日号]`;
const QUARTER = '(?:第?[一二三四1-4]季度|前三季度|上半年|下半年|前[一二三四五六七八九十1-9][0-9]?个月|年底|年末|年初|底|末|初)';
const SINCE = '(?:以来|以前|之前|前|后|内)?';
const PATTERNS = [
  // 到2025年, 截至2024年底, 2024年一季度, 2025年度, 2024—2026年, 2020年8月, 自2024年1月6日
  `(?:到|至|截至|截止到?|自|从|于|在)?${YEAR}(?:度|${QUARTER}|${MONTH}(?:${DAY}|底|末|初|中旬|上旬|下旬)?)?(?:(?:[—–-]|至|到)${D}{4}年)?(?:间|期间)?${SINCE}`,
  `(?:到|至|截至|截止到?|自|从|于|在)?${D}{4}[—–-]${D}{4}年度?`,
  // 今年, 去年, 全年, 今年一季度, 今年前4个月, 上半年
  `(?:今年|去年|明年|前年|全年|当年|本年|同年|上年|次年|年内)(?:${QUARTER}|${MONTH})?(?:以来)?`,
  `(?:第?[一二三四]季度|前三季度|上半年|下半年)`,
  // 3年内, 5年来, 近三年, 未来5年, 过去一年
  `(?<![0-9.])(?:${D}{1,3}|${CN}{1,3}|半)(?:多|余)?(?:个)?(?:年|个月|周|天)(?:多|余)?(?:内|来|以来|间|之内|之间|前)`,
  `(?:近|未来|过去|今后|前)(?:${D}{1,2}|${CN}{1,3})(?:个)?(?:年|个月|周|天)`,
  '(?:近年来|近几年|这些年|多年来|每年|年均|当前|目前|现阶段)',
  // five-year plans: “十四五”时期, 十五五规划
  `“?十[一二三四五六]五”?(?:时期|期间|末|初|开局之年|规划期)?`,
];
const PERIOD = new RegExp(PATTERNS.join('|'), 'g');
// ROC (民國) years: 民國113年, and in Taiwan text 113年 alone (100–149: 2011–2060); not a span (100年来, 近100年).
const ROC_YEAR = `(?<![0-9.近约超逾满达第])(?:民国)?1[0-4][0-9]年(?!来|内|以来|间|之内|之间|前|后|多|余|的|历史|之)`;
const ROC = `(?:到|至|截至|截止到?|自|从|于|在)?${ROC_YEAR}(?:度|${QUARTER}|${MONTH}(?:${DAY}|底|末|初|中旬|上旬|下旬)?)?(?:间|期间)?${SINCE}`;
const PERIOD_ROC = new RegExp([ROC, ...PATTERNS].join('|'), 'g');
const ROC_NAMED = /民国1[0-4][0-9]年/;
const ROC_DIGITS = /(民[國国])?(1[0-4][0-9])年/;

/**
 * A period holding an ROC year, written as 民國N年 with the Gregorian year after it (113年 → 民國113年(2024年)),
 * so that year filters find it; other periods as written.
 */
export function periodText(written: string): string {
  const m = ROC_DIGITS.exec(written);
  if (!m || !/^(?:[到至自從从於于在]|截至|截止到?)?(民[國国])?1[0-4][0-9]年(?![來来內内間间之前後后多餘余]|以[來来])/.test(written)) return written;
  return written.replace(ROC_DIGITS, `${m[1] ?? '民國'}${m[2]}年(${Number(m[2]) + 1911}年)`);
}

export interface Period {
  start: number;
  end: number;
  /** A comparison base (较2018年, 比上年): never the period of a figure. */
  base: boolean;
}

const BASE_BEFORE = /(较|比|与|同比|相比|相较于?|低于|高于) *$/;

/**
 * All period expressions in folded text, in order, not overlapping. `roc`: the text is in traditional script,
 * where 113年 is an ROC year; 民國113年 is read as one anywhere.
 */
export function findPeriods(s: string, roc = false): Period[] {
  const out: Period[] = [];
  for (const m of s.matchAll(roc || ROC_NAMED.test(s) ? PERIOD_ROC : PERIOD)) {
    const start = m.index ?? 0;
    if (m[0].length === 0) continue;
    out.push({ start, end: start + m[0].length, base: BASE_BEFORE.test(s.slice(Math.max(0, start - 4), start)) });
  }
  return out;
}

/** First period index whose end is after `pos` (binary search). */
export function firstPeriodEndingAfter(periods: Period[], pos: number): number {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((periods[mid] as Period).end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is [start, end) inside a period expression? */
export function insidePeriod(periods: Period[], start: number, end: number): boolean {
  const k = firstPeriodEndingAfter(periods, start);
  const p = periods[k];
  return p !== undefined && p.start <= start && p.end >= end;
}

/**
 * The period a figure at [start, end) in sentence [sStart, sEnd) applies to: the nearest one before it in
 * the sentence, else the first after it in the same clause.
 */
export function periodFor(periods: Period[], s: string, start: number, end: number, sStart: number, sEnd: number): Period | null {
  const k = firstPeriodEndingAfter(periods, start);
  // periods[k-1] ends at or before start.
  for (let j = k - 1; j >= 0; j--) {
    const before = periods[j] as Period;
    if (before.start < sStart) break;
    if (!before.base) return before;
  }
  for (let j = k; j < periods.length; j++) {
    const p = periods[j] as Period;
    if (p.start < end) continue;
    if (p.start >= sEnd) break;
    if (p.base) continue;
    const between = s.slice(end, p.start);
    if (/[,，;；:：]/.test(between)) break;
    return p;
  }
  return null;
}
