// Party congresses (十九大, 党的二十大): events, whose spans no mention may overlap.
import type { TagContext } from '../types.js';

/**
 * Party congresses and their sessions: 十五大, 中共十九大, 党的二十大. They are events, not organizations
 * nor persons (the segmenter tags 二十大 nrt), and the entity types hold no events: these spans are kept
 * free of mentions (14th five-year plan, 十四五, is neither and no congress).
 */
export function congressSpans(ctx: TagContext): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of ctx.text.matchAll(/(?:中共|党的)?(?:十[一二三四五六七八九]?|二十[一二三四五六七八九]?)大(?![学型会概批多小量家众型楼厦])/g)) {
    const start = m.index ?? 0;
    // 十大: a ranking ("top ten"), not a congress; congresses from the 11th on are meant.
    if (m[0] === '十大') continue;
    out.push({ start, end: start + m[0].length });
  }
  return out;
}
