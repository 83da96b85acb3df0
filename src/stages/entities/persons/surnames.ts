// Surnames the segmenter cut from their given names (袁/nr 水平/n), or that alone name their person
// (林小姐, 毛主席, 老钱, 钱/nr 局长).
import type { Candidate, TagContext } from '../types.js';
import { Tier } from '../types.js';
import { isCommonWord, jiebaLexicon } from '../lexicon.js';
import { wordClass, type Word } from '../words.js';
import { HONORIFICS, titled } from './cues.js';
import { CJK, GLUED_BEFORE, NOT_NAME_END, person, isPunct } from './shape.js';

/** A one-character surname (王, 李): a word of its own that may start a name cut by the segmenter. */
const SURNAME_CHAR = wordClass((text, dicts) => text.length === 1 && dicts.surnames.has(text));

/** Token `i`, a surname tagged as a measure word (张/q), starts a name: no number before it, an unknown word or a name after it. */
function otherTagSurname(ctx: TagContext, i: number): boolean {
  const { tokens } = ctx;
  const t = tokens[i] as (typeof tokens)[number];
  const p = tokens[i - 1];
  const a = tokens[i + 1];
  if (t.tag !== 'q' || (p && p.end === t.start && (p.tag === 'm' || /[0-9０-９]$/.test(p.text)))) return false;
  return !!a && a.start === t.end && /^(x|nr|nrfg|ng)$/.test(a.tag) && !ctx.dicts.surfaces.has(a.text);
}

/** Token `i` and the one-character token after it stand right before a title or a speech verb (马/n 骢/g 教授). */
function beforeTitle(ctx: TagContext, i: number): boolean {
  const a = ctx.tokens[i + 1];
  const t = ctx.tokens[i];
  return !!a && !!t && a.start === t.end && a.text.length === 1 && CJK.test(a.text) && titled(ctx, i + 1);
}

/** 袁/nr 水平/n, 姜/nr 工兵/n: a surname the segmenter tagged as a name, with its given name cut off. */
export function splitNames(ctx: TagContext, out: Candidate[]): void {
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    if (!(ctx.words[i] as Word).is(SURNAME_CHAR)) return;
    // 张/q 增斌/x: a surname the segmenter tagged as another word, before an unknown word or a name.
    if (t.tag !== 'nr' && !otherTagSurname(ctx, i) && !beforeTitle(ctx, i)) return;
    // 高/a 颜/nr 值, 共/d 富/nr 工: a character glued before the "surname" makes it part of a word.
    // 从/p 李/nr 志强: a preposition, conjunction or pronoun before it stays a word of its own.
    const p = tokens[i - 1];
    if (p && p.end === t.start && p.text.length === 1 && CJK.test(p.text) && !/^(p|c|uj|r)$/.test(p.tag)) return;
    // 江/nr 苏共: a known place or organization starts here.
    if ((dicts.surfaces.get(text.slice(t.start, t.start + 2))?.type ?? 'person') !== 'person') return;
    const a = tokens[i + 1];
    // 冯/nr 先生, 赵/nr 大娘, 钱/nr 局长: the surname alone names the person.
    if (a && a.start === t.end && a.text.length >= 2 && (HONORIFICS.has(a.text) || dicts.titleSet.has(a.text))) {
      out.push(person(t.start, t.end, text, Tier.pos));
      return;
    }
    // 马/n 骢/g 教授: two single characters, a surname and a given name, right before a title.
    if (t.tag !== 'nr' && a && beforeTitle(ctx, i) && !NOT_NAME_END.has(a.text)) {
      out.push(person(t.start, a.end, text, Tier.pos));
      return;
    }
    // 连/nr 吃饭/v, 富/nr 起来/v: before a verb or an adverb the character is a word of its own.
    if (!a || a.start !== t.end || !CJK.test(a.text) || /^(uj|ul|p|c|u|r|m|q|f|d|v|vn|ad)$/.test(a.tag) || dicts.titleSet.has(a.text)) return;
    let end = -1;
    if (a.text.length === 2 && !dicts.surfaces.has(a.text)) end = a.end;
    else if (a.text.length === 1 && !NOT_NAME_END.has(a.text)) {
      const b = tokens[i + 2];
      const bOk =
        b &&
        b.start === a.end &&
        b.text.length === 1 &&
        CJK.test(b.text) &&
        !NOT_NAME_END.has(b.text) &&
        !/^(uj|ul|p|c|u|r|m|q|f|d|v)$/.test(b.tag) &&
        !dicts.titleSet.has(b.text);
      end = bOk ? b.end : a.end;
    }
    if (end < 0 || isCommonWord(text.slice(t.start, end), 1)) return;
    // 连饭碗也保不住: 连 … 都/也 is "even …", not a surname and a given name.
    if (t.text === '连' && /^[^，。；：！？、]{0,4}[都也]/.test(text.slice(end, end + 5))) return;
    out.push(person(t.start, end, text, Tier.pos));
  });
}

/** 毛主席, 李老师, 王师傅: one word of a surname and a title or an honorific; the surname names the person. */
export function surnameTitles(ctx: TagContext, out: Candidate[]): void {
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    if (t.text.length !== 3 || !dicts.surnames.has(t.text[0] ?? '') || (ctx.words[i] as Word).title) return;
    const rest = t.text.slice(1);
    if (!dicts.titleSet.has(rest) && !HONORIFICS.has(rest)) return;
    // 高/a 颜值: a character glued before makes it part of another word.
    const p = tokens[i - 1];
    if (p && p.end === t.start && p.text.length === 1 && CJK.test(p.text) && !isPunct(p.text)) return;
    out.push(person(t.start, t.start + 1, text, Tier.pos));
  });
}

/** Characters the segmenter glues before a lone surname and its title (当郑/x 局长, 托闻/x 市长). */
const BEFORE_SURNAME = new Set([...GLUED_BEFORE, ...'当托找请叫问帮为由同跟陪随见']);

/** A title or an honorific is the word right after token `i` (钱/nr 局长, 林/nr 小姐). */
function titleOrHonorificAfter(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i];
  const next = ctx.tokens[i + 1];
  return !!t && !!next && next.start === t.end && ((ctx.words[i + 1] as Word).title || HONORIFICS.has(next.text));
}

/**
 * A surname alone names the person where the segmenter glued it into an unknown word: 老钱/x (老 and a
 * surname), 邹老去/x (a surname and 老), 当郑/x 局长 (a preposition or verb before a surname and a title),
 * or tagged it as another word at the start of a clause (，龙/n 副局长).
 */
export function gluedSurnames(ctx: TagContext, out: Candidate[]): void {
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.tag === 'x' && t.text.length === 2 && dicts.surnames.has(t.text[1] ?? '') && !(ctx.words[i] as Word).lex) {
      if (t.text[0] === '老' || (BEFORE_SURNAME.has(t.text[0] ?? '') && titleOrHonorificAfter(ctx, i))) out.push(person(t.start + 1, t.end, text, Tier.pos));
      return;
    }
    if (t.tag === 'x' && t.text.length === 3 && t.text[1] === '老' && dicts.surnames.has(t.text[0] ?? '') && !jiebaLexicon().has(t.text.slice(0, 2))) {
      out.push(person(t.start, t.start + 1, text, Tier.pos));
      return;
    }
    if (t.tag === 'nr' || !(ctx.words[i] as Word).is(SURNAME_CHAR)) return;
    const opens = i === 0 || (ctx.words[i - 1] as Word).punct;
    if (opens && titleOrHonorificAfter(ctx, i) && !!next && next.text.length >= 2) out.push(person(t.start, t.end, text, Tier.pos));
  });
}
