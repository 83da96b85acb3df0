// Dictionary names in the text (longest match of the trie), kept where they line up with the segmenter's
// words or were only glued to a neighbour by it (中国人, 受法国, 北京市民).
import { pairWordFollows, spelledByAbbreviations } from './abbreviations.js';
import { endsWord, startsWord, titleFollows } from './context.js';
import { FACILITY } from './facilities.js';
import { isCommonWord, jiebaLexicon } from './lexicon.js';
import { SITE } from './tagged-names.js';
import { type Candidate, type TagContext, Tier } from './types.js';

/** 中国人, 中国籍: one character glued to a place by the segmenter still leaves the place a place. */
const PLACE_TAIL = new Set([...'人籍方产制式菜话语队商军']);

/** 新中国, 全中国, and prepositions glued to a place (同法国, 对美国, 到德国). */
const PLACE_PREFIX = new Set([...'新全同对到在从向与和赴访往至经于']);

/**
 * 中国电视台, 中国能: the segmenter glued a place to the words after it; the place still counts when its word is
 * no place of its own (an ns word like 南京路 is one place, found from its tag).
 */
function placeHeadsWord(ctx: TagContext, start: number, end: number, type: string): boolean {
  if (type !== 'place' || !startsWord(ctx, start)) return false;
  const k = ctx.tokenOf[start] ?? -1;
  const t = k >= 0 ? ctx.tokens[k] : undefined;
  if (!t || t.start !== start || t.end <= end || t.end - end > 3) return false;
  if (t.tag !== 'ns') return true;
  // 北京市民/ns: the segmenter's place word is the place and an ordinary noun after it.
  const rest = jiebaLexicon().get(ctx.text.slice(end, t.end));
  return end - start >= 2 && t.end - end >= 2 && !!rest && /^(n|nz|q|vn)$/.test(rest.tag) && !SITE.test(t.text) && !FACILITY.test(t.text);
}

/**
 * 受法国, 驻英国, 德国内政: the segmenter glued a known place to a neighbouring character, by guess (an
 * unknown word, x) or as 国内. The place stands when every word cut across is such a guess; so does a known
 * organization (考入北大后/x).
 */
function gluedByGuess(ctx: TagContext, start: number, end: number, startOk: boolean, endOk: boolean): boolean {
  const guess = (at: number) => {
    const t = ctx.tokens[ctx.tokenOf[at] ?? -1];
    // 美/ns 国有/b: the segmenter read 国有 ("state-owned") across 美国 + 有.
    return !!t && t.text.length <= 3 && (t.tag === 'x' || ((t.text === '国内' || t.text === '国有') && ctx.text[at - 1] !== '国'));
  };
  return (startOk || guess(start)) && (endOk || guess(end - 1));
}

/**
 * 沿海/城市 read as 海城市: a long name whose first character ends an ordinary word of the segmenter's and
 * whose end is a word bound starts in the middle of a phrase, not at a name.
 */
function firstCharClosesWord(ctx: TagContext, start: number, end: number): boolean {
  if (end - start < 3 || startsWord(ctx, start)) return false;
  const t = ctx.tokens[ctx.tokenOf[start] ?? -1];
  return !!t && t.end === start + 1 && t.tag !== 'ns' && isCommonWord(t.text, 100);
}

/**
 * 文化部门, 上海市民: the last character of a name makes an ordinary word (部门, 市民) with what follows it. An
 * organization is then no mention; a place gives way to its shorter form (上海) where that ends on a word bound.
 */
function endsInsideWord(ctx: TagContext, end: number): boolean {
  const t = ctx.tokens[ctx.tokenOf[end - 1] ?? -1];
  if (!t || t.end <= end) return false;
  const tail = ctx.text.slice(end - 1, t.end);
  // 部长 is a title, and 文化部副部长 is cut 文化/部副/部长: the name stands; so does a paper before 社 (日报社).
  return isCommonWord(tail) && !ctx.dicts.titleSet.has(tail) && !tail.endsWith('副') && !ctx.dicts.orgSuffixes.includes(tail);
}

/** A dictionary name from `start` ends right before `end`'s last character (北京 of 北京市 in 北京市民). */
function shorterNameBefore(ctx: TagContext, start: number, end: number): boolean {
  return ctx.dicts.trie.matchesAt(ctx.text, start).some((m) => m.end === end - 1);
}

/** Dictionary names in the text; a short name must line up with the segmenter's words. */
export function dictionaryCandidates(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { text, dicts } = ctx;
  for (let i = 0; i < text.length; i++) {
    // One-character abbreviations only in context (abbreviations.ts).
    const matches = dicts.trie.matchesAt(text, i, 2);
    // Indexed, not for-of: this runs at every character, and most positions match nothing.
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k] as (typeof matches)[number];
      const len = m.end - i;
      const startOk = startsWord(ctx, i) || len >= 3 || (m.value.type === 'place' && PLACE_PREFIX.has(text[i - 1] ?? '') && startsWord(ctx, i - 1));
      const endOk =
        endsWord(ctx, m.end) ||
        len >= 3 ||
        placeHeadsWord(ctx, i, m.end, m.value.type) ||
        (m.value.type === 'place' && PLACE_TAIL.has(text[m.end] ?? '') && (ctx.tokenEndingAt[m.end + 1] ?? -1) >= 0) ||
        titleFollows(ctx, m.end);
      if ((!startOk || !endOk) && !(((m.value.type === 'place' && m.value.primary) || m.value.type === 'org') && gluedByGuess(ctx, i, m.end, startOk, endOk)))
        continue;
      if (firstCharClosesWord(ctx, i, m.end)) continue;
      if (endsInsideWord(ctx, m.end) && (m.value.type === 'org' || (len >= 3 && shorterNameBefore(ctx, i, m.end)))) continue;
      // 中非经贸, 中非友好: before a pair word a country spelled by two abbreviations is the pair (China and Africa).
      if (len === 2 && m.value.primary && spelledByAbbreviations(ctx, text.slice(i, m.end)) && pairWordFollows(text, m.end)) continue;
      out.push({ start: i, end: m.end, type: m.value.type, canonical: m.value.canonical, tier: Tier.dictionary });
    }
  }
  return out;
}
