// A party's central committee, named by the party and 中央 (民主党中央, 工党中央).
import { type Candidate, type TagContext, Tier } from './types.js';

/** 民主党中央, 工党中央: a party's central committee is named by the party and 中央. */
export function partyCentres(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'org' || !c.canonical.endsWith('党')) continue;
    const k = ctx.tokenAt[c.end] ?? -1;
    const next = k >= 0 ? ctx.tokens[k] : undefined;
    if (next?.text === '中央') out.push({ ...c, end: next.end, canonical: ctx.text.slice(c.start, next.end), tier: Tier.rule });
  }
  // 社会/党中央: the segmenter gave 党 to the CPC's 党中央; a known party before it still names its own centre.
  ctx.tokens.forEach((t, i) => {
    const prev = ctx.tokens[i - 1];
    if (t.text !== '党中央' || !prev || prev.end !== t.start) return;
    const party = ctx.dicts.surfaces.get(`${prev.text}党`);
    if (party?.type === 'org') out.push({ start: prev.start, end: t.end, type: 'org', canonical: `${party.canonical}中央`, tier: Tier.dictionary });
  });
  return out;
}
