// The metric of a figure: the noun phrase saying what is measured, read from the segmenter's words and tags.
// After a measure word it is the noun phrase that follows (6个国家实验室 → 国家实验室); otherwise the one
// before the figure, skipping linking verbs, qualifiers and comparisons (充电桩比率达到1.9之内,
// 较2018年提升10.4个百分点), with X占Y kept whole (进出口总额占全国36.5%).
import type { Token } from '../../schema.js';
import type { Dictionaries } from './dictionary.js';
import { foldWord } from './normalize.js';
import { type TokenIndex, isNominal, isPunct, isQuote, isVerb } from './tokens.js';

const MAX_TOKENS = 8;
const MAX_CHARS = 20;
const COMPARE = new Set(['较', '比', '同比', '相比', '比上年', '较上年', '与', '和', '环比', '相较', '高于', '低于', '快于', '慢于', '多于', '少于']);
const SHARE = new Set(['占', '占据', '占到']);
const NUMERAL_START = /^[0-9〇零一二三四五六七八九十百千万亿两]/;

function isStatusCue(dict: Dictionaries | undefined, t: Token): boolean {
  const roles = dict?.cues.get(foldWord(t.text));
  return roles !== undefined && (roles.has('target') || roles.has('actual') || roles.has('other'));
}

function skippable(dict: Dictionaries, t: Token): boolean {
  const roles = dict.cues.get(foldWord(t.text));
  if (roles && (roles.has('link') || roles.has('change') || [...roles].some((r) => r.startsWith('pre:')))) return true;
  return t.tag === 'd' || t.tag === 'ul' || t.tag === 'uz';
}

/** Walks back from token index i over a noun phrase; returns the first index of the phrase (> i if none). */
function isPredicate(dict: Dictionaries | undefined, t: Token): boolean {
  return dict?.cues.get(foldWord(t.text))?.has('predicate') ?? false;
}

/** `dict` gives the main verbs (predicate) the phrase stops at. */
/**
 * `subject`: the phrase is the subject of a linking or change verb (一般公共预算收入增长3%), where the
 * segmenter's verb tags on nouns (预算/v 收入/v) are to be read as nouns.
 */
function nounPhraseBack(tokens: Token[], i: number, verbHead = false, dict?: Dictionaries, subject = false): number {
  let first = i + 1;
  let chars = 0;
  for (let k = i; k >= 0 && i - k < MAX_TOKENS; k--) {
    const t = tokens[k] as Token;
    // Contiguous words only.
    if (first <= i && (tokens[first] as Token).start !== t.end) break;
    // A number word ends the phrase (三省, 两个); a noun that starts with a numeral (二氧化碳) does not.
    if (NUMERAL_START.test(t.text) && /^(m|mq|q|x)$/.test(t.tag)) break;
    // The unit of a number before (2025年镇域经济, 200名共) is not part of the phrase.
    const prevTok0 = tokens[k - 1];
    if (prevTok0 && prevTok0.end === t.start && /^(q|m|mq|x)$/.test(t.tag) && /^[0-9〇零一二三四五六七八九十百千万亿两.%]+$/.test(prevTok0.text)) break;
    const prevTok = tokens[k - 1];
    // A measure-word tag away from any number is the segmenter's guess for a noun (充电桩 → 充电/v 桩/q).
    const looseQ = t.tag === 'q' && (!prevTok || !NUMERAL_START.test(prevTok.text));
    let take = isNominal(t) || looseQ || (t.tag === 'a' && first <= i);
    // A linking verb or status word (共有, 达到, 计划) is not inside the phrase, unless it opens the clause
    // as a modifier (累计公共充电桩).
    const opensClause = k === 0 || isPunct(tokens[k - 1] as Token);
    if (isVerb(t) && dict && (skippable(dict, t) || isStatusCue(dict, t)) && !(opensClause && first <= i)) break;
    if (!take && isVerb(t) && t.text.length >= 2) {
      // A verb inside a noun phrase (公共充电桩 tags 充电 as a verb): take it when a noun precedes it or
      // it opens the clause.
      const prev = tokens[k - 1];
      // As the head (年均增速 tags 增速 as a verb) only after a noun.
      take = first <= i ? !prev || isNominal(prev) || isPunct(prev) || prev.tag === 't' || prev.tag === 'a' : verbHead && (!prev || isNominal(prev) || isPunct(prev) || /^(t|m|mq)$/.test(prev.tag));
      // As the subject of a change (预算/v 收入/v 增长): a verb after a noun, or after a verb after a noun.
      const prev2 = tokens[k - 2];
      if (subject && !take && !isStatusCue(dict, t) && !(dict && skippable(dict, t)) && prev && (isNominal(prev) || (isVerb(prev) && prev2 !== undefined && isNominal(prev2)))) take = true;
    }
    if (!take || isPredicate(dict, t)) break;
    chars += t.text.length;
    if (chars > MAX_CHARS) break;
    first = k;
  }
  // A phrase does not start with a verb taken only for what followed, unless the verb opens the clause
  // (the head itself stays: it was taken on its own terms).
  while (first < i) {
    const t = tokens[first] as Token;
    const opens = first === 0 || isPunct(tokens[first - 1] as Token);
    if (isNominal(t) || t.tag === 'a' || t.tag === 'q' || (isVerb(t) && opens)) break;
    first++;
  }
  // Codes and acronyms the segmenter splits (PM2.5平均浓度, 5G网络): a run of letters, digits and dots
  // that holds a letter.
  if (first <= i) {
    let k = first;
    let letter = false;
    while (k > 0) {
      const t = tokens[k - 1] as Token;
      if (!/^[A-Za-z0-9.]+$/.test(t.text) || t.end !== (tokens[k] as Token).start) break;
      letter ||= /[A-Za-z]/.test(t.text);
      k--;
    }
    if (letter) first = k;
  }
  return first;
}

/** Walks forward from token index j over a noun phrase; returns one past its last index (== j if none). */
function nounPhraseForward(tokens: Token[], j: number): number {
  let end = j;
  let chars = 0;
  let open = false;
  for (let k = j; k < tokens.length && k - j < MAX_TOKENS; k++) {
    const t = tokens[k] as Token;
    if (k > j && (tokens[k - 1] as Token).end !== t.start) break;
    if (isQuote(t)) {
      // An opening quote may start a name (“双一流”高校); a closing one only ends what it opened.
      if (/[“「『《‘]/.test(t.text)) open = true;
      else if (!open) break;
      else open = false;
      continue;
    }
    // Adjectives and verbs only inside the phrase (重大科技基础设施, 量子计算任务).
    const inner = k + 1 < tokens.length && isNominal(tokens[k + 1] as Token) && t.text.length >= 2;
    // Words the segmenter tags as numerals for their first character (零部件) are nouns here.
    const numeralWord = (t.tag === 'mq' || t.tag === 'm') && t.text.length >= 3 && !/[0-9十百千万亿兆元第]/.test(t.text);
    const take = isNominal(t) || numeralWord || (t.tag === 'a' && inner);
    if (!take) break;
    chars += t.text.length;
    if (chars > MAX_CHARS) break;
    end = k + 1;
  }
  return end;
}

export interface MetricInput {
  text: string;
  index: TokenIndex;
  dict: Dictionaries;
  /** Figure span (with cues) and whether its unit is a measure word (count, rank). */
  start: number;
  end: number;
  countLike: boolean;
  /** Start of the sentence, or the end of the quantity before if later: the phrase never reaches before it. */
  sentenceStart: number;
}

function forwardMetric(m: MetricInput, skipDe: boolean): string {
  const tokens = m.index.tokens;
  let j = m.index.at(m.end);
  if (j < 0 || (tokens[j] as Token).start < m.end) j++;
  let t = tokens[j];
  if (!t || t.start !== m.end) return '';
  if (skipDe && t.text === '的') {
    j++;
    t = tokens[j];
    if (!t) return '';
  }
  // Quotes around a name are kept (37所“双一流”高校).
  const end = nounPhraseForward(tokens, j);
  if (end <= j) return '';
  let first = j;
  const phrase = tokens.slice(j, end).map((t) => t.text).join('');
  // Keep a leading quote only when the phrase closes it (“双一流”高校).
  if (!/[”」』》’]/.test(phrase)) while (first < end && isQuote(tokens[first] as Token)) first++;
  return m.text.slice((tokens[first] as Token).start, (tokens[end - 1] as Token).end);
}

function backwardMetric(m: MetricInput): string {
  const tokens = m.index.tokens;
  let i = m.index.at(m.start - 1);
  while (i >= 0 && (tokens[i] as Token).end > m.start) i--;
  // Skip linking verbs, cues and comparisons (较2018年) between the phrase and the figure.
  let linked = false;
  for (let guard = 0; i >= 0 && guard < 12; guard++) {
    const t = tokens[i] as Token;
    if (t.start < m.sentenceStart) return '';
    // Linking verbs and cues, 的 before the figure (总数的33%), and a main verb right before it
    // (产销分别完成492.9万辆).
    if (skippable(m.dict, t) || t.text === '的' || (!linked && isPredicate(m.dict, t)) || (guard < 3 && isStatusCue(m.dict, t))) {
      linked = true;
      i--;
      continue;
    }
    // A comparison base (较2018年, 比去年同期) within a few words.
    let k = i;
    while (k >= 0 && i - k < 4 && !COMPARE.has((tokens[k] as Token).text) && !isPunct(tokens[k] as Token)) k--;
    if (k >= 0 && k < i && COMPARE.has((tokens[k] as Token).text)) {
      i = k - 1;
      continue;
    }
    if (COMPARE.has(t.text)) {
      i--;
      continue;
    }
    break;
  }
  if (i < 0 || (tokens[i] as Token).start < m.sentenceStart) return '';
  if (isStatusCue(m.dict, tokens[i] as Token)) return '';
  // A verb-tagged head after a noun is a noun the segmenter mistook (年均增速, 可支配收入).
  let first = nounPhraseBack(tokens, i, true, m.dict, linked);
  // The phrase stops at the start of the sentence (or the figure before) and at status words (预计, 计划).
  while (first <= i && ((tokens[first] as Token).start < m.sentenceStart || isStatusCue(m.dict, tokens[first] as Token))) first++;
  if (first > i) return '';
  // X占Y: keep the subject with the share (进出口总额占全国).
  const before = tokens[first - 1];
  if (before && SHARE.has(before.text) && first - 2 >= 0) {
    const subj = nounPhraseBack(tokens, first - 2, false, m.dict);
    if (subj <= first - 2 && (tokens[subj] as Token).start >= m.sentenceStart) first = subj;
    else first -= 1;
  }
  while (first <= i && (tokens[first] as Token).start < m.sentenceStart) first++;
  if (first > i) return '';
  const startTok = tokens[first] as Token;
  const phrase = m.text.slice(startTok.start, (tokens[i] as Token).end);
  // A linking verb glued to the last word (營收達) is not part of the metric.
  const tail = foldWord(phrase.slice(-1));
  const roles = m.dict.cues.get(tail);
  if (phrase.length > 2 && roles?.has('link')) return phrase.slice(0, -1);
  return phrase;
}

/** The metric of a figure, or '' when none can be read. */
export function findMetric(m: MetricInput): string {
  if (m.index.tokens.length === 0) return '';
  if (m.countLike) {
    const fwd = forwardMetric(m, false);
    if (fwd) return fwd;
  }
  return backwardMetric(m) || forwardMetric(m, true);
}
