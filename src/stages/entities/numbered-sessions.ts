// The session number of a congress is part of its name (第三届全国人民代表大会, 九届人大常委会).
import { type Candidate, type TagContext, Tier } from './types.js';

/** 第三届全国人民代表大会, 九届人大常委会: the session number is part of a congress's name. */
export function withOrdinals(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'org') continue;
    const k = ctx.tokenEndingAt[c.start] ?? -1;
    const prev = k >= 0 ? ctx.tokens[k] : undefined;
    if (prev && /^第?[一二三四五六七八九十百零〇0-9０-９]+届$/.test(prev.text)) {
      out.push({ ...c, start: prev.start, tier: Tier.rule });
    }
  }
  return out;
}
