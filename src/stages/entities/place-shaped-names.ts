// Words read as names that are shaped like places: sites (凡尔赛宫, 镇海楼) and foreign place endings (汉堡, 明斯克).
import { SITE_WORD } from './facilities.js';
import { TRANSLITERATION } from './transliteration.js';
import { type Candidate, type TagContext, Tier } from './types.js';

/** The segmenter's tags of names and unknown words. */
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x']);

/** Last characters of sites that end no given name (凡尔赛宫, 白马寺, 滕王阁, 明孝陵). */
const SITE_FINAL = /[宫庙寺阁陵祠]$/;

/** Endings of transliterated place names (-burg, -sk, -grad, -ovac, -ville, -polis, -ovo): 汉堡, 明斯克. */
const FOREIGN_PLACE_ENDING = /(堡|斯克|格勒|瓦茨|维尔|波利斯|沃)$/;

/**
 * Words the segmenter took for names that are shaped like places: a site (X宫, X寺) or a transliterated
 * name with a place ending (X堡, X斯克). They come as places of the same span, trusted above a bare name.
 */
export function placeShapedNames(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Bare person readings and the segmenter's own name-tagged words (which person rules may have passed over).
  // Keyed by span (start and end in one number); a Map keeps the order spans were first seen.
  const spans = new Map<number, { start: number; end: number }>();
  const key = (x: { start: number; end: number }) => x.start * (ctx.text.length + 1) + x.end;
  // Spans under three characters are passed over below: they are left out of the table from the start.
  for (const c of candidates) if (c.type === 'person' && c.tier === Tier.pos && c.end - c.start >= 3) spans.set(key(c), c);
  for (const t of ctx.tokens) if (t.end - t.start >= 3 && NAME_TAGS.has(t.tag)) spans.set(key(t), t);
  for (const c of spans.values()) {
    const name = ctx.text.slice(c.start, c.end);
    if (!/^[\u3400-\u9fff]+$/.test(name)) continue;
    const ending = FOREIGN_PLACE_ENDING.exec(name)?.[0];
    const foreign = !!ending && name.length > ending.length + 1 && [...name.slice(0, -ending.length)].every((ch) => TRANSLITERATION.has(ch));
    // 镇海楼: a known place and a one-character kind of site.
    const placeSite = SITE_WORD.has(name[name.length - 1] ?? '') && ctx.dicts.surfaces.get(name.slice(0, -1))?.type === 'place';
    if (SITE_FINAL.test(name) || foreign || placeSite) out.push({ start: c.start, end: c.end, type: 'place', canonical: name, tier: Tier.rule });
  }
  return out;
}
