// Reading a Chinese name of a surname and 1–2 given characters at a position, or ending at one.
import type { TagContext } from '../types.js';
import { isCommonWord, jiebaLexicon } from '../lexicon.js';
import { AFTER_NAME } from './cues.js';
import { CJK, endsName, GLUED_AFTER, BUILDING_END, surnameLength, isPunct } from './shape.js';

/**
 * 柯光/x 新/a 经常, 方海/x 连/nr 上任: the segmenter cut the last character of a three-character
 * name off into the next word; it belongs to the name when a break follows it. Returns the name's end.
 */
function cutGivenName(ctx: TagContext, k: number, at: number): number {
  const { tokens, text } = ctx;
  const tok = tokens[k] as (typeof tokens)[number];
  const next = tokens[k + 1];
  if (!next || next.start !== tok.end || !CJK.test(next.text) || !/^(x|nr)$/.test(tok.tag) || tok.end - at !== 2) return tok.end;
  const ch = next.text[0] ?? '';
  if (next.text.length === 2 && GLUED_AFTER.has(next.text[1] ?? '') && endsName(ch, next.text.slice(1))) return tok.end + 1;
  if (next.text.length !== 1 || /^(uj|ul|p|c|u|r|m|q|f|d)$/.test(next.tag) || !endsName(ch, text.slice(next.end, next.end + 2))) return tok.end;
  const after = tokens[k + 2];
  const boundary =
    !after ||
    after.start > next.end ||
    isPunct(after.text) ||
    /^(v|p|d|c|uj)$/.test(after.tag) ||
    AFTER_NAME.has(after.text) ||
    ctx.dicts.titleSet.has(after.text);
  return boundary ? next.end : tok.end;
}

/** Reads a name starting at `at`: 2 or 3 characters led by a surname, cut by token ends and non-name chars. */
export function readNameAt(ctx: TagContext, at: number): number {
  const { text } = ctx;
  const s = surnameLength(ctx, text.slice(at, at + 3));
  if (!s) return -1;
  const tokIdx = ctx.tokenAt[at] ?? -1;
  const tok = tokIdx >= 0 ? ctx.tokens[tokIdx] : undefined;
  // Whole token already a name-sized word led by a surname; an ordinary word (关于, 从) is no name.
  if (tok && tok.end - tok.start >= s + 1 && tok.end - tok.start <= s + 2 && CJK.test(tok.text)) {
    if (ctx.dicts.surfaces.has(tok.text)) return -1;
    const lex = jiebaLexicon().get(tok.text);
    // 钱华说/x: a verb or particle the segmenter glued to a two-character name is not part of it.
    if (!lex && tok.tag === 'x' && tok.text.length === s + 2 && GLUED_AFTER.has(tok.text[s + 1] ?? '')) return tok.end - 1;
    if (!lex || /^(x|nr|nrt|nrfg|ns|nz|nt)$/.test(lex.tag) || tok.tag === 'x') return tok.text.length === s + 1 ? cutGivenName(ctx, tokIdx, at) : tok.end;
    // The lexicon holds rare names under other tags (m, n); a rare three-character word that
    // neither ends like a thing nor hides a common word is a name where a name is expected.
    const rareName =
      tok.text.length === 3 &&
      s === 1 &&
      lex.freq < 300 &&
      !BUILDING_END.has(tok.text[2] ?? '') &&
      !isCommonWord(tok.text.slice(1), 100) &&
      !isCommonWord(tok.text.slice(0, 2), 200);
    return rareName ? tok.end : -1;
  }
  if (tok && tok.end - tok.start > s + 2) return -1;
  let end = at + s;
  for (let k = 0; k < 2 && end < text.length; k++) {
    const ch = text[end] ?? '';
    if (!CJK.test(ch) || (k === 1 && !endsName(ch, text.slice(end + 1, end + 3)))) break;
    end++;
  }
  if (end - at <= s) return -1;
  // 任浙江: a known name or a word of two or more characters inside is not a given name.
  for (let k = at + s; k < end; k++) {
    const inner = ctx.tokenAt[k] ?? -1;
    const tk = inner >= 0 ? ctx.tokens[inner] : undefined;
    if (tk && tk.end - tk.start >= 2 && (ctx.dicts.surfaces.has(tk.text) || isCommonWord(tk.text, 100))) return -1;
  }
  return end;
}

/** The start of a name of 3 or 2 characters ending at `stop` where `opens` allows one to start, or -1. */
export function nameEndingAt(ctx: TagContext, stop: number, opens: (at: number) => boolean): number {
  for (const len of [3, 2]) {
    const at = stop - len;
    if (at >= 0 && readNameAt(ctx, at) === stop && !ctx.dicts.surfaces.has(ctx.text.slice(at, stop)) && opens(at)) return at;
  }
  return -1;
}
