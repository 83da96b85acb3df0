// Places found by their last word: a proper noun and 镇 县 湖 港 …, or one word ending in an administrative suffix.
import { type Candidate, type TagContext, Tier } from '../types.js';
import type { Word } from '../words.js';
import { DESCRIPTIVE_HEAD } from './heads.js';
import { isPlaceAt } from './known-places.js';
import { GENERIC_PLACE } from './ordinary-words.js';

const ADMIN_SUFFIX = new Set(['省', '市', '县', '区', '镇', '乡', '村', '州', '旗', '盟', '自治区', '自治州', '自治县', '特别行政区', '街道']);

/** Places: a proper-noun token followed by a place suffix (杨舍 + 镇, 丰禾 + 县), or one token that is both. */
export function recognizePlaceSuffixes(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    const w = ctx.words[i] as Word;
    const suffix = w.placeSuffix;
    if (!suffix) return;
    if (t.text === suffix) {
      const prev = tokens[i - 1];
      if (!prev || prev.end !== t.start || !(ctx.words[i - 1] as Word).cjk || prev.text.length > 4) return;
      if (!['ns', 'nr', 'nrt', 'nz', 'x', 'j'].includes(prev.tag) && !isPlaceAt(ctx, prev.start, prev.end)) return;
      const name = text.slice(prev.start, t.end);
      if (GENERIC_PLACE.has(name)) return;
      out.push({ start: prev.start, end: t.end, type: 'place', canonical: name, tier: Tier.rule });
      return;
    }
    // One word ending in an administrative suffix (杨舍镇); natural features (江 山 湖) end many personal names.
    if (
      ADMIN_SUFFIX.has(suffix) &&
      !DESCRIPTIVE_HEAD.test(t.text) &&
      !t.text.endsWith('地区') &&
      t.text.length >= 3 &&
      t.text.length <= 6 &&
      w.cjk &&
      ['nr', 'nrt', 'nz', 'x', 'ns'].includes(t.tag) &&
      !GENERIC_PLACE.has(t.text) &&
      !GENERIC_PLACE.has(t.text.slice(1))
    ) {
      out.push({ start: t.start, end: t.end, type: 'place', canonical: t.text, tier: Tier.rule });
    }
  });
  return out;
}
