// Towns, villages and temples (红石镇, 青松乡), which the segmenter often splits or glues.
import type { Token } from '../../../schema.js';
import { isCommonWord } from '../lexicon.js';
import { type Candidate, type TagContext, Tier } from '../types.js';
import { codeTable, type Word } from '../words.js';
import { BREAK_WORDS, CJK } from './breaks.js';
import { GENERIC_PLACE } from './ordinary-words.js';

/** Suffixes of towns, villages and temples, which the segmenter often splits or glues (X/x X镇/x). */
const SMALL_PLACE_LAST = codeTable('镇乡村寺');

/** Tags that never sit inside such a name: function words, verbs, numbers, time and position words. */
const NOT_IN_SMALL_PLACE = /^(p|c|u|uj|ul|ud|uz|d|v|vn|r|m|mq|q|f|t|x?eng)$/;

/**
 * Towns, villages and temples: one word of 3-4 characters ending in 镇 乡 村 寺, or 2-3 characters cut into
 * short pieces before the suffix (红石镇, 青松/n 乡/n). The span must start and
 * end on the segmenter's word bounds, and the name before the suffix must hold no frequent word (农村乡镇).
 */
export function recognizeSmallPlaces(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    if (!SMALL_PLACE_LAST[t.text.charCodeAt(t.text.length - 1)] || !(ctx.words[i] as Word).cjk || (ctx.words[i] as Word).hit) return;
    if (t.text.length >= 3 && t.text.length <= 4) {
      // The segmenter's own place tag (X寺/ns) outweighs a stem that is also a word.
      const generic = GENERIC_PLACE.has(t.text) || GENERIC_PLACE.has(t.text.slice(1)); // 各乡镇, 新农村
      if (
        ['n', 'nr', 'nz', 'x', 'ns', 'nrt'].includes(t.tag) &&
        !generic &&
        (t.tag === 'ns' || (!isCommonWord(t.text, 1) && !isCommonWord(t.text.slice(0, -1), 300)))
      ) {
        out.push({ start: t.start, end: t.end, type: 'place', canonical: t.text, tier: Tier.rule });
      }
      return;
    }
    if (t.text.length > 2) return;
    // Walk back over one-character and two-character pieces until the stem has 2-3 characters.
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const p = tokens[k] as Token;
      const nextTok = tokens[k + 1] as Token;
      if (p.end !== nextTok.start || !CJK.test(p.text) || p.text.length > 2 || NOT_IN_SMALL_PLACE.test(p.tag) || BREAK_WORDS.has(p.text)) return;
      if (p.text.length === 2 && (isCommonWord(p.text, 300) || dicts.surfaces.has(p.text))) return;
      const stem = t.end - 1 - p.start;
      if (stem < 2) continue;
      if (stem > 3) return;
      // The first piece must open the name: a break, a preposition or a verb before it.
      const before = tokens[k - 1];
      if (before && before.end === p.start && !/^(p|v|uj|c|x|r|m|q|d|ns)$/.test(before.tag)) return;
      if (before && before.tag === 'x' && CJK.test(before.text)) return;
      const name = text.slice(p.start, t.end);
      // 小/a 城镇, 各/r 乡镇: an adjective before a generic word (城镇, 乡镇) describes; a bound character names.
      if (isCommonWord(name, 1) || GENERIC_PLACE.has(name) || (GENERIC_PLACE.has(t.text) && !/^(zg|ng|n|nr|x|ns|nz|j)$/.test(p.tag))) return;
      out.push({ start: p.start, end: t.end, type: 'place', canonical: name, tier: Tier.rule });
      return;
    }
  });
  return out;
}
