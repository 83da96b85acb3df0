// Organizations named in quotation marks: “春蕾”艺术团, “绿洲集团”.
import { suffixOf } from '../dictionary.js';
import { type Candidate, type TagContext, Tier } from '../types.js';
import { BREAK_WORDS } from './breaks.js';
import { NOT_ORG_WORDS } from './ordinary-words.js';
import { suffixIndex } from './suffix-index.js';

/** A name in quotation marks: “…”, 『…』, 「…」. */
const QUOTED = /[“『「]([\u3400-\u9fff]{2,12})[”』」]/g;

/** Tags that do not open a name: numbers, pronouns, measure words, function words. */
const NOT_NAME_START = /^(m|mq|r|rz|q|p|c|u|uj|d|f)$/;

/**
 * Names in quotation marks: a quoted name before a kind of body (“春蕾”艺术团, “飞鹰”队), and a quoted name that
 * ends in one (“绿洲集团”). The quotes mark the name, so its words need not be proper nouns.
 */
export function recognizeQuotedOrgs(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { text, tokens, dicts } = ctx;
  const orgIndex = suffixIndex(dicts.orgSuffixes);
  for (const m of text.matchAll(QUOTED)) {
    const open = m.index ?? 0;
    const inner = m[1] as string;
    const close = open + inner.length + 1;
    const head = tokens[ctx.tokenAt[open + 1] ?? -1];
    if (!head || (ctx.tokenEndingAt[close] ?? -1) < 0 || NOT_NAME_START.test(head.tag) || BREAK_WORDS.has(head.text)) continue;
    const next = tokens[ctx.tokenAt[close + 1] ?? -1];
    const kind = next && suffixOf(orgIndex, next.text);
    // “飞鹰”队, “春蕾”艺术团: the kind is a word of its own right after the closing mark.
    if (next && kind === next.text && !NOT_ORG_WORDS.has(next.text)) {
      out.push({ start: open, end: next.end, type: 'org', canonical: text.slice(open, next.end), tier: Tier.rule });
      continue;
    }
    // “一网通办”: a one-character suffix inside quotes ends slogans as often as names.
    const own = suffixOf(orgIndex, inner);
    if (own && own.length >= 2 && inner.length - own.length >= 2 && (ctx.tokenAt[close - own.length] ?? -1) >= 0) {
      out.push({ start: open + 1, end: close, type: 'org', canonical: inner, tier: Tier.rule });
    }
  }
  return out;
}
