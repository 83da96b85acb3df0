// Japanese names: a Japanese surname and a given name ending like one (佐藤健一郎), or the surname alone
// before a title or as a subject (铃木首相).
import type { Candidate, TagContext } from '../types.js';
import { Tier } from '../types.js';
import { isCommonWord } from '../lexicon.js';
import type { Word } from '../words.js';
import { AFTER_NAME, PEOPLE_AFTER } from './cues.js';
import { CJK, person, isPunct } from './shape.js';

/** Last characters of Japanese given names (健一郎, 一夫, 和子, 秀树). */
const JA_GIVEN_END = new Set([...'郎夫雄男子助彦树一二三介平也哉人太司治之次吉志美惠江代广明正弘博浩康隆昭茂实久信宏健诚修悟清丰辉秀纪香']);

/**
 * Japanese names: 佐藤健一郎 (one word of the segmenter), a surname and its given name cut into pieces (the
 * given name must end like one and stand before a break), 铃木首相 (the surname alone before a title).
 */
export function japaneseNames(ctx: TagContext, out: Candidate[]): void {
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
      const boundary =
        !after ||
        after.start > end ||
        isPunct(after.text) ||
        /^(v|p|c|uj|ul|d)$/.test(after.tag) ||
        dicts.titleSet.has(after.text) ||
        AFTER_NAME.has(after.text);
      if (boundary && JA_GIVEN_END.has(text[end - 1] ?? '')) {
        out.push(person(t.start, end, text, Tier.pos));
        return;
      }
    }
  });
}
