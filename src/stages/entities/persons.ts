// Person names beyond the dictionary: surname-led unknown words, names after a title, names before a
// speech verb, bylines, foreign names with an interpunct, and headline runs of names glued together.
import type { Candidate, TagContext } from './types.js';
import { Tier } from './types.js';
import { isCommonWord, jiebaLexicon } from './lexicon.js';
import { indexSuffixes, suffixOf } from './dictionary.js';
import { endsWord, startsWord } from './context.js';
import { TRANSLITERATION } from './transliteration.js';
import { codeTable, wordClass, type Word } from './words.js';

const CJK = /^[\u3400-\u9fff]+$/;
/** Words that follow a name in news text; the name before them is a person. */
const AFTER_NAME = new Set(['说', '表示', '指出', '认为', '强调', '介绍', '称', '告诉', '同志', '先生', '女士', '主持', '致辞', '讲话', '透露', '坦言', '感慨', '回忆', '笑着说', '摄', '说道', '问道', '答道', '提出', '建议', '希望', '发现', '宣布', '承认', '否认', '回答', '解释', '补充', '敦促', '重申', '声称', '宣称', '谈到', '警告']);
/** A speech verb or a title (相伟说, 习近平同志, 书记): the word before it may be a name. */
const SPEECH_OR_TITLE = wordClass((text, dicts) => AFTER_NAME.has(text) || dicts.titleSet.has(text));
/** A one-character surname (王, 李): a word of its own that may start a name cut by the segmenter. */
const SURNAME_CHAR = wordClass((text, dicts) => text.length === 1 && dicts.surnames.has(text));
/** Verbs that end a headline run of names (陈吉宁信长星…王清宪出席). */
const RUN_END = ['出席', '致辞', '讲话', '主持', '参加', '会见', '会谈', '看望', '调研', '考察', '率队', '分别', '等', '在', '共同', '一同', '见证', '签署', '发言', '慰问', '出访', '视察'];
/** Characters that almost never end a given name; a 3-char guess ending in one is cut to 2. */
const NOT_NAME_END = new Set([...'的了在是和与及说等向对为从将把被也都就还又并而或但于以之其这那上下中里外前后时会到去来出入']);
/** First characters of speech verbs (表示, 指出, 认为, 强调, 介绍); 强 and 认 also end many given names (王强). */
const VERB_HEADS = new Set([...'表指认强介']);

/** `ch` can end a name that `after` follows: 李志强那里 yes, 李志强调 no (强 starts 强调). */
function endsName(ch: string, after: string): boolean {
  if (NOT_NAME_END.has(ch)) return false;
  if (!VERB_HEADS.has(ch)) return true;
  const lex = jiebaLexicon();
  return !lex.has(ch + after.slice(0, 1)) && !lex.has(ch + after.slice(0, 2));
}

export { TRANSLITERATION };

/** A frequent ordinary noun (阵雨, 措施) standing where a given name would be. */
function isCommonNoun(word: string): boolean {
  const e = jiebaLexicon().get(word);
  return !!e && e.freq >= (e.tag === 'n' ? 50 : 300) && ['n', 'vn', 'v', 'a', 'ad', 'an', 'd', 't'].includes(e.tag);
}

/** Characters the segmenter glues after a name (韩冰说) or before one (胜孙涛). */
const GLUED_AFTER = new Set([...'说是到在和等的将']);
const GLUED_BEFORE = new Set([...'胜向以这和与给对让被把从']);

/** Characters frequent in Chinese given names (伟, 芳, 斌, 洁 …), from general usage; few ordinary words end in them after a surname. */
const GIVEN_CHARS = new Set([...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红辉鹏斌宇浩凯健俊帆帅旭宁龙林欣颖晶晨琳雪慧倩婷佳怡玲莉燕丹蕾薇璐瑶菲菁蓉兰梅琴云凤洁珍贞莹荣彬峰波亮毅鑫飞翔晖昊晓东海江岩松柏森建武德志永春秋冬民庆祥瑞康宏伦坚良忠信仁诚贤俊豪雄威振兴昌盛耀泉清源洪淑惠娥芬芝菊莲鸿鹤雁季铭恒哲骏驰兵卫彪虎鹰雯娅妍媛婉嫣蓓蕊楠栋楷桐桦萱茜芸岚璇瑾琪瑜珊琦玮璋瀚沛涵泽洲润煜炜烨焕灿熙晗曦昕昱暄睿逸轩宸博航韬君珏虹霖露霏青晴巍嵩崇钧锋铁钢锐斐彦炳焱'])

/** Words after a surname that make the surname alone the name (林小姐 → 林). */
const HONORIFICS = new Set(['老', '总', '某', '小姐', '先生', '女士', '大娘', '大爷', '师傅', '阿姨', '大妈', '大伯', '老师', '教授']);
/** Second characters that make a two-character unknown word a word, not a name (万人, 越大, 高些). */
const NOT_GIVEN_2 = new Set([...'人些起着长大多少年月日时分天次个家种位名']);
/** Last characters of buildings, landmarks, things, abstract nouns and dynasties (金字塔, 关帝庙, 强基链, 燕朝): not persons. */
const BUILDING_END = new Set([...'塔宫阁庙原河镇县村寺湖港岛桥馆园堂殿洞湾路街坊亭院府站场厂店诗传剑书芝氏祖类区台链道圈群带网线业品型化性率量度制法权值朝']);

/** 宣传部/nr: a word of the lexicon ending like a body (部 局 委 …) is the body's word, not a name. */
function isBodyWord(word: string): boolean {
  return word.length >= 3 && /[部局厅委处司署社院所]$/.test(word) && (jiebaLexicon().get(word)?.freq ?? 0) >= 50;
}

/** Names are surname + 1–2 characters; with a compound surname, + 1–2 characters. */
export function surnameLength(ctx: TagContext, text: string): number {
  if (text.length >= 3 && ctx.dicts.compoundSurnames.has(text.slice(0, 2))) return 2;
  return ctx.dicts.surnames.has(text.slice(0, 1)) ? 1 : 0;
}

function looksLikeName(ctx: TagContext, word: string): boolean {
  if (!CJK.test(word) || ctx.dicts.blocked.has(word)) return false;
  const s = surnameLength(ctx, word);
  if (!s) return false;
  const given = word.length - s;
  return given >= 1 && given <= 2;
}

/** looksLikeName of a token's word, from its features. */
function looksLikeWordName(w: Word): boolean {
  if (!w.cjk || w.blocked) return false;
  const s = w.surname;
  if (!s) return false;
  const given = w.text.length - s;
  return given >= 1 && given <= 2;
}

function person(start: number, end: number, text: string, tier: Candidate['tier']): Candidate {
  return { start, end, type: 'person', canonical: text.slice(start, end), tier };
}

function isPunct(text: string): boolean {
  return /^[^\u3400-\u9fffA-Za-z0-9]+$/.test(text);
}

/** A title, or a word ending in one (县委书记, 市委副书记), or a profession in 家 (音乐家): words.ts. */
function isTitle(ctx: TagContext, word: string): boolean {
  return ctx.tables.word(word).titleWord;
}

/** Token `k` ends a title: a title word, or 长 cut from the body before it (商务部/nt 长/a: 部长). */
function titleToken(ctx: TagContext, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t) return false;
  const w = ctx.words[k] as Word;
  if (w.titleWord) return true;
  const prev = ctx.tokens[k - 1];
  return w.endsTwoCharTitle && !!prev && prev.end === t.start && prev.text.length >= 2 && ctx.dicts.titleSet.has(prev.text.slice(-1) + t.text);
}

/** Words after a name that say it names people: "and others", "and party", "and wife", "himself". */
const PEOPLE_AFTER = new Set(['等人', '一行', '夫妇', '夫妻', '本人', '一家']);

/** A title or a speech verb right before or after the token: 书记陈吉宁, 陶文康校长, 相伟说. */
function titled(ctx: TagContext, i: number): boolean {
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
function titleAfter(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i];
  const next = ctx.tokens[i + 1];
  return !!t && !!next && next.start === t.end && (AFTER_NAME.has(next.text) || ctx.dicts.titleSet.has(next.text) || HONORIFICS.has(next.text));
}

/** 周晓岚、吴国栋: a name-like word in an enumeration with another name-like word. */
function listed(ctx: TagContext, i: number): boolean {
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
function placement(ctx: TagContext, i: number): { boundary: boolean; alone: boolean } {
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
function modifiesNoun(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i];
  const next = ctx.tokens[i + 1];
  return !!t && !!next && next.start === t.end && /^(n|vn|nz|ng)$/.test(next.tag) && !isTitle(ctx, next.text) && !AFTER_NAME.has(next.text);
}

/** The segmenter's name-like words, filtered: its dictionary tags many ordinary words as names (文明, 卫星). */
function fromTags(ctx: TagContext, out: Candidate[]): void {
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    const w = ctx.words[i] as Word;
    const isNr = t.tag === 'nr' || t.tag === 'nrfg' || t.tag === 'nrt';
    // 教练萨维诺, 塔瓦雷斯总统: a transliterated word the segmenter took for a place or a noun, next to a title.
    // A frequent word of the lexicon (本报记者高考首日观察) is that word, spelled like a name or not.
    if (!isNr && t.tag !== 'x' && t.text.length >= 2 && w.translit && w.cjk && !w.hit && !isCommonWord(t.text, 300) && titled(ctx, i)) {
      out.push(person(t.start, t.end, text, Tier.rule));
      return;
    }
    if ((!isNr && t.tag !== 'x') || !w.cjk || w.blocked) return;
    // 总理塔莫/x: an unknown word spelled in transliteration characters right after a title.
    const prevTok = tokens[i - 1];
    if (t.tag === 'x' && t.text.length >= 2 && t.text.length <= 6 && !w.hit && w.translit && prevTok && prevTok.end === t.start && (ctx.words[i - 1] as Word).titleWord) {
      out.push(person(t.start, t.end, text, Tier.rule));
      return;
    }
    // 韩冰说, 冯涛说 / 胜孙涛: the segmenter glued a verb or a preposition to an unknown name.
    if (t.tag === 'x' && t.text.length >= 3 && t.text.length <= 4) {
      const before = tokens[i - 1];
      const standsAlone = !before || before.end < t.start || (ctx.words[i - 1] as Word).punct || /^(p|c)$/.test(before.tag) || (ctx.words[i - 1] as Word).titleWord;
      const tail = standsAlone && GLUED_AFTER.has(t.text[t.text.length - 1] ?? '') ? t.text.slice(0, -1) : '';
      const head = GLUED_BEFORE.has(t.text[0] ?? '') ? t.text.slice(1) : '';
      const name = tail && looksLikeName(ctx, tail) ? { at: t.start, word: tail } : head && looksLikeName(ctx, head) ? { at: t.start + 1, word: head } : null;
      if (name && !isCommonWord(name.word, 1) && !dicts.surfaces.has(name.word)) {
        out.push(person(name.at, name.at + name.word.length, text, Tier.pos));
        return;
      }
    }
    // 苏浙皖 is a run of place abbreviations, not a name.
    if (w.placeRun) return;
    const len = t.text.length;
    const surname = w.surname;
    const context = titled(ctx, i);
    // 林小姐, 吴某, 钱老: the surname alone is the name.
    const honorific = surname === 1 ? t.text.slice(1) : '';
    // 古老/nr: a frequent word of the lexicon in 老 is that word, not a surname and 老.
    if (HONORIFICS.has(honorific) && (honorific !== '老' || (w.lex?.freq ?? 0) < 100)) {
      out.push(person(t.start, t.start + 1, text, Tier.pos));
      return;
    }
    // 荷兰人, 瑞士人: a people, named by its place.
    if (t.text.endsWith('人') && dicts.surfaces.get(t.text.slice(0, -1))?.type === 'place') return;
    // 江苏共, 浙江人: a known place or organization at the front is no surname and given name.
    if (t.tag === 'x' && len >= 3 && (dicts.surfaces.get(t.text.slice(0, 2))?.type ?? 'person') !== 'person') return;
    // 于复旦, 任浙江: a known name where the given name would be.
    // 周南京: the segmenter's own lexicon lists the whole word as a name, so it is one.
    if (surname && dicts.surfaces.has(t.text.slice(surname)) && t.text.length - surname >= 2 && !w.lex?.tag.startsWith('nr')) return;
    // 李铁/nr 桓/nr 校长: the segmenter split a three-character name before a title or a speech verb.
    const glued = tokens[i + 1];
    if (len === 2 && surname === 1 && glued && glued.start === t.end && glued.text.length === 1 && (ctx.words[i + 1] as Word).cjk && !NOT_NAME_END.has(glued.text) && titled(ctx, i + 1)) {
      out.push(person(t.start, glued.end, text, Tier.rule));
      return;
    }
    // jieba's nrt is its tag for transliterated personal names; the frequent ones are words (令人).
    // Its nrt words also hold ordinary words (育人, 崇高): a two-character one needs a person's context, a
    // longer one must be spelled in transliteration characters only.
    // 路易诺/nrt: spelled in transliteration characters, it is foreign though its first character is a surname.
    const spelled = w.translit;
    if (t.tag === 'nrt' && (!surname || (spelled && len >= 3))) {
      const next = tokens[i + 1];
      const free = !next || (ctx.words[i + 1] as Word).punct || /^(v|uj|p|c|d)$/.test(next.tag);
      if (context || listed(ctx, i) || (spelled && (len >= 3 || free) && !modifiesNoun(ctx, i))) out.push(person(t.start, t.end, text, Tier.pos));
      return;
    }
    // 伯雷费尔/x: a transliterated word too long for a surname and a given name, though led by a surname.
    if (len >= 2 && (!surname || len > surname + 2) && w.translit) {
      // 马尔科维奇表示, 外长杜兰特: a transliterated word is a person where a person's context says so.
      const next = tokens[i + 1];
      if (context || (len >= 3 && (isNr || next?.tag === 'v') && (listed(ctx, i) || !modifiesNoun(ctx, i)))) out.push(person(t.start, t.end, text, Tier.pos));
      if (context || isNr) return;
    }
    if (isNr) {
      if (surname && len - surname >= 1 && len - surname <= 2) {
        if (len === 2 && !context && !listed(ctx, i)) return;
        if (isBodyWord(t.text)) return;
        // 纪念章, 小学生, 雷阵雨: a common word at the front, or an ordinary noun as the "given name".
        // The segmenter's dictionary lists words as names (许可证, 雷阵雨): a frequent word at the front (its own
        // tags are no help: 许可 is "nr" there too) or an ordinary noun as the "given name" gives them away.
        // 周南京: a name the lexicon lists whose given name is a place (its tags also list ordinary words as names).
        const listedName = dicts.surfaces.has(t.text.slice(surname)) && w.lex?.tag.startsWith('nr') === true;
        // 龙王庙, 蓝皮书: the segmenter's "names" ending like a building or a thing are those things.
        // A compound surname (欧阳, 司马) is the frequent word at the front of its own names.
        if (len >= 3 && !context && !listed(ctx, i) && !listedName && ((surname === 1 && (jiebaLexicon().get(t.text.slice(0, 2))?.freq ?? 0) >= 150) || (len - surname >= 2 && isCommonNoun(t.text.slice(surname))) || BUILDING_END.has(t.text[len - 1] ?? ''))) return;
        out.push(person(t.start, t.end, text, Tier.pos));
      } else if ((context && (spelled || (len < 2 && titleAfter(ctx, i)) || (len >= 2 && (w.lex?.freq ?? 0) < 300))) || (len >= 3 && spelled && (listed(ctx, i) || !modifiesNoun(ctx, i)))) {
        // 博客/nr 作者: a frequent word led by no surname is that word, even before a title.
        out.push(person(t.start, t.end, text, Tier.pos)); // transliterated foreign names: 克林顿
      }
      return;
    }
    // Unknown words (x) found by the segmenter's HMM.
    if (!looksLikeWordName(w) || !endsName(t.text[len - 1] ?? '', text.slice(t.end, t.end + 2))) return;
    const { boundary, alone } = placement(ctx, i);
    if (len === 2 && !context && !listed(ctx, i) && !(alone && !isCommonWord(t.text, 1) && !NOT_GIVEN_2.has(t.text[1] ?? ''))) return;
    if (!context && (BUILDING_END.has(t.text[len - 1] ?? '') || (len - surname >= 2 && isCommonWord(t.text.slice(surname), 100)))) return;
    const strong = context || len >= 3 || boundary;
    if (strong && !isCommonWord(t.text.slice(0, 2), 200)) out.push(person(t.start, t.end, text, Tier.pos));
  });
}

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
function splitNames(ctx: TagContext, out: Candidate[]): void {
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
      const bOk = b && b.start === a.end && b.text.length === 1 && CJK.test(b.text) && !NOT_NAME_END.has(b.text) && !/^(uj|ul|p|c|u|r|m|q|f|d|v)$/.test(b.tag) && !dicts.titleSet.has(b.text);
      end = bOk ? b.end : a.end;
    }
    if (end < 0 || isCommonWord(text.slice(t.start, end), 1)) return;
    // 连饭碗也保不住: 连 … 都/也 is "even …", not a surname and a given name.
    if (t.text === '连' && /^[^，。；：！？、]{0,4}[都也]/.test(text.slice(end, end + 5))) return;
    out.push(person(t.start, end, text, Tier.pos));
  });
}

/** 毛主席, 李老师, 王师傅: one word of a surname and a title or an honorific; the surname names the person. */
function surnameTitles(ctx: TagContext, out: Candidate[]): void {
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
function gluedSurnames(ctx: TagContext, out: Candidate[]): void {
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

/** 贝特洛/nr 维克/nrt, 卡洛/x 莱诺/nrt: a foreign name the segmenter cut into pieces, glued back together. */
function transliterationRuns(ctx: TagContext, out: Candidate[]): void {
  const { tokens, text } = ctx;
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let named = false;
    while (j < tokens.length) {
      const t = tokens[j] as (typeof tokens)[number];
      const w = ctx.words[j] as Word;
      if ((j > i && t.start !== (tokens[j - 1] as typeof t).end) || !w.cjk || !w.translit) break;
      if (t.tag === 'nrt' || t.tag === 'nr') named = true;
      j++;
    }
    const first = tokens[i];
    const last = tokens[j - 1];
    // 主席叶戈/x 申科/x: pieces the segmenter could not place, after a title or before a speech verb.
    if (!named && j - i >= 2) {
      const before = tokens[i - 1];
      const after = tokens[j];
      named = (!!before && before.end === first?.start && (ctx.words[i - 1] as Word).titleWord) || (!!after && after.start === last?.end && (AFTER_NAME.has(after.text) || (ctx.words[j] as Word).title));
    }
    if (j - i >= 2 && named && first && last && last.end - first.start >= 3 && last.end - first.start <= 10) {
      out.push(person(first.start, last.end, text, Tier.pos));
    }
    i = Math.max(j, i + 1);
  }
}

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
  const boundary = !after || after.start > next.end || isPunct(after.text) || /^(v|p|d|c|uj)$/.test(after.tag) || AFTER_NAME.has(after.text) || ctx.dicts.titleSet.has(after.text);
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
    const rareName = tok.text.length === 3 && s === 1 && lex.freq < 300 && !BUILDING_END.has(tok.text[2] ?? '') && !isCommonWord(tok.text.slice(1), 100) && !isCommonWord(tok.text.slice(0, 2), 200);
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

/** 书记陈吉宁, 记者 许丛军 沈吟, 董事长薛敏: a title word, then names (space-separated in bylines). */
function afterTitles(ctx: TagContext, out: Candidate[]): void {
  const { text, tokens } = ctx;
  tokens.forEach((t, i) => {
    if (!titleToken(ctx, i)) return;
    let at = t.end;
    let spaced = false;
    while (text[at] === ' ' || text[at] === '\u3000') {
      at++;
      spaced = true;
    }
    for (let n = 0; n < 8; n++) {
      const end = readNameAt(ctx, at);
      if (end < 0) break;
      // The name must end where a token ends, or the words after it would be cut.
      const afterEnd = text[end] ?? '';
      // A speech verb or particle glued after the name's last character (…江说/x) is cut off too.
      const gluedEnd = GLUED_AFTER.has(afterEnd) && (ctx.tokenEndingAt[end + 1] ?? -1) >= 0;
      if (!spaced && CJK.test(afterEnd) && (ctx.tokenEndingAt[end] ?? -1) < 0 && !gluedEnd) break;
      out.push(person(at, end, text, Tier.rule));
      if (!spaced) break;
      // Bylines: further names separated by spaces (记者 齐中熙 何欣荣 樊曦).
      let next = end;
      while (text[next] === ' ' || text[next] === '\u3000') next++;
      if (next === end) break;
      at = next;
    }
    void i;
  });
}

/** Name before a speech verb or an honorific: 相伟说, 骆大进表示, 习近平同志. */
function beforeSpeech(ctx: TagContext, out: Candidate[]): void {
  const { text, tokens } = ctx;
  tokens.forEach((t, i) => {
    if (!(ctx.words[i] as Word).is(SPEECH_OR_TITLE) || i === 0) return;
    const prev = tokens[i - 1];
    if (!prev || prev.end !== t.start) return;
    if (prev.text.endsWith('老')) return;
    if (looksLikeWordName(ctx.words[i - 1] as Word) && (prev.tag === 'x' || prev.tag.startsWith('nr')) && !isBodyWord(prev.text)) out.push(person(prev.start, prev.end, text, Tier.rule));
  });
}

const DOTS = '·•・';
/** A single dash also joins the parts of a transliterated name (彼得—米勒); a double one is a pause. */
const DASHES = '—－';
/** Characters the segmenter glues after a foreign name's last part (…斯说, …娃均); no part ends in them. */
const PART_TRAIL = new Set([...NOT_NAME_END, '均']);

const spelledForeign = (word: string) => word.length > 0 && CJK.test(word) && [...word].every((ch) => TRANSLITERATION.has(ch));
/** A word of a foreign name: spelled in transliteration characters, or a name of the segmenter led by no surname (彼得/nrt, 安娜/nr). */
const foreignPiece = (ctx: TagContext, t: { text: string; tag: string }) => spelledForeign(t.text) || (/^nrt?$/.test(t.tag) && CJK.test(t.text) && !surnameLength(ctx, t.text));

/** The joiner at `at` links two parts of a name: an interpunct, or a lone dash between transliterated parts. */
function joinsName(ctx: TagContext, at: number): boolean {
  const { text } = ctx;
  const ch = text[at] ?? '';
  if (DOTS.includes(ch)) return !!ch;
  if (!ch || !DASHES.includes(ch) || DASHES.includes(text[at - 1] ?? '') || DASHES.includes(text[at + 1] ?? '')) return false;
  const left = ctx.tokens[ctx.tokenEndingAt[at] ?? -1];
  return !!left && left.text.length >= 2 && foreignPiece(ctx, left) && TRANSLITERATION.has(text[at + 1] ?? '');
}

/**
 * Start of the part before the joiner at `dot`: the segmenter's word ending there without what it glued
 * in front (的阿·…: 阿), grown back over transliterated words it split off (卡/n 莱维·…), never over a
 * title or a known name. -1 when an ordinary word stands there (精粹·…: a series, not a name).
 */
function leftPartStart(ctx: TagContext, dot: number): number {
  const { text, tokens, dicts } = ctx;
  const isPart = (ch: string) => CJK.test(ch) && !NOT_NAME_END.has(ch);
  const leftTok = ctx.tokenEndingAt[dot] ?? -1;
  const tok = tokens[leftTok];
  if (!tok || dot - tok.start > 6) {
    let start = dot;
    while (start > 0 && dot - start < 5 && isPart(text[start - 1] ?? '')) start--;
    return start;
  }
  if (!CJK.test(tok.text) || (tok.text.length >= 2 && (isCommonWord(tok.text, 100) || /^(a|ad|an|d)$/.test(tok.tag)) && !foreignPiece(ctx, tok))) return -1;
  let start = tok.start;
  const cut = Math.max(...[...tok.text].map((ch, k) => (NOT_NAME_END.has(ch) && !TRANSLITERATION.has(ch) ? k + 1 : 0)));
  if (cut > 0) return tok.start + cut;
  for (let k = leftTok - 1; k >= 0; k--) {
    const prev = tokens[k] as (typeof tokens)[number];
    if (prev.end !== start || !foreignPiece(ctx, prev) || dot - prev.start > 8 || isTitle(ctx, prev.text)) break;
    // 瑞典人/nr: a known place or its people is no part of the name.
    if (dicts.surfaces.has(prev.text) || dicts.surfaces.has(prev.text.slice(0, -1))) break;
    start = prev.start;
  }
  return start;
}

/** End of the parts after the joiner at `dot` (a verb, a time word, a particle or an ordinary noun ends them). */
function rightPartsEnd(ctx: TagContext, dot: number): number {
  const { text } = ctx;
  let end = dot;
  while (end < text.length && joinsName(ctx, end)) {
    let e = end + 1;
    let k = ctx.tokenAt[e] ?? -1;
    while (k >= 0 && k < ctx.tokens.length) {
      const tk = ctx.tokens[k] as { text: string; tag: string; start: number; end: number };
      if (tk.start !== e || !CJK.test(tk.text) || AFTER_NAME.has(tk.text) || ctx.dicts.titleSet.has(tk.text)) break;
      // 奥尔森/nr 大学/n: a noun joins as one syllable or spelled like the name.
      const namey = /^(nr|nrt|nrfg|x|nz)$/.test(tk.tag) || (/^(ns|n|ng|j|zg)$/.test(tk.tag) && (tk.text.length === 1 || spelledForeign(tk.text)));
      if (!namey || tk.end - end - 1 > 7) break;
      e = tk.end;
      k++;
    }
    // 萨尔/nr 特在/d: the segmenter cut the last syllable off into the next word.
    while (e < text.length && e - end - 1 < 7 && TRANSLITERATION.has(text[e] ?? '') && !NOT_NAME_END.has(text[e] ?? '')) e++;
    // …马斯说/x: a verb or particle glued to the last part is not part of it.
    while (e > end + 2 && PART_TRAIL.has(text[e - 1] ?? '') && !TRANSLITERATION.has(text[e - 1] ?? '')) e--;
    if (e === end + 1) break;
    end = e;
  }
  return end;
}

/** Foreign names written with an interpunct: 詹姆斯·董, 若泽·萨尔特 (one word on each side of the dot), 彼得—米勒. */
function interpunctNames(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(/[·•・—－]/g)) {
    const dot = m.index ?? 0;
    if (!joinsName(ctx, dot)) continue;
    const before = text[dot - 1] ?? '';
    if (before && (DOTS + DASHES).includes(before)) continue;
    const spanning = ctx.tokens.find((t) => t.start < dot && t.end > dot + 1);
    if (spanning) {
      if (CJK.test(spanning.text.replace(/[·•・]/g, ''))) out.push(person(spanning.start, spanning.end, text, Tier.rule));
      continue;
    }
    const start = leftPartStart(ctx, dot);
    if (start < 0 || start === dot || !CJK.test(text.slice(start, dot))) continue;
    const end = rightPartsEnd(ctx, dot);
    // 彼得·奥尔森大学: a name before an organization's last word names the organization.
    const next = ctx.tokens[ctx.tokenAt[end] ?? -1];
    if (next && next.text.length >= 2 && ctx.dicts.orgSuffixes.includes(next.text)) continue;
    // 卡·维诺夫斯卡镇: a name ending in, or before, a place's last word (镇, 州, 县) is a place.
    if (ctx.dicts.placeSuffixes.includes(text[end - 1] ?? '') || ctx.dicts.placeSuffixes.includes(text[end] ?? '')) continue;
    if (end > dot + 1) out.push(person(start, end, text, Tier.rule));
  }
}

interface RunPiece {
  start: number;
  end: number;
  known: boolean;
}

/** Splits text[from, to) into names, preferring dictionary persons and 3-character names. */
function splitNameRun(ctx: TagContext, from: number, to: number): RunPiece[] | null {
  const { text, dicts } = ctx;
  const best: ({ cost: number; pieces: RunPiece[] } | null)[] = new Array(to - from + 1).fill(null);
  best[0] = { cost: 0, pieces: [] };
  for (let i = from; i < to; i++) {
    const cur = best[i - from];
    if (!cur) continue;
    const options: RunPiece[] = [];
    for (const m of dicts.trie.matchesAt(text, i)) {
      if (m.value.type === 'person' && m.end <= to) options.push({ start: i, end: m.end, known: true });
    }
    const s = surnameLength(ctx, text.slice(i, i + 3));
    if (s) for (const given of [1, 2]) if (i + s + given <= to) options.push({ start: i, end: i + s + given, known: false });
    for (const p of options) {
      const len = p.end - p.start;
      const cost = cur.cost + (p.known ? 0 : len === 3 ? 1 : 1.4);
      const slot = best[p.end - from];
      if (!slot || cost < slot.cost) best[p.end - from] = { cost, pieces: [...cur.pieces, p] };
    }
  }
  return best[to - from]?.pieces ?? null;
}

/** First characters of RUN_END, by UTF-16 code. */
const RUN_END_FIRST = codeTable(RUN_END.map((w) => w[0]).join(''));
/** Where each word of RUN_END first occurs in the run being read (-1: nowhere); one scan fills it. */
const runEndAt = new Int32Array(RUN_END.length);

/** Fills runEndAt for `run` (run.indexOf of each end word); false when none occurs from the fifth character on. */
function findEndWords(run: string): boolean {
  runEndAt.fill(-1);
  let late = false;
  for (let p = 0; p < run.length; p++) {
    if (!RUN_END_FIRST[run.charCodeAt(p)]) continue;
    for (let k = 0; k < RUN_END.length; k++) {
      if ((runEndAt[k] as number) < 0 && run.startsWith(RUN_END[k] as string, p)) {
        runEndAt[k] = p;
        if (p >= 4) late = true;
      }
    }
  }
  return late;
}

/** Headline runs: 陈吉宁信长星王浩梁言顺龚正许昆林刘捷王清宪出席 → eight names. */
function headlineRuns(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(/[\u4e00-\u9fff]{4,60}/g)) {
    const runStart = m.index ?? 0;
    const run = m[0];
    // An end word found before the fifth character is skipped below: a run without one further on has none.
    if (!findEndWords(run)) continue;
    // Try each end word; the names are what stands before it.
    for (let k = 0; k < RUN_END.length; k++) {
      const at = runEndAt[k] as number;
      if (at < 4) continue;
      const pieces = splitNameRun(ctx, runStart, runStart + at);
      if (!pieces || pieces.length < 2) continue;
      const known = pieces.filter((p) => p.known).length;
      // Without any known name a run of surname-led chunks is too easy to invent; ask for one anchor.
      if (known === 0 && pieces.length < 3) continue;
      if (known === 0 && !pieces.every((p) => (ctx.tokenAt[p.start] ?? -1) >= 0)) continue;
      for (const p of pieces) out.push(person(p.start, p.end, text, p.known ? Tier.dictionary : Tier.rule));
      break;
    }
  }
}

/** What may follow the last name of an enumeration (何茂林、刘谨）, 周振华、龚永福报道, 孔德明、孔德亮兄弟). */
const LIST_END = /^([、，。；：）)”」\s]|等|和|与|及|报道|摄|的|在|以|说|是|也|都|父子|父女|母子|母女|夫妇|夫妻|兄弟|姐妹|兄妹|姐弟|二人|两人|$)/;

/**
 * 孙亚琳、曾秀芳以: a surname-led word listed with a found name is a name too, though the segmenter cut it
 * (曾/d 秀/ag 芳/nr). Grows both ways along the list, one name at a time.
 */
function enumerations(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  const known = new Set(out.filter((c) => c.type === 'person').map((c) => `${c.start}:${c.end}`));
  let frontier = out.filter((c) => c.type === 'person' && c.end - c.start >= 2);
  for (let round = 0; round < 6 && frontier.length; round++) {
    const next: Candidate[] = [];
    for (const p of frontier) {
      if (text[p.end] === '、') {
        const at = p.end + 1;
        const end = readNameAt(ctx, at);
        if (end > at + 1 && LIST_END.test(text.slice(end, end + 2)) && !ctx.dicts.surfaces.has(text.slice(at, end))) next.push(person(at, end, text, Tier.pos));
      }
      if (text[p.start - 1] === '、') {
        const stop = p.start - 1;
        // The name opens the list: after punctuation, a title or a word boundary.
        const at = nameEndingAt(ctx, stop, (k) => startsWord(ctx, k) || /[、，。；：（(“「\s]/.test(text[k - 1] ?? ''));
        if (at >= 0) next.push(person(at, stop, text, Tier.pos));
      }
    }
    frontier = next.filter((c) => !known.has(`${c.start}:${c.end}`));
    for (const c of frontier) {
      known.add(`${c.start}:${c.end}`);
      out.push(c);
    }
  }
}

/** The start of a name of 3 or 2 characters ending at `stop` where `opens` allows one to start, or -1. */
function nameEndingAt(ctx: TagContext, stop: number, opens: (at: number) => boolean): number {
  for (const len of [3, 2]) {
    const at = stop - len;
    if (at >= 0 && readNameAt(ctx, at) === stop && !ctx.dicts.surfaces.has(ctx.text.slice(at, stop)) && opens(at)) return at;
  }
  return -1;
}

/** 魏建峰／邹玉珍: the two players of a doubles pair, surname-led names on both sides of a slash. */
function doublesPairs(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(/[／/]/g)) {
    const slash = m.index ?? 0;
    const right = readNameAt(ctx, slash + 1);
    if (right < slash + 3 || (!endsWord(ctx, right) && CJK.test(text[right] ?? '') && !NOT_NAME_END.has(text[right] ?? ''))) continue;
    // 但冯丽／…: a two-character name may follow a glued word; a three-character one starts a word.
    const left = nameEndingAt(ctx, slash, (k) => slash - k === 2 || startsWord(ctx, k) || !CJK.test(text[k - 1] ?? ''));
    if (left < 0) continue;
    out.push(person(left, slash, text, Tier.pos), person(slash + 1, right, text, Tier.pos));
  }
}

/** Last characters of Japanese given names (健一郎, 一夫, 和子, 秀树). */
const JA_GIVEN_END = new Set([...'郎夫雄男子助彦树一二三介平也哉人太司治之次吉志美惠江代广明正弘博浩康隆昭茂实久信宏健诚修悟清丰辉秀纪香']);


/**
 * Japanese names: 佐藤健一郎 (one word of the segmenter), a surname and its given name cut into pieces (the
 * given name must end like one and stand before a break), 铃木首相 (the surname alone before a title).
 */
function japaneseNames(ctx: TagContext, out: Candidate[]): void {
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    // The surname test first: it fails on almost every token.
    const w = ctx.words[i] as Word;
    const surname = t.text.length >= 2 ? w.japaneseSurname : '';
    if (!surname || !w.cjk || w.hit) return;
    const prev = tokens[i - 1];
    // 和田中: a character glued before makes the "surname" part of other words.
    if (prev && prev.end === t.start && prev.text.length === 1 && /^(n|ng|a|ag|b|s|f|v)$/.test(prev.tag)) return;
    const given = t.text.length - surname.length;
    if (given >= 1) {
      // The lexicon lists some whole names as nouns; a short one is more likely a word.
      if (given > 3 || !/^(x|nr|nrfg|nrt|n|nz)$/.test(t.tag) || (given < 2 && isCommonWord(t.text, 1))) return;
      out.push(person(t.start, t.end, text, Tier.pos));
      return;
    }
    const next = tokens[i + 1];
    if (!next || next.start !== t.end) return;
    // 铃木首相, 铃木说: the surname alone names the person; so it does as the subject of a clause (，铃木又说明).
    const subject = (!prev || isPunct(prev.text) || /^(c|p)$/.test(prev.tag)) && /^(d|v|p)$/.test(next.tag);
    if (dicts.titleSet.has(next.text) || AFTER_NAME.has(next.text) || PEOPLE_AFTER.has(next.text) || subject) {
      out.push(person(t.start, t.end, text, Tier.pos));
      return;
    }
    let end = t.end;
    for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
      const g = tokens[k] as (typeof tokens)[number];
      if (g.start !== end || !CJK.test(g.text) || g.end - t.end > 3 || /^(v|p|c|uj|ul|u|r|d|m|q|f)$/.test(g.tag) || dicts.titleSet.has(g.text)) break;
      end = g.end;
      const after = tokens[k + 1];
      const boundary = !after || after.start > end || isPunct(after.text) || /^(v|p|c|uj|ul|d)$/.test(after.tag) || dicts.titleSet.has(after.text) || AFTER_NAME.has(after.text);
      if (boundary && JA_GIVEN_END.has(text[end - 1] ?? '')) {
        out.push(person(t.start, end, text, Tier.pos));
        return;
      }
    }
  });
}

/** Verbs of acting that follow a person who does them (会见, 主持, 出席 …), besides the speech verbs. */
const ACT_AFTER = ['会见', '会晤', '会谈', '主持', '出席', '参加', '看望', '调研', '考察', '率队', '率领', '见证', '签署', '发言', '慰问', '出访', '视察', '接见', '陪同', '致电', '致信', '致函', '当选', '担任', '出任', '兼任', '执导', '主演', '编剧'];
/** What may follow a person and say so: a speech verb, an act, "and others", an honorific (titles come from titles.txt). */
const EVIDENCE_AFTER = [...AFTER_NAME, ...ACT_AFTER, ...PEOPLE_AFTER, ...HONORIFICS, '等'];
/** Separators of names listed together (王明、李华, 魏建峰／邹玉珍). */
const NAME_SEPARATORS = new Set([...'、和与及／/']);
/** The end of a number that a measure word follows (13宗, 三名, 两位). */
const NUMERAL_END = /[0-9０-９一二三四五六七八九十百千万亿两几零〇]$/;
/** A player's shirt number before his name (9号萨莫拉诺). */
const SHIRT_NUMBER = /[0-9０-９]号$/;
/**
 * Last characters of taxes, fees, insurance, prizes, cups, contests, shows, cases, prices and amounts, and
 * of trades and their circles: 利得税, 尤伯杯, 博览会 are things, and given names do not end so.
 */
// Both scripts: the simplified reading keeps some traditional forms (稅).
const KIND_END = codeTable('税费险杯奖赛展案价额款证节界稅費險獎賽價額證節');

/** The span starts right after a number: its first character counts (13宗重建, 三名工人), it starts no name. */
export function afterNumber(ctx: TagContext, start: number): boolean {
  const k = ctx.tokenEndingAt[start] ?? -1;
  const prev = k >= 0 ? ctx.tokens[k] : undefined;
  if (prev) return /[0-9０-９]$/.test(prev.text) || (/^(m|mq)$/.test(prev.tag) && NUMERAL_END.test(prev.text));
  return /[0-9０-９]/.test(ctx.text[start - 1] ?? '');
}

/** A title (书记, 记者 …) or a shirt number ends right before `start`, spaces between allowed (记者 许丛军). */
function titleBefore(ctx: TagContext, start: number): boolean {
  let at = start;
  while (at > 0 && /[ \u3000]/.test(ctx.text[at - 1] ?? '')) at--;
  const k = ctx.tokenEndingAt[at] ?? -1;
  if (k >= 0 && titleToken(ctx, k)) return true;
  for (let n = 1; n <= 5 && n <= at; n++) if (ctx.dicts.titleSet.has(ctx.text.slice(at - n, at))) return true;
  return SHIRT_NUMBER.test(ctx.text.slice(Math.max(0, at - 3), at));
}

/** A title, an honorific, a verb of saying or acting, or "and others" right after `end`. */
function saysOrActs(ctx: TagContext, end: number): boolean {
  const { text, dicts } = ctx;
  for (let n = 1; n <= 5; n++) if (dicts.titleSet.has(text.slice(end, end + n))) return true;
  return EVIDENCE_AFTER.some((w) => text.startsWith(w, end));
}

/** Another person candidate listed right before or after the span (王明、李华; 王明和李华). */
function listedWithPerson(ctx: TagContext, c: Candidate, persons: Candidate[]): boolean {
  const { text } = ctx;
  const after = NAME_SEPARATORS.has(text[c.end] ?? '') ? c.end + 1 : -1;
  const before = NAME_SEPARATORS.has(text[c.start - 1] ?? '') ? c.start - 1 : -1;
  return persons.some((p) => p !== c && (p.start === after || p.end === before));
}

/** The name is written at least twice in the document (the passage when no document is given). */
function mentionedAgain(ctx: TagContext, name: string): boolean {
  const first = ctx.document.indexOf(name);
  return first >= 0 && ctx.document.indexOf(name, first + name.length) >= 0;
}

/** Where a person stands in a clause: after a break, a verb or a preposition, and before a verb, 的, 是 or a break. */
function standsAsPerson(ctx: TagContext, c: Candidate): boolean {
  const k = ctx.tokenEndingAt[c.start] ?? -1;
  const prev = k >= 0 ? ctx.tokens[k] : undefined;
  const n = ctx.tokenAt[c.end] ?? -1;
  const next = n >= 0 ? ctx.tokens[n] : undefined;
  const opens = !prev || isPunct(prev.text) || /^(p|c|v|uj)$/.test(prev.tag);
  // 罗纳尔多今天, 阿巴查8日: a time or a date after the subject, before its verb.
  const closes = !next || isPunct(next.text) || /^(v|uj|p|d|c|t|m)$/.test(next.tag);
  return opens && closes;
}

/**
 * Shaped like a person where it stands: a surname and a given name of a name's usual characters (王芳,
 * 李昕), or a foreign name or a longer one standing where a person stands in a clause.
 */
function nameShaped(ctx: TagContext, c: Candidate, name: string): boolean {
  const s = surnameLength(ctx, name);
  // 井上又说明: a Japanese surname alone names its person where a person stands.
  if (ctx.dicts.japaneseSurnames.has(name)) return standsAsPerson(ctx, c);
  if (s && name.length - s === 1 && !spelledForeign(name)) return GIVEN_CHARS.has(name[s] ?? '');
  return standsAsPerson(ctx, c);
}

/**
 * Evidence that a guessed name is a person: a title or a shirt number before it, a title or a verb of
 * saying or acting after it, a listed neighbour who is a person, or a second mention in the document.
 */
function evidenced(ctx: TagContext, c: Candidate, name: string, persons: Candidate[]): boolean {
  return titleBefore(ctx, c.start) || saysOrActs(ctx, c.end) || listedWithPerson(ctx, c, persons) || mentionedAgain(ctx, name);
}

/**
 * 负责人齐聚古都: a surname and one character that alone is a verb, with a noun right after, read a verb
 * and its object (齐聚 "gather in"), not a name.
 */
function verbAndObject(ctx: TagContext, c: Candidate, name: string): boolean {
  if (name.length !== 2 || GIVEN_CHARS.has(name[1] ?? '')) return false;
  if (jiebaLexicon().get(name[1] ?? '')?.tag !== 'v' || jiebaLexicon().has(name)) return false;
  const next = ctx.tokens[ctx.tokenAt[c.end] ?? -1];
  return !!next && /^(n|ns|nr|nt|nz|s)$/.test(next.tag);
}

/**
 * Keeps the persons that are no counted thing, tax, event or verb, and asks evidence of the weakest
 * guesses: a segmenter's guess (tier pos) of a surname and one character, or spelled like a foreign word,
 * is as often a word (武养, 卫勤), a brand or a place (菲亚特, 帕塔亚) as a name. Longer surname-led guesses
 * keep their standing without it: People's Daily names most people in running text with no title.
 */
function credible(ctx: TagContext, c: Candidate, persons: Candidate[]): boolean {
  if (c.tier === Tier.dictionary) return true;
  const name = ctx.text.slice(c.start, c.end);
  if (ctx.dicts.surfaces.get(name)?.type === 'person') return true;
  if (afterNumber(ctx, c.start) || verbAndObject(ctx, c, name)) return false;
  const s = surnameLength(ctx, name);
  if (s && !spelledForeign(name) && KIND_END[name.charCodeAt(name.length - 1)]) return false;
  if (c.tier !== Tier.pos) return true;
  // A compound surname (司马光, 上官云) is rarely the start of an ordinary word.
  const weak = !s || (s === 1 && name.length <= 2) || spelledForeign(name);
  return !weak || evidenced(ctx, c, name, persons) || nameShaped(ctx, c, name);
}

/**
 * The person candidates that are not credible (see `credible`). Read after every rule has seen them: a
 * name-tagged word shaped like a place (哈斯科沃) becomes a place from the person reading it loses here.
 */
export function incrediblePersons(ctx: TagContext, candidates: Candidate[]): Set<Candidate> {
  const persons = candidates.filter((c) => c.type === 'person');
  return new Set(persons.filter((c) => !credible(ctx, c, persons)));
}

export function recognizePersons(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  fromTags(ctx, out);
  japaneseNames(ctx, out);
  splitNames(ctx, out);
  surnameTitles(ctx, out);
  gluedSurnames(ctx, out);
  transliterationRuns(ctx, out);
  afterTitles(ctx, out);
  beforeSpeech(ctx, out);
  interpunctNames(ctx, out);
  headlineRuns(ctx, out);
  doublesPairs(ctx, out);
  enumerations(ctx, out);
  return out;
}
