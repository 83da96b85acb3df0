// Foreign places: a transliterated word after a verb of place (抵达利马), and a transliterated run before an
// administrative word (马拉里卡州).
import { endsWord, startsWord } from './context.js';
import { isCommonWord } from './lexicon.js';
import { TRANSLITERATION } from './transliteration.js';
import { type Candidate, type TagContext, Tier } from './types.js';
import { codeTable, wordClass, type Word } from './words.js';

/** Verbs and prepositions of place: what follows them is where something happens (在亚喀巴, 抵达利马). */
const TO_PLACE = new Set(['在', '到', '抵达', '访问', '前往', '途经', '飞抵', '来自', '位于', '返回', '离开', '赴', '于']);

const TO_PLACE_WORD = wordClass((text) => TO_PLACE.has(text));

/** A word spelled like a foreign name right after 在/抵达/访问 … is a foreign place, not a person. */
export function foreignPlaces(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  ctx.tokens.forEach((t, i) => {
    const prev = ctx.tokens[i - 1];
    const w = ctx.words[i] as Word;
    if (!prev || prev.end !== t.start || !(ctx.words[i - 1] as Word).is(TO_PLACE_WORD) || t.text.length < 2 || w.hit) return;
    if (!/^(x|nrt|nr|ns|nz)$/.test(t.tag) || !w.translit || w.abbreviated) return;
    out.push({ start: t.start, end: t.end, type: 'place', canonical: t.text, tier: Tier.rule });
  });
  return out;
}

/** Administrative and natural last words of foreign place names (X州, X省, X大区, X郡, X河). */
const FOREIGN_ADMIN = /^(大区|州|省|县|区|郡|市|河)/;

/** First characters of FOREIGN_ADMIN's words, by UTF-16 code. */
const ADMIN_FIRST = codeTable('大州省县区郡市河');

/**
 * 马拉里卡州, 奥斯特堡郡: a run of three or more transliteration characters before an administrative word is a
 * foreign place, whole, even where the segmenter cut the run into "names" (马拉/nr 里卡州/x).
 */
export function foreignAdminPlaces(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { text } = ctx;
  for (let i = 0; i < text.length; i++) {
    // Most characters start no administrative word: one table read, no slice, before the regex.
    if (!ADMIN_FIRST[text.charCodeAt(i)]) continue;
    const suffix = FOREIGN_ADMIN.exec(text.slice(i, i + 2))?.[0];
    if (!suffix || !TRANSLITERATION.has(text[i - 1] ?? '')) continue;
    let start = i;
    while (start > 0 && i - start < 8 && TRANSLITERATION.has(text[start - 1] ?? '')) start--;
    // The run must open a word; a longer run was cut at eight characters and names nothing.
    while (start < i - 2 && !startsWord(ctx, start)) start++;
    const end = i + suffix.length;
    if (i - start < 3 || !startsWord(ctx, start) || !endsWord(ctx, end) || isCommonWord(text.slice(start, i), 30)) continue;
    out.push({ start, end, type: 'place', canonical: text.slice(start, end), tier: Tier.rule });
  }
  return out;
}
