// The metric of a figure: the noun phrase saying what is measured, read from the segmenter's words and tags.
// After a measure word it is the noun phrase that follows (6个国家实验室 → 国家实验室); otherwise the one
// before the figure, skipping linking verbs, qualifiers and comparisons (充电桩比率达到1.9之内,
// 较2018年提升10.4个百分点), with X占Y kept whole (进出口总额占全国36.5%).
import type { Token } from '../../schema.js';
import type { Dictionaries } from './dictionary.js';
import { foldWord } from '../../text/fold.js';
import { type TokenIndex, isNominal, isPunct, isQuote, isVerb } from './tokens.js';

const MAX_TOKENS = 12;
const MAX_CHARS = 24;
const COMPARE = new Set([
  '较',
  '比',
  '同比',
  '相比',
  '比上年',
  '较上年',
  '比上',
  '较上',
  '与',
  '和',
  '环比',
  '相较',
  '高于',
  '低于',
  '快于',
  '慢于',
  '多于',
  '少于',
]);
const SHARE = new Set(['占', '占据', '占到']);
/** Time words (今年), quarters (第二季) and rates (每日) that may stand between a metric and its figure. */
const TIME_WORD = /^t$/;
const QUARTER = /^(第?[一二三四1-4]季度?|[上下]半年|全年|年均|年内)$/;
const LEVEL = /^(水平|水准|程度|左右|上下)$/;
const PERIOD_UNIT = /^(季|季度|月|月份|年|年度|期|届)$/;
const PERIOD_NOUN = /^(本|今|上|去|明|下)?(年度|财年|季度)$/;
const PER = /^每[日天年月周季人户]?$/;
const NUMERAL_START = /^[0-9〇零一二三四五六七八九十百千万亿两]/;
const JOINER = /^(、|和|及|与|以及)$/;

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
    if (
      prevTok0 &&
      prevTok0.end === t.start &&
      (/^(q|m|mq|x)$/.test(t.tag) || PERIOD_UNIT.test(t.text)) &&
      /^[0-9〇零一二三四五六七八九十百千万亿两.%]+$/.test(prevTok0.text)
    )
      break;
    const prevTok = tokens[k - 1];
    // A measure-word tag away from any number is the segmenter's guess for a noun (充电桩 → 充电/v 桩/q).
    const looseQ = t.tag === 'q' && (!prevTok || !NUMERAL_START.test(prevTok.text));
    // Items of one name joined by 、 和 及 与 (电力、热力生产和供应业, 石油和天然气开采业): the whole name,
    // when a noun stands on both sides.
    const prevJoined = tokens[k - 1];
    const joiner =
      first <= i &&
      JOINER.test(t.text) &&
      prevJoined !== undefined &&
      prevJoined.end === t.start &&
      isNominal(prevJoined) &&
      !NUMERAL_START.test(prevJoined.text) &&
      isNominal(tokens[first] as Token);
    let take = isNominal(t) || looseQ || (t.tag === 'a' && first <= i) || joiner;
    // A linking verb or status word (共有, 达到, 计划) is not inside the phrase, unless it opens the clause
    // as a modifier (累计公共充电桩).
    const opensClause = k === 0 || isPunct(tokens[k - 1] as Token);
    if (isVerb(t) && dict && (skippable(dict, t) || isStatusCue(dict, t)) && !(opensClause && first <= i)) break;
    // A noun-tagged forecast or plan word (预计/vn) inside the phrase is its predicate, not a modifier.
    if (first <= i && t.tag === 'vn' && isStatusCue(dict, t)) break;
    if (!take && isVerb(t) && t.text.length >= 2) {
      // A verb inside a noun phrase (公共充电桩 tags 充电 as a verb): take it when a noun precedes it or
      // it opens the clause.
      const prev = tokens[k - 1];
      // As the head (年均增速 tags 增速 as a verb) only after a noun.
      take =
        first <= i
          ? !prev || isNominal(prev) || isPunct(prev) || prev.tag === 't' || prev.tag === 'a'
          : verbHead && (!prev || isNominal(prev) || isPunct(prev) || /^(t|m|mq)$/.test(prev.tag));
      // A verb-tagged head after a verb-tagged modifier after a noun (城镇 新增/v 就业/v 1200万人).
      const prev3 = tokens[k - 2];
      if (
        !take &&
        verbHead &&
        first > i &&
        prev &&
        isVerb(prev) &&
        prev.text.length >= 2 &&
        prev3 &&
        isNominal(prev3) &&
        !isStatusCue(dict, prev) &&
        !(dict && skippable(dict, prev))
      )
        take = true;
      // As the subject of a change (预算/v 收入/v 增长), or before a noun head (公共 预算/v 支出/v 规模): a
      // verb after a noun, or after a verb after a noun.
      const prev2 = tokens[k - 2];
      if (
        (subject || first <= i) &&
        !take &&
        !isStatusCue(dict, t) &&
        !(dict && skippable(dict, t)) &&
        prev &&
        (isNominal(prev) || (isVerb(prev) && prev2 !== undefined && isNominal(prev2)))
      )
        take = true;
    }
    // A noun-tagged verb joined to the name's next item (生产/vn 和 供应业) is part of the name, not its predicate.
    const joinedItem = t.tag === 'vn' && first === k + 1 && JOINER.test((tokens[k + 1] as Token).text);
    if (!take || (isPredicate(dict, t) && !joinedItem)) break;
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
  // Codes, acronyms and Latin names the segmenter splits (PM2.5平均浓度, 5G网络, Bötrop雪场): a run of
  // letters, digits and dots that holds a letter.
  if (first <= i) {
    let k = first;
    let letter = false;
    while (k > 0) {
      const t = tokens[k - 1] as Token;
      if (!/^[\p{Script=Latin}0-9.-]+$/u.test(t.text) || t.end !== (tokens[k] as Token).start) break;
      letter ||= /\p{Script=Latin}/u.test(t.text);
      k--;
    }
    if (letter) first = k;
  }
  return first;
}

/** A qualifier, linking or change word (突破, 达到, 增长): what follows it is a figure of its own. */
function isCueWord(dict: Dictionaries, t: Token): boolean {
  const roles = dict.cues.get(foldWord(t.text));
  return roles !== undefined && (roles.has('link') || roles.has('change') || [...roles].some((r) => r.startsWith('pre:')));
}

const MAX_QUOTED = 12;
const BRACKET = /^[(（)）]$/;

/** Walks forward from token index j over a noun phrase; returns one past its last index (== j if none). */
/**
 * `verbs`: the phrase follows 的 (务实有效的制度创新成果, 1900亩的核技术应用产业园), where a verb between its
 * nouns modifies them; elsewhere such a verb is more often a predicate (12家单位签署协议, 两个关键词抓好…).
 * `leadingVerb`: right after a measure word a verb before a noun modifies it (12个创新联合体).
 */
function nounPhraseForward(tokens: Token[], j: number, dict: Dictionaries, verbs: boolean, leadingVerb: boolean): number {
  let closed = -1;
  let end = j;
  let chars = 0;
  let quoted = -1;
  for (let k = j; k < tokens.length && k - j < MAX_TOKENS + 4; k++) {
    const t = tokens[k] as Token;
    if (k > j && (tokens[k - 1] as Token).end !== t.start) break;
    if (isQuote(t) || BRACKET.test(t.text)) {
      // A name in quotes or an aside in brackets inside the phrase (“双一流”高校, 跨省通办“高效办成一件事”
      // 标杆场景, 核技术应用(同位素)产业园) is taken whole; the phrase only ends after it when a noun follows.
      if (/[“「『《‘(（]/.test(t.text)) quoted = 0;
      else if (quoted < 0) break;
      else {
        quoted = -1;
        if (end === j) closed = k;
      }
      continue;
    }
    if (quoted >= 0) {
      quoted += t.text.length;
      if (quoted > MAX_QUOTED || isPunct(t)) break;
      continue;
    }
    if (isCueWord(dict, t)) break;
    const next = tokens[k + 1];
    const nextNominal = next !== undefined && next.start === t.end && (isNominal(next) || /^[“「『(（]$/.test(next.text));
    const afterTaken = k > j && end === k;
    // A four-character idiom closing the phrase is its predicate (代表齐聚一堂).
    if (afterTaken && t.text.length === 4 && !nextNominal && /^(l|nz|i)$/.test(t.tag)) break;
    // Adjectives and verbs only inside the phrase (重大科技基础设施, 制度创新成果, 核技术应用产业园), and
    // nouns joined by 和 (国家和地区).
    const inner = nextNominal && t.text.length >= 2;
    const verbInside = ((afterTaken && verbs) || (k === j && leadingVerb)) && isVerb(t) && inner;
    const joined = afterTaken && nextNominal && /^(和|与|及)$/.test(t.text) && !/^[0-9〇零一二三四五六七八九十百千万亿两]/.test(next?.text ?? '');
    // Words the segmenter tags as numerals for their first character (零部件) are nouns here.
    const numeralWord = (t.tag === 'mq' || t.tag === 'm') && t.text.length >= 3 && !/[0-9十百千万亿兆元第]/.test(t.text);
    // A two-character modifier right after the measure word that the segmenter tags as an adverb (3万个
    // 简约/d 公屋单位) modifies the noun after it.
    const modifier = k === j && leadingVerb && t.tag === 'd' && inner;
    const take = isNominal(t) || numeralWord || (t.tag === 'a' && (inner || (verbs && nextNominal))) || verbInside || joined || modifier;
    if (!take) break;
    chars += t.text.length;
    if (chars > MAX_CHARS) break;
    end = k + 1;
  }
  // Only a name in quotes (26个“国家队选手”将…): the name.
  if (end === j && closed > j) return closed + 1;
  return end;
}

/** Frames whose noun is no metric: 在12个联合体基础上, 在…前提下. */
const FRAME = new Set(['基础', '前提', '背景', '框架']);

/**
 * After a measure word, a modifier ending in 的 stands before the thing counted: adverbs and adjectives
 * (136项务实有效的制度创新成果), a place (几十家长三角的科研机构) or a clause with a figure of its own
 * (6个经济总量突破千亿元的镇级单位). Returns the token index after that 的, or -1.
 */
function modifierEnd(tokens: Token[], j: number, phraseEnd: number, dict: Dictionaries): number {
  let chars = 0;
  let numeral = false;
  for (let k = j; k < tokens.length && k - j < 8; k++) {
    const t = tokens[k] as Token;
    if (k > j && (tokens[k - 1] as Token).end !== t.start) return -1;
    if (t.text === '的') {
      if (k === j) return -1;
      // One place, pronoun or four-character set phrase before 的 modifies (上海的, 功能完善的).
      const place = phraseEnd === k && k - j === 1 && /^(ns|r|l)$/.test((tokens[j] as Token).tag);
      const modifiers = phraseEnd === j;
      return place || modifiers || numeral ? k + 1 : -1;
    }
    if (isPunct(t) || isQuote(t)) return -1;
    // The figure inside the clause comes after a cue (突破千亿元, 总长近20公里); a count right after a noun
    // (两个市场两种资源集聚的…) is a list, not a clause about the thing counted.
    const prev = tokens[k - 1];
    if (k > phraseEnd && prev && isCueWord(dict, prev) && /^[0-9〇零一二三四五六七八九十百千万亿两]/.test(t.text) && /^(m|mq|x)$/.test(t.tag)) numeral = true;
    // Before the phrase: only adverbs, adjectives and verbs (务实有效的).
    if (phraseEnd === j && !/^(d|ad|a|v|vd|an|z|b)$/.test(t.tag)) return -1;
    chars += t.text.length;
    if (chars > 12) return -1;
  }
  return -1;
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
  const measureWord = m.countLike && !skipDe;
  let end = nounPhraseForward(tokens, j, m.dict, skipDe && tokens[j - 1]?.text === '的', measureWord);
  if (measureWord) {
    const head = modifierEnd(tokens, j, end, m.dict);
    const headEnd = head > 0 ? nounPhraseForward(tokens, head, m.dict, true, false) : -1;
    if (headEnd > head) {
      j = head;
      end = headEnd;
    }
  }
  // 在12个创新联合体基础上: the frame noun is no part of the metric.
  const last = tokens[end - 1];
  if (end - 1 > j && last && FRAME.has(last.text) && /^[上下中]$/.test(tokens[end]?.text ?? '')) end--;
  if (end <= j) return '';
  let first = j;
  const phrase = tokens
    .slice(j, end)
    .map((t) => t.text)
    .join('');
  // Keep a leading quote only when the phrase closes it (“双一流”高校); a name alone loses its quotes.
  if (!/[”」』》’]/.test(phrase)) while (first < end && isQuote(tokens[first] as Token)) first++;
  else if (end - first >= 3 && isQuote(tokens[first] as Token) && isQuote(tokens[end - 1] as Token)) {
    first++;
    end--;
  }
  return m.text.slice((tokens[first] as Token).start, (tokens[end - 1] as Token).end);
}

function backwardMetric(m: MetricInput): string {
  const tokens = m.index.tokens;
  let i = m.index.at(m.start - 1);
  while (i >= 0 && (tokens[i] as Token).end > m.start) i--;
  // Layout spaces before the figure (僱用 23萬人, PDF text).
  while (i >= 0 && /^\s+$/.test((tokens[i] as Token).text)) i--;
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
    // A time word or a rate between the metric and the figure (生产总值今年第二季按年上升, 客流量达到每日80万).
    if (TIME_WORD.test(t.tag) || QUARTER.test(t.text) || PER.test(t.text)) {
      i--;
      continue;
    }
    // A planned verb right before the figure (专项债券拟安排4.4万亿元, 疫苗今年将采购200万剂): the metric
    // stands before the status word.
    if (guard < 2 && isVerb(t)) {
      let k = i - 1;
      while (k >= 0 && TIME_WORD.test((tokens[k] as Token).tag)) k--;
      const cue = tokens[k];
      if (cue && isStatusCue(m.dict, cue) && cue.start >= m.sentenceStart) {
        linked = true;
        i = k - 1;
        while (i >= 0 && TIME_WORD.test((tokens[i] as Token).tag)) i--;
        continue;
      }
    }
    // The head of a change verb the segmenter splits (扩/v 增至/v).
    const next = tokens[i + 1];
    if (linked && next && t.end === next.start && m.dict.cues.get(foldWord(t.text + next.text))?.has('change')) {
      i--;
      continue;
    }
    // A comparison base (较2018年, 比去年同期) within a few words.
    let k = i;
    while (k >= 0 && i - k < 4 && !COMPARE.has((tokens[k] as Token).text) && !isPunct(tokens[k] as Token)) k--;
    // 和 and 与 open a comparison only with 相比 after them (与上年相比); else they join a name (石油和天然气开采业).
    const joins = k >= 0 && /^(和|与)$/.test((tokens[k] as Token).text) && !tokens.slice(k + 1, i + 1).some((x) => /^(相比|相较|比较|持平)$/.test(x.text));
    if (k >= 0 && k < i && COMPARE.has((tokens[k] as Token).text) && !joins) {
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
  // A period leading the phrase is the figure's period, not its metric (本年度综合赤字).
  while (first < i && (TIME_WORD.test((tokens[first] as Token).tag) || PERIOD_NOUN.test((tokens[first] as Token).text))) first++;
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
  // The subject of an item of an enumeration (其中，国有控股企业实现利润总额X亿元；股份制企业实现…): a noun
  // phrase opening the clause before the main verb is part of what is measured.
  const verb = tokens[first - 1];
  if (verb && isPredicate(m.dict, verb) && first - 2 >= 0) {
    const subj = nounPhraseBack(tokens, first - 2, false, m.dict);
    const opener = tokens[subj - 1];
    if (subj <= first - 2 && (tokens[subj] as Token).start >= m.sentenceStart && (!opener || isPunct(opener) || opener.text === '其中')) {
      return foldSafeJoin(m.text, tokens[subj] as Token, tokens[first - 2] as Token, tokens[first] as Token, tokens[i] as Token);
    }
  }
  const startTok = tokens[first] as Token;
  const phrase = m.text.slice(startTok.start, (tokens[i] as Token).end);
  // A linking verb glued to the last word (營收達) is not part of the metric.
  const tail = foldWord(phrase.slice(-1));
  const roles = m.dict.cues.get(tail);
  if (phrase.length > 2 && roles?.has('link')) return phrase.slice(0, -1);
  return phrase;
}

/** Subject and measure as one metric, the main verb between them left out (国有控股企业利润总额). */
function foldSafeJoin(text: string, subjFirst: Token, subjLast: Token, first: Token, last: Token): string {
  return text.slice(subjFirst.start, subjLast.end) + text.slice(first.start, last.end);
}

/** The metric of a figure, or '' when none can be read. */
export function findMetric(m: MetricInput): string {
  if (m.index.tokens.length === 0) return '';
  // 成 reads like a measure word when a noun follows (两成居民): the noun is what is counted, unless it
  // only says "level" (恢复至约七成水平).
  if (m.countLike || m.text[m.end - 1] === '成') {
    const fwd = forwardMetric({ ...m, countLike: true }, false);
    if (fwd && !LEVEL.test(fwd)) return fwd;
  }
  // A joiner left at the head after a figure of a list (团队100支、尖端工程师400名) is not part of the metric.
  return (backwardMetric(m) || forwardMetric(m, true)).replace(LEADING_JOINER, '');
}

const LEADING_JOINER = /^(?:[、，,；;：:]|和|及|与|以及)+/;
