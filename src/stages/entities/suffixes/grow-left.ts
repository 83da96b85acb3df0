// Growing a name leftwards from its suffix over noun-like tokens, so 浙江省发展规划研究院 comes out whole.
import type { Token } from '../../../schema.js';
import type { TagContext } from '../types.js';
import { BREAK_WORDS, CJK, isBreak } from './breaks.js';
import { knownPlace, placeLikeToken } from './known-places.js';

/** Ordinal and cardinal numbers that number a body of a place: 第二, 二十一, 101. */
const NUMBERED = /^(第?[一二三四五六七八九十百零〇]+|第?[0-9０-９]{1,3})$/;

/** The middle dot of foreign names (约翰·史密斯), as the segmenter leaves it. */
export const NAME_DOT = /^[·•・]$/;

/** Index of the first token of the name that ends at token `last` (exclusive of the suffix part). */
export function growLeft(ctx: TagContext, last: number, maxChars: number, allowVerbs = false): number {
  const { tokens, text } = ctx;
  let first = last + 1;
  let i = last;
  const end = tokens[last]?.end ?? 0;
  let verbs = 0;
  let placed = false;
  while (i >= 0) {
    const t = tokens[i] as Token;
    // 江苏省南通市海安市委: only the nearest place of a chain belongs to the name; the others stay places.
    if (placed && knownPlace(ctx, t)) break;
    const prev = tokens[i + 1];
    if (prev && t.end !== prev.start) break; // a space or a dropped character separates them
    // 约翰·史密斯公司: the dot inside a foreign name, between two words of it.
    if (NAME_DOT.test(t.text) && prev && i > 0 && CJK.test((tokens[i - 1] as Token).text) && (tokens[i - 1] as Token).end === t.start) {
      first = i;
      i--;
      continue;
    }
    if (t.text === ')' || t.text === '）') {
      // A bracketed place inside a company name: 本源量子计算科技(合肥)股份有限公司.
      const open = tokens.slice(Math.max(0, i - 4), i).findLastIndex((x) => x.text === '(' || x.text === '（');
      if (open < 0) break;
      const openIdx = Math.max(0, i - 4) + open;
      const inner = text.slice((tokens[openIdx] as Token).end, t.start);
      if (!CJK.test(inner) || inner.length > 6) break;
      i = openIdx - 1;
      first = openIdx;
      continue;
    }
    // 中/f 国/n: a dictionary name the segmenter cut into pieces is one name-like unit.
    const known = knownSpanEndingAt(ctx, i);
    if (known >= 0) {
      if (end - (tokens[known] as Token).start > maxChars) break;
      first = known;
      i = known - 1;
      continue;
    }
    // 杭州/ns 第二/m 中学, 某市 101/m 中学: a number inside a name, after its place (numbered schools, hospitals).
    if (NUMBERED.test(t.text) && t.tag === 'm' && i > 0 && placeLikeToken(ctx, tokens[i - 1] as Token) && (tokens[i - 1] as Token).end === t.start) {
      first = i;
      i--;
      continue;
    }
    // 国家水文统计委员会, 全国渔业工作协调委员会: a two-character verb inside a name, if a name goes on before it.
    const softVerb = allowVerbs && verbs === 0 && t.tag === 'v' && t.text.length === 2 && !BREAK_WORDS.has(t.text) && i > 0 && !isBreak(tokens[i - 1] as Token);
    if (isBreak(t) && !softVerb) break;
    if (softVerb && isBreak(t)) verbs++;
    if (end - t.start > maxChars) break;
    if (knownPlace(ctx, t)) placed = true;
    first = i;
    i--;
  }
  return first;
}

/** First token of a dictionary place or organization of 2+ tokens ending with token `i`, or -1. */
function knownSpanEndingAt(ctx: TagContext, i: number): number {
  const { tokens, text, dicts } = ctx;
  const end = (tokens[i] as Token).end;
  for (let j = Math.max(0, i - 2); j < i; j++) {
    const hit = dicts.surfaces.get(text.slice((tokens[j] as Token).start, end));
    if (hit && hit.type !== 'person') return j;
  }
  return -1;
}

/** First of the one or two tokens before token `i` that start a known organization ending at `end`, or `i`. */
export function knownOrgCutAt(ctx: TagContext, i: number, end: number): number {
  for (let j = Math.max(0, i - 2); j < i; j++) {
    if (ctx.dicts.surfaces.get(ctx.text.slice((ctx.tokens[j] as Token).start, end))?.type === 'org') return j;
  }
  return i;
}
