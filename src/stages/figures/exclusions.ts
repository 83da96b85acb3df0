// What is not a figure though it is written with numerals: dates and years, times of day, ordinals
// (第八届, 第二批, 十四届全国人大), record spans (创3年新高), codes and names (G60, 5G, 11号线, PM2.5, 砹-211, 十五五), numerals inside words (长三角,
// 一体化, 两院), slogans in quotes (“两个大局”), and the article 一 (一个观点).
import { isAsciiDigit, isHan, isLatinLetter } from './numerals.js';
import type { Dictionaries } from './dictionary.js';
import type { Quantity } from './quantities.js';
import type { TokenIndex } from './tokens.js';

const ORDINAL_BEFORE = new Set(['第', '其', '初', '周', '星期', '礼拜']);
const OPEN_QUOTES = '“‘「『"\'《';
const CLOSE_QUOTES = '”’」』"\'》';
const NUMERAL_CHARS = /^[0-9.,〇零一二三四五六七八九十百千万亿兆两壹贰叁肆伍陆柒捌玖拾佰仟]+$/;
const DASHES = '-—–‐';

function isYear(q: Quantity, s: string): boolean {
  const n = q.num;
  if (n.valueHi !== null || n.decimal || n.fraction) return false;
  if (n.sequence) return s.slice(n.start, n.end).length === 4 || s.slice(n.start, n.end).length === 2;
  return !n.chinese && n.integerDigits === 4 && n.value >= 1000 && n.value <= 2999 && !/[, ]/.test(s.slice(n.start, n.end));
}

/** Why quantity q is not a figure, or null when it is one. */
export function notFigure(q: Quantity, s: string, index: TokenIndex, dict: Dictionaries): string | null {
  const n = q.num;
  const numText = s.slice(n.start, n.end);
  if (q.kind === 'point') return 'date, time or code';
  const unit = q.unitEntry?.text ?? '';
  if (unit === '年' && isYear(q, s)) return 'year';
  // A fiscal or school year (2025/26年度, 2023/24财政年度) is a date, not the ratio 2025/26.
  if (n.fraction !== null && /^(1[89]|20)[0-9]{2}\/[0-9]{2}$/.test(numText)) return 'year';
  // A year written as a name (2025镇域经济, 2025全球环境与可持续发展大会).
  if (!q.unitEntry && isYear(q, s) && !n.chinese) return 'year';
  const before = s[n.start - 1] ?? '';
  const before2 = s.slice(Math.max(0, n.start - 2), n.start);
  if (ORDINAL_BEFORE.has(before) || ORDINAL_BEFORE.has(before2)) return 'ordinal';
  // Times of day: 8时15分, 十点十分, 8:30.
  if (/[时点]/.test(before) && s[q.end] === '分') return 'time';
  if (/^[0-9]{1,2}$/.test(numText) && s[n.end] === ':' && isAsciiDigit(s.charCodeAt(n.end + 1))) return 'time';
  if (before === ':' && isAsciiDigit(s.charCodeAt(n.start - 2))) return 'time';
  // Codes: digits joined to Latin letters (G60, 5G, PM2.5) or to a word by a hyphen (砹-211, 碳-14).
  const prevCode = s.charCodeAt(n.start - 1);
  if (isLatinLetter(prevCode) || (prevCode === 46 && isLatinLetter(s.charCodeAt(n.start - 2)))) return 'code';
  if (!q.unitEntry && isLatinLetter(s.charCodeAt(n.end))) return 'code';
  // A model after its Latin name: iPhone 15, Windows 11.
  if (!q.unitEntry && before === ' ' && isLatinLetter(s.charCodeAt(n.start - 2))) return 'code';
  if (!n.chinese && isAsciiDigit(s.charCodeAt(n.start)) && isAsciiDigit(prevCode)) return 'code';
  // Dates and versions joined by dots (3·15, 9·11, 2.3.1).
  if (
    !n.chinese &&
    (/^[·•・]$/.test(before) ||
      /^[·•・]/.test(s[n.end] ?? '') ||
      (before === '.' && isAsciiDigit(s.charCodeAt(n.start - 2))) ||
      (s[n.end] === '.' && isAsciiDigit(s.charCodeAt(n.end + 1))))
  )
    return 'code';
  if (DASHES.includes(before) && !q.unitEntry) {
    const c = s.charCodeAt(n.start - 2);
    if (isHan(c) || isLatinLetter(c)) return 'code';
  }
  if (/^十[一二三四五六]五$/.test(numText) && !q.unitEntry) return 'plan name';
  // 二次会议, 三届全会: the session of a body, an ordinal.
  if (n.chinese && /^[次届]$/.test(unit) && /^(会议|全会|大会|全体会议)/.test(s.slice(q.unitEnd, q.unitEnd + 4))) return 'ordinal';
  // 十四届全国人大, 17届亚运会: 届 before the body or event it numbers is an ordinal; a count of terms ends
  // its phrase (连任两届,) or follows a verb (已举办六届).
  if (
    unit === '届' &&
    isHan(s.charCodeAt(q.unitEnd)) &&
    !/^[了的]/.test(s[q.unitEnd] ?? '') &&
    !/(连任|连续|共|历|已|举办|举行|担任)$/.test(s.slice(Math.max(0, q.start - 2), q.start))
  )
    return 'ordinal';
  // 创3年新高, 10年来最低: a record's span, not a figure.
  if (unit === '年' && /^来?(新高|新低|最高|最低|高位|低位)/.test(s.slice(q.unitEnd, q.unitEnd + 3))) return 'record span';
  // Numerals inside a word: the segmenter puts 长三角, 一体化, 两院 into one word.
  if (n.chinese) {
    const holder = index.holding(n.start);
    if (holder && holder.start < n.start) {
      const head = s.slice(holder.start, n.start);
      // A cue glued to the number by the segmenter (增加三倍, 近六成) is no word around it.
      const roles = dict.cues.get(head);
      const cue = roles !== undefined && [...roles].some((r) => r === 'link' || r === 'change' || r.startsWith('pre:'));
      if (!cue && !/^[负近约超逾前第]+$/.test(head)) return 'inside a word';
    }
    const last = index.holding(q.end - 1);
    if (last && last.end > q.end && !NUMERAL_CHARS.test(s.slice(q.end, last.end)) && !/^[mq]/.test(last.tag)) return 'inside a word';
  }
  if (n.chinese && numText === '零') return 'bare zero';
  // A number-and-unit the segmenter reads as a noun is a word (三角, 零部件, a name like 三元).
  if (n.chinese) {
    const holder = index.holding(n.start);
    if (holder && holder.start === n.start && holder.end >= q.unitEnd && /^(n|j)/.test(holder.tag)) return 'a word';
  }
  // A given name after a surname the segmenter tags on its own (黎/nr 三元): a person, not money.
  if (n.chinese && n.start === q.start) {
    const surname = index.holding(n.start - 1);
    if (surname && surname.end === n.start && surname.text.length === 1 && surname.tag === 'nr') return 'name';
  }
  if (insideTitle(s, q.start, q.end)) return 'inside a title';
  const layout = layoutMark(q, s);
  if (layout) return layout;
  if (apposition(q, s)) return 'apposition';
  // Slogans and names in quotes: “两个大局”, “4小时产业圈”.
  if (OPEN_QUOTES.includes(s[q.start - 1] ?? '\u0000')) {
    const close = s.slice(q.end, q.end + 8);
    if ([...CLOSE_QUOTES].some((c) => close.includes(c))) return 'name in quotes';
  }
  if (!q.unitEntry && n.fraction === null) {
    // 十八大, 一极三区 are names; 2亿多 (Arabic with a Chinese multiplier) is a figure.
    if (n.chinese && !/[0-9]/.test(numText)) return 'bare Chinese numeral';
    if (n.integerDigits >= 7 && !/[, ]/.test(numText) && !n.decimal) return 'code';
    // A bare number of three or more digits naming something (12345热线, 110报警, 985高校) is a code.
    if (n.integerDigits >= 3 && !/[, ]/.test(numText) && !n.decimal && isHan(s.charCodeAt(q.end))) return 'code';
    // List markers: 1. 2、 at the start of a line or sentence.
    if (/^[、.．)）]/.test(s[q.end] ?? '') && (n.start === 0 || /[\n。；;:：\s]/.test(before))) return 'list marker';
  }
  // Slogans made of a Chinese count and a verb or adjective (四个全面, 两个确立, 三次分配) name policies.
  // Only small counts in Chinese numerals name slogans: 约3万个简约公屋单位 is a count.
  if (n.chinese && /^[个次]$/.test(unit) && !/[0-9]/.test(numText) && q.value <= 10) {
    const next = index.holding(q.unitEnd);
    if (next && next.start === q.unitEnd && /^(v|a|ad|d|vd)$/.test(next.tag)) return 'slogan';
  }
  // 一 before a measure word is an article (一个观点, 新一年), not a count; 一半, 一成, 一倍 stay.
  if (n.chinese && numText === '一' && q.value === 1 && q.qualifier === 'eq' && q.kind !== 'multiple') return 'article';
  if (n.formalOnly && numText.length === 1) return 'word';
  // 两两 (pairwise) is no two liang.
  if (numText === '两' && unit === '两') return 'word';
  return null;
}

/** Inside a title in 《》 (《2025中国镇域经济高质量发展研究》): names, not figures. */
function insideTitle(s: string, start: number, end: number): boolean {
  // Bounded windows keep this constant-time per figure.
  const before = s.slice(Math.max(0, start - 40), start);
  const open = before.lastIndexOf('《');
  if (open < 0 || before.indexOf('》', open) >= 0) return false;
  const after = s.slice(end, end + 40);
  const close = after.indexOf('》');
  return close >= 0 && after.lastIndexOf('《', close) < 0;
}

const DASH_END = /[-—–]\s*$/;
const DASH_START = /^\s*[-—–]/;

/**
 * Layout that text taken from PDF keeps: a page number alone on its line (12, - 12 -, 第 5 页, 5 / 20) or
 * between dashes where the cleaner glued it to the next line, and footnote markers ([1], 〔2〕, 注3).
 * Only bare numbers: a unit or a qualifier makes a figure.
 */
function layoutMark(q: Quantity, s: string): string | null {
  const n = q.num;
  if (q.unitEntry || n.fraction !== null || q.cueStart !== n.start || q.valueHi !== null) return null;
  const lineStart = s.lastIndexOf('\n', n.start - 1) + 1;
  const nl = s.indexOf('\n', n.end);
  const lineEnd = nl < 0 ? s.length : nl;
  // Bounded: a page mark is short.
  const before = s.slice(Math.max(lineStart, n.start - 12), n.start);
  const after = s.slice(q.end, Math.min(lineEnd, q.end + 12));
  const wholeBefore = n.start - lineStart <= 12;
  const wholeAfter = lineEnd - q.end <= 12;
  if (wholeBefore && wholeAfter && /^[\s\-—–]*(第\s*|[0-9]+\s*\/\s*)?$/.test(before) && /^\s*(页\s*)?([-—–]*|\/\s*[0-9]+)\s*$/.test(after))
    return 'page number';
  if (DASH_END.test(before) && DASH_START.test(after) && (wholeBefore || /^\s*[-—–]\s*$/.test(before.slice(-3)))) return 'page number';
  if (/第\s*$/.test(before) && /^\s*页/.test(after)) return 'page number';
  const open = s[n.start - 1] ?? '';
  const close = s[q.end] ?? '';
  if (/^[[〔【(（]$/.test(open) && /^[\]〕】)）]$/.test(close) && n.integerDigits <= 3 && !n.decimal && /[\p{L}\p{N}%。，,]/u.test(s[n.start - 2] ?? ''))
    return 'footnote';
  if (open === '注' && /^[:：\s]/.test(close)) return 'footnote';
  return null;
}

const LIST_JOIN = /和|与|及|以及|、/;

/**
 * A small count in Chinese numerals that sums up the list right before it (一体化和高质量两个关键词, A、B、C三个
 * 方面) restates the list: it is no figure.
 */
function apposition(q: Quantity, s: string): boolean {
  const n = q.num;
  if (!n.chinese || q.value < 2 || q.value > 10 || q.qualifier !== 'eq' || /[0-9]/.test(s.slice(n.start, n.end))) return false;
  let from = n.start;
  while (from > 0 && n.start - from < 40 && !/[,，;；。:：!！?？\n]/.test(s[from - 1] ?? '')) from--;
  const clause = s.slice(from, q.start).replace(/(这|等)$/, '');
  if (!LIST_JOIN.test(clause)) return false;
  const items = clause.split(new RegExp(LIST_JOIN.source, 'g')).filter((x) => x.trim() !== '');
  return items.length === q.value;
}
