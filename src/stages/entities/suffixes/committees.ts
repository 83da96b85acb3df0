// A place's party committee glued by the segmenter to the next character (某县/ns 委副/x 书记 → 某县委).
import { type Candidate, type TagContext, Tier } from '../types.js';
import { isPlaceAt } from './known-places.js';

/** Place suffixes whose party committee is named by the place and 委 (某县委, 某市委). */
const COMMITTEE_LEVEL = /[省市县区州旗]$/;

/**
 * 某县委 cut as 某县/ns 委副/x 书记: the segmenter glued 委 to the next character. A place of a level and 委 is
 * its party committee, unless 委 starts a word of its own (委托, 委派, 委员会).
 */
export function recognizeGluedCommittees(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = ctx;
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (!next || next.start !== t.end || !next.text.startsWith('委') || !COMMITTEE_LEVEL.test(t.text) || t.text.length < 3) return;
    if (!isPlaceAt(ctx, t.start, t.end)) return;
    if (next.text.length > 1 && next.tag !== 'x') return;
    out.push({ start: t.start, end: t.end + 1, type: 'org', canonical: text.slice(t.start, t.end + 1), tier: Tier.rule });
  });
  return out;
}
