// Words around a name that say it names a person: titles, speech verbs, honorifics, "and others",
// another name in a list, and where in the clause the word stands.
import type { TagContext } from '../types.js';
import { isCommonWord } from '../lexicon.js';
import type { Word } from '../words.js';
import { GIVEN_CHARS, looksLikeName, isPunct, spelledForeign } from './shape.js';

/** Words that follow a name in news text; the name before them is a person. */
export const AFTER_NAME = new Set([
  '说',
  '表示',
  '指出',
  '认为',
  '强调',
  '介绍',
  '称',
  '告诉',
  '同志',
  '先生',
  '女士',
  '主持',
  '致辞',
  '讲话',
  '透露',
  '坦言',
  '感慨',
  '回忆',
  '笑着说',
  '摄',
  '说道',
  '问道',
  '答道',
  '提出',
  '建议',
  '希望',
  '发现',
  '宣布',
  '承认',
  '否认',
  '回答',
  '解释',
  '补充',
  '敦促',
  '重申',
  '声称',
  '宣称',
  '谈到',
  '警告',
]);

/** Words after a surname that make the surname alone the name (林小姐 → 林). */
export const HONORIFICS = new Set(['老', '总', '某', '小姐', '先生', '女士', '大娘', '大爷', '师傅', '阿姨', '大妈', '大伯', '老师', '教授']);

/** A title, or a word ending in one (县委书记, 市委副书记), or a profession in 家 (音乐家): words.ts. */
export function isTitle(ctx: TagContext, word: string): boolean {
  return ctx.tables.word(word).titleWord;
}

/** Token `k` ends a title: a title word, or 长 cut from the body before it (商务部/nt 长/a: 部长). */
export function titleToken(ctx: TagContext, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t) return false;
  const w = ctx.words[k] as Word;
  if (w.titleWord) return true;
  const prev = ctx.tokens[k - 1];
  return w.endsTwoCharTitle && !!prev && prev.end === t.start && prev.text.length >= 2 && ctx.dicts.titleSet.has(prev.text.slice(-1) + t.text);
}

/** Words after a name that say it names people: "and others", "and party", "and wife", "himself". */
export const PEOPLE_AFTER = new Set(['等人', '一行', '夫妇', '夫妻', '本人', '一家']);

/** A title or a speech verb right before or after the token: 书记陈吉宁, 陶文康校长, 相伟说. */
export function titled(ctx: TagContext, i: number): boolean {
  const { tokens, dicts } = ctx;
  const t = tokens[i] as (typeof tokens)[number];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && titleToken(ctx, i - 1) && (prev.end === t.start || /^[ \u3000]+$/.test(ctx.text.slice(prev.end, t.start)))) return true;
  if (!next || next.start !== t.end) return false;
  // 王明等人, 王明一行, 王明夫妇: words after a name that say it names people.
  const others = PEOPLE_AFTER.has(next.text) || (next.text === '等' && tokens[i + 2]?.text === '人' && tokens[i + 2]?.start === next.end);
  return AFTER_NAME.has(next.text) || dicts.titleSet.has(next.text) || others;
}

/** A title, an honorific or a speech verb right after token `i`: a lone surname before one is a name (钱/nr 局长). */
export function titleAfter(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i];
  const next = ctx.tokens[i + 1];
  return !!t && !!next && next.start === t.end && (AFTER_NAME.has(next.text) || ctx.dicts.titleSet.has(next.text) || HONORIFICS.has(next.text));
}

/** 周晓岚、吴国栋: a name-like word in an enumeration with another name-like word. */
export function listed(ctx: TagContext, i: number): boolean {
  const { tokens } = ctx;
  const nameLike = (k: number) => {
    const t = tokens[k];
    if (!t || (t.tag !== 'x' && !t.tag.startsWith('nr')) || isCommonWord(t.text, 100)) return false;
    // 约翰森/nrt 和 米勒/nrt: foreign names are listed with each other too.
    return looksLikeName(ctx, t.text) || (t.text.length >= 2 && (t.tag === 'nrt' || spelledForeign(t.text)));
  };
  const sep = (k: number) => ['、', '和', '与', '及'].includes(tokens[k]?.text ?? '');
  return (sep(i + 1) && nameLike(i + 2)) || (sep(i - 1) && nameLike(i - 2));
}

/**
 * Where a two-character name-like word stands: `boundary` when a break, a verb, a preposition or a particle
 * follows; `alone` when a break, a preposition or a particle also precedes it and no number does (，孙涛是;
 * 在韩冰的), not inside a phrase (长三角文旅融合). A given name of a name's usual characters (伟, 洁, 斌 …) may
 * also stand after a word and before an adverb or a time word (姑娘苏婉， / 遭到褚峰拒绝 / 熊洁后来).
 */
export function placement(ctx: TagContext, i: number): { boundary: boolean; alone: boolean } {
  const { tokens } = ctx;
  const t = tokens[i] as (typeof tokens)[number];
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  const givenLike = t.text.length === 2 && GIVEN_CHARS.has(t.text[1] ?? '');
  const boundary = !next || next.start > t.end || isPunct(next.text) || /^(v|p|c|u[a-z]?)$/.test(next.tag) || (givenLike && /^(d|t)$/.test(next.tag));
  const afterNumber = !!prev && prev.end === t.start && (prev.tag === 'm' || /[0-9０-９]$/.test(prev.text));
  const opened = !prev || prev.end < t.start || isPunct(prev.text) || /^(p|c|uj|ul)$/.test(prev.tag) || (givenLike && /^(v|n|nz|a|d)$/.test(prev.tag));
  return { boundary, alone: opened && boundary && !afterNumber };
}

/** 伊莱克斯/nrt 冰箱: a transliterated word right before a noun names a thing or a kind, not a person. */
export function modifiesNoun(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i];
  const next = ctx.tokens[i + 1];
  return !!t && !!next && next.start === t.end && /^(n|vn|nz|ng)$/.test(next.tag) && !isTitle(ctx, next.text) && !AFTER_NAME.has(next.text);
}
