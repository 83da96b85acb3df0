// A country or region before a known state body belongs to its name (巴西外交部, 中国全国妇联).
import type { Token } from '../../../schema.js';
import { titleFollows } from '../context.js';
import { type Candidate, type TagContext, Tier } from '../types.js';
import type { Word } from '../words.js';
import { placeLike } from './known-places.js';

/** A country or region before a known organization belongs to its name: 巴西外交部, 中国全国妇联. */
export function recognizePlacePrefixedOrgs(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, dicts } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!placeLike(t, ctx.words[i] as Word)) continue;
    const orgs = dicts.trie.matchesAt(text, t.end, 2).filter((m) => m.value.type === 'org');
    // 中国国家体委, 河南省残联: the segmenter's own organization words count too.
    const next = ctx.tokens[ctx.tokenAt[t.end] ?? -1];
    if (next && next.tag === 'nt' && next.text.length >= 2 && !dicts.surfaces.has(next.text))
      orgs.push({ end: next.end, value: { type: 'org', canonical: next.text, primary: true } });
    orgs.sort((a, b) => a.end - b.end);
    const longest = orgs[orgs.length - 1];
    if (!longest || ((ctx.tokenEndingAt[longest.end] ?? -1) < 0 && !titleFollows(ctx, longest.end))) continue;
    const name = text.slice(t.start, longest.end);
    // Only bodies of a state take their country into the name (巴西外交部); companies stay themselves.
    if (!/[部委局署厅办院会协联省]$/.test(longest.value.canonical)) continue;
    out.push({ start: t.start, end: longest.end, type: 'org', canonical: dicts.surfaces.get(name)?.canonical ?? name, tier: Tier.rule });
  }
  return out;
}
