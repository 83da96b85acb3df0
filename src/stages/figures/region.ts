// The region a text is written in (mainland, Taiwan, Hong Kong, Macau), for the currency of bare 元: simplified
// script is the mainland's; traditional script is Taiwan's, Hong Kong's or Macau's by the names it holds
// (行政院, 新台币 … / 立法会, 港元 …), and unknown when it holds none or as many of two regions.
import { isHan } from './numerals.js';

export type Region = 'mainland' | 'taiwan' | 'hongkong' | 'macau';

// Matched on the folded (simplified) copy. Names of institutions, places and currencies only one region uses.
const CUES: [Exclude<Region, 'mainland'>, RegExp][] = [
  ['taiwan', /台湾|台北|新北市|台中|台南|高雄|桃园|行政院|立法院|监察院|考试院|总统府|国发会|卫福部|劳动部|主计总处|民国|新台币|县市长|直辖市/g],
  ['hongkong', /香港|港元|港币|港府|特区政府|立法会|财政司|政务司|行政长官|特首|九龙|新界|港铁|房委会|强积金|公屋/g],
  ['macau', /澳门|澳门元|澳门币|博彩/g],
];

/** Currency of a bare 元 in each region. */
export const REGION_CURRENCY: Record<Region, string> = { mainland: 'CNY', taiwan: 'TWD', hongkong: 'HKD', macau: 'MOP' };

/**
 * Is `text` in traditional script? Some of its Han characters (at least 1 in 100) differ in `folded`, its
 * simplified copy of the same length.
 */
export function isTraditional(text: string, folded: string): boolean {
  let han = 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) continue;
    han++;
    if (c !== folded.charCodeAt(i)) changed++;
  }
  return changed > 0 && changed * 100 >= han;
}

/** The region of a text given its folded copy, or null when it cannot be told. */
export function regionOf(text: string, folded: string): Region | null {
  if (!isTraditional(text, folded)) return 'mainland';
  let best: Region | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [region, re] of CUES) {
    const count = folded.match(re)?.length ?? 0;
    if (count > bestCount) {
      best = region;
      bestCount = count;
      tie = false;
    } else if (count > 0 && count === bestCount) tie = true;
  }
  return tie ? null : best;
}
