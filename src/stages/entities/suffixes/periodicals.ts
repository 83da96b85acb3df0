// Periodicals named in book-title marks: 《扬子晚报》, 《科学》杂志.
import { type Candidate, type TagContext, Tier } from '../types.js';

/** Periodicals: 《扬子晚报》 names the paper (inside the brackets); 《科学》杂志 names it with its kind. */
export function recognizePeriodicals(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { text } = ctx;
  for (const m of text.matchAll(/《([\u3400-\u9fff]{1,12}?(?:日报|晚报|时报|早报|周报|商报|报|周刊|杂志|画报|月刊|新闻))》/g)) {
    const name = m[1] as string;
    if (name.length < 3) continue;
    const start = (m.index ?? 0) + 1;
    out.push({ start, end: start + name.length, type: 'org', canonical: ctx.dicts.surfaces.get(name)?.canonical ?? name, tier: Tier.rule });
  }
  // 《扬子晚报》报道: 报 of 报道, 报告 is a verb, not the kind of the periodical.
  for (const m of text.matchAll(/《[\u3400-\u9fffA-Za-z]{1,10}》(?:杂志|周刊|日报|报(?![道告名送导])|月刊|画报)/g)) {
    if (/(报|刊|杂志|新闻)》/.test(m[0])) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, type: 'org', canonical: m[0], tier: Tier.rule });
  }
  return out;
}
