// The segmenter's own name-tagged and unknown words (nr, nrt, x), filtered into persons: its lexicon tags
// many ordinary words as names (文明, 卫星), and it glues verbs and prepositions to unknown names (韩冰说).
import type { Candidate, TagContext } from '../types.js';
import { Tier } from '../types.js';
import { isCommonWord, jiebaLexicon } from '../lexicon.js';
import type { Word } from '../words.js';
import { HONORIFICS, titled, titleAfter, listed, placement, modifiesNoun } from './cues.js';
import {
  NOT_NAME_END,
  endsName,
  isCommonNoun,
  GLUED_AFTER,
  GLUED_BEFORE,
  NOT_GIVEN_2,
  BUILDING_END,
  isBodyWord,
  looksLikeName,
  looksLikeWordName,
  person,
} from './shape.js';

/** The segmenter's name-like words, filtered: its dictionary tags many ordinary words as names (文明, 卫星). */
export function fromTags(ctx: TagContext, out: Candidate[]): void {
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
    if (
      t.tag === 'x' &&
      t.text.length >= 2 &&
      t.text.length <= 6 &&
      !w.hit &&
      w.translit &&
      prevTok &&
      prevTok.end === t.start &&
      (ctx.words[i - 1] as Word).titleWord
    ) {
      out.push(person(t.start, t.end, text, Tier.rule));
      return;
    }
    // 韩冰说, 冯涛说 / 胜孙涛: the segmenter glued a verb or a preposition to an unknown name.
    if (t.tag === 'x' && t.text.length >= 3 && t.text.length <= 4) {
      const before = tokens[i - 1];
      const standsAlone =
        !before || before.end < t.start || (ctx.words[i - 1] as Word).punct || /^(p|c)$/.test(before.tag) || (ctx.words[i - 1] as Word).titleWord;
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
    if (
      len === 2 &&
      surname === 1 &&
      glued &&
      glued.start === t.end &&
      glued.text.length === 1 &&
      (ctx.words[i + 1] as Word).cjk &&
      !NOT_NAME_END.has(glued.text) &&
      titled(ctx, i + 1)
    ) {
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
        const unsupported = len >= 3 && !context && !listed(ctx, i) && !listedName;
        if (
          unsupported &&
          ((surname === 1 && (jiebaLexicon().get(t.text.slice(0, 2))?.freq ?? 0) >= 150) ||
            (len - surname >= 2 && isCommonNoun(t.text.slice(surname))) ||
            BUILDING_END.has(t.text[len - 1] ?? ''))
        ) {
          return;
        }
        out.push(person(t.start, t.end, text, Tier.pos));
      } else if (
        (context && (spelled || (len < 2 && titleAfter(ctx, i)) || (len >= 2 && (w.lex?.freq ?? 0) < 300))) ||
        (len >= 3 && spelled && (listed(ctx, i) || !modifiesNoun(ctx, i)))
      ) {
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
