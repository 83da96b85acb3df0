// Missions abroad, named by the sending country or body, 驻 and where they are (中国驻日本大使馆).
import { type Candidate, type TagContext, Tier } from '../types.js';
import { placeLikeToken } from './known-places.js';

/** Missions abroad, named by the sending body or country, 驻 and where they are: 中国驻日本大使馆. */
const MISSION = /(大使馆|使馆|总领事馆|领事馆|代表处|办事处|记者站|代表团|分社)$/;

/**
 * 中国/ns 驻/v 日本大使馆/nt, 某社/nt 驻/v 东京/ns 记者站: a country or a body, 驻 and a mission make one name.
 * The mission found so far (日本大使馆) starts right after 驻.
 */
export function recognizeMissions(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = ctx;
  for (const c of candidates) {
    if (c.type !== 'org' || !MISSION.test(c.canonical)) continue;
    const k = ctx.tokenEndingAt[c.start] ?? -1;
    const zhu = tokens[k];
    const sender = tokens[k - 1];
    if (!zhu || zhu.text !== '驻' || !sender || sender.end !== zhu.start) continue;
    if (!placeLikeToken(ctx, sender) && ctx.dicts.surfaces.get(sender.text)?.type !== 'org' && sender.tag !== 'nt') continue;
    out.push({ start: sender.start, end: c.end, type: 'org', canonical: text.slice(sender.start, c.end), tier: Tier.rule });
  }
  return out;
}
