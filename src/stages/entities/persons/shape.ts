// What a person's name looks like: a surname and 1–2 given characters, characters that end no name,
// words shaped like names that are things (阵雨, 宣传部, 龙王庙), foreign spelling.
import type { Candidate, TagContext } from '../types.js';
import { jiebaLexicon } from '../lexicon.js';
import { TRANSLITERATION } from '../transliteration.js';
import type { Word } from '../words.js';

export const CJK = /^[\u3400-\u9fff]+$/;

/** Characters that almost never end a given name; a 3-char guess ending in one is cut to 2. */
export const NOT_NAME_END = new Set([...'的了在是和与及说等向对为从将把被也都就还又并而或但于以之其这那上下中里外前后时会到去来出入']);

/** First characters of speech verbs (表示, 指出, 认为, 强调, 介绍); 强 and 认 also end many given names (王强). */
const VERB_HEADS = new Set([...'表指认强介']);

/** `ch` can end a name that `after` follows: 李志强那里 yes, 李志强调 no (强 starts 强调). */
export function endsName(ch: string, after: string): boolean {
  if (NOT_NAME_END.has(ch)) return false;
  if (!VERB_HEADS.has(ch)) return true;
  const lex = jiebaLexicon();
  return !lex.has(ch + after.slice(0, 1)) && !lex.has(ch + after.slice(0, 2));
}

/** A frequent ordinary noun (阵雨, 措施) standing where a given name would be. */
export function isCommonNoun(word: string): boolean {
  const e = jiebaLexicon().get(word);
  return !!e && e.freq >= (e.tag === 'n' ? 50 : 300) && ['n', 'vn', 'v', 'a', 'ad', 'an', 'd', 't'].includes(e.tag);
}

/** Characters the segmenter glues after a name (韩冰说) or before one (胜孙涛). */
export const GLUED_AFTER = new Set([...'说是到在和等的将']);

export const GLUED_BEFORE = new Set([...'胜向以这和与给对让被把从']);

/** Characters frequent in Chinese given names (伟, 芳, 斌, 洁 …), from general usage; few ordinary words end in them after a surname. */
export const GIVEN_CHARS = new Set([
  ...('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红辉鹏斌宇浩凯健俊帆帅旭宁龙林欣颖晶晨琳雪慧倩婷' +
    '佳怡玲莉燕丹蕾薇璐瑶菲菁蓉兰梅琴云凤洁珍贞莹荣彬峰波亮毅鑫飞翔晖昊晓东海江岩松柏森建武德志永春秋冬民' +
    '庆祥瑞康宏伦坚良忠信仁诚贤俊豪雄威振兴昌盛耀泉清源洪淑惠娥芬芝菊莲鸿鹤雁季铭恒哲骏驰兵卫彪虎鹰雯娅妍' +
    '媛婉嫣蓓蕊楠栋楷桐桦萱茜芸岚璇瑾琪瑜珊琦玮璋瀚沛涵泽洲润煜炜烨焕灿熙晗曦昕昱暄睿逸轩宸博航韬君珏虹霖' +
    '露霏青晴巍嵩崇钧锋铁钢锐斐彦炳焱'),
]);

/** Second characters that make a two-character unknown word a word, not a name (万人, 越大, 高些). */
export const NOT_GIVEN_2 = new Set([...'人些起着长大多少年月日时分天次个家种位名']);

/** Last characters of buildings, landmarks, things, abstract nouns and dynasties (金字塔, 关帝庙, 强基链, 燕朝): not persons. */
export const BUILDING_END = new Set([
  ...'塔宫阁庙原河镇县村寺湖港岛桥馆园堂殿洞湾路街坊亭院府站场厂店诗传剑书芝氏祖类区台链道圈群带网线业品型化性率量度制法权值朝',
]);

/** 宣传部/nr: a word of the lexicon ending like a body (部 局 委 …) is the body's word, not a name. */
export function isBodyWord(word: string): boolean {
  return word.length >= 3 && /[部局厅委处司署社院所]$/.test(word) && (jiebaLexicon().get(word)?.freq ?? 0) >= 50;
}

/** Names are surname + 1–2 characters; with a compound surname, + 1–2 characters. */
export function surnameLength(ctx: TagContext, text: string): number {
  if (text.length >= 3 && ctx.dicts.compoundSurnames.has(text.slice(0, 2))) return 2;
  return ctx.dicts.surnames.has(text.slice(0, 1)) ? 1 : 0;
}

export function looksLikeName(ctx: TagContext, word: string): boolean {
  if (!CJK.test(word) || ctx.dicts.blocked.has(word)) return false;
  const s = surnameLength(ctx, word);
  if (!s) return false;
  const given = word.length - s;
  return given >= 1 && given <= 2;
}

/** looksLikeName of a token's word, from its features. */
export function looksLikeWordName(w: Word): boolean {
  if (!w.cjk || w.blocked) return false;
  const s = w.surname;
  if (!s) return false;
  const given = w.text.length - s;
  return given >= 1 && given <= 2;
}

export function person(start: number, end: number, text: string, tier: Candidate['tier']): Candidate {
  return { start, end, type: 'person', canonical: text.slice(start, end), tier };
}

export function isPunct(text: string): boolean {
  return /^[^\u3400-\u9fffA-Za-z0-9]+$/.test(text);
}

export const spelledForeign = (word: string) => word.length > 0 && CJK.test(word) && [...word].every((ch) => TRANSLITERATION.has(ch));
