// Two known places glued into one word (辽宁抚顺, 吉林长春市) are two places.
import { type Candidate, type TagContext, Tier } from './types.js';

export function splitKnownPlaces(ctx: TagContext, start: number, end: number): Candidate[] | null {
  for (let k = start + 2; k <= end - 2; k++) {
    const a = ctx.dicts.surfaces.get(ctx.text.slice(start, k));
    const b = ctx.dicts.surfaces.get(ctx.text.slice(k, end));
    if (a?.type === 'place' && b?.type === 'place') {
      return [
        { start, end: k, type: 'place', canonical: a.canonical, tier: Tier.dictionary },
        { start: k, end, type: 'place', canonical: b.canonical, tier: Tier.dictionary },
      ];
    }
  }
  return null;
}

/**
 * 吉林长春/nr 市: a rule read two known places glued by the segmenter as one (吉林长春市). They are two;
 * returns the candidates to drop and the places to add.
 */
export function gluedPlaces(ctx: TagContext, candidates: Candidate[]): { drop: Set<Candidate>; add: Candidate[] } {
  const drop = new Set<Candidate>();
  const add: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'place' || c.tier === Tier.dictionary || c.end - c.start < 4) continue;
    const split = splitKnownPlaces(ctx, c.start, c.end);
    if (!split) continue;
    drop.add(c);
    add.push(...split);
  }
  return { drop, add };
}
