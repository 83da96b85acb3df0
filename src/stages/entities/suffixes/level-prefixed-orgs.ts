// Bodies named by their level alone (县教委, 镇卫生院, 区党委) and party organs of a body (局党组).
import type { Token } from '../../../schema.js';
import { suffixOf } from '../dictionary.js';
import { type Candidate, type TagContext, Tier } from '../types.js';
import { LEVELS, wordClass, type Word } from '../words.js';
import { CJK, isBreak } from './breaks.js';
import { STATE_BODY_CHARS, endsInOrdinaryWord } from './ordinary-words.js';
import { suffixIndex } from './suffix-index.js';

/** One-character kinds of body that name the body of the text before its party organ (局党组, 厂党委). */
const BODY_CHARS = new Set([...'厅局部委院校厂站所社行处司']);

const PARTY_ORGANS = new Set(['党组', '党委', '党支部', '党总支', '团委', '纪委', '工会']);

const BODY_CHAR = wordClass((text) => BODY_CHARS.has(text));

const LEVEL_WORD = wordClass((text) => LEVELS.has(text));

/** True when `word` is a body by itself: a known organization, or a bare kind of body of two or more characters (医院, 团支部). */
function bodyWord(ctx: TagContext, word: string): boolean {
  if (ctx.dicts.surfaces.get(word)?.type === 'org') return true;
  // 农业厅, 卫生局: a field and the one-character kind of a state body.
  if (word.length >= 3 && STATE_BODY_CHARS.has(word[word.length - 1] ?? '') && !endsInOrdinaryWord(word)) return true;
  return word.length >= 2 && suffixOf(suffixIndex(ctx.dicts.orgSuffixes), word) === word;
}

/**
 * A body named by its level alone: 县/zg + 教委, 镇/n + 卫生院, 区/n + 人大常委会, or one word 区党委. The level
 * stands for the place of the text (this city's, this county's), so it belongs to the name.
 */
export function recognizeLevelPrefixedOrgs(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = ctx;
  const orgStarting = new Map<number, Candidate>();
  for (const c of candidates) {
    if (c.type !== 'org') continue;
    const seen = orgStarting.get(c.start);
    if (!seen || seen.end < c.end) orgStarting.set(c.start, c);
  }
  const push = (start: number, end: number) => out.push({ start, end, type: 'org', canonical: text.slice(start, end), tier: Tier.rule });
  tokens.forEach((t, i) => {
    // 区党委/n: the segmenter's one word of a level and a body.
    const level = (ctx.words[i] as Word).level;
    // Kinds of body (BODY_CHARS) are one character and levels one or three: other words start no rule below.
    if (!level && t.text.length !== 1 && t.text.length !== 3) return;
    if (level && !(ctx.words[i] as Word).hit && bodyWord(ctx, t.text.slice(level.length)) && t.text.length - level.length >= 2) {
      push(t.start, t.end);
      return;
    }
    const next = tokens[i + 1];
    // 局/n 党组, 厂/n 党委: the party organ of the body the text is about.
    if ((ctx.words[i] as Word).is(BODY_CHAR) && next && next.start === t.end && PARTY_ORGANS.has(next.text)) return push(t.start, next.end);
    if (!(ctx.words[i] as Word).is(LEVEL_WORD)) return;
    if (!next || next.start !== t.end) return;
    // 青石/n 镇/n 供销社: a name glued before the level makes the place (青石镇), and the body is that place's.
    const prev = tokens[i - 1];
    const start =
      prev && prev.end === t.start && CJK.test(prev.text) && prev.text.length <= 3 && /^(n|nr|ns|nz|x|j)$/.test(prev.tag) && !isBreak(prev)
        ? prev.start
        : t.start;
    const org = orgStarting.get(t.end);
    if (org) return push(start, org.end);
    // 自治区/n 文物/n 学会/n: a field or two and a bare kind of body.
    for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
      const w = tokens[k] as Token;
      if (w.start !== (tokens[k - 1] as Token).end) return;
      if (bodyWord(ctx, w.text)) return push(start, w.end);
      if (!/^(n|vn|nz|j)$/.test(w.tag) || isBreak(w)) return;
    }
  });
  return out;
}
