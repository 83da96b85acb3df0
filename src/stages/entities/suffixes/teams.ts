// Sports teams named by a club or a place: 蓝鲸队, 法国男子排球队.
import type { Token } from '../../../schema.js';
import { isCommonWord } from '../lexicon.js';
import { type Candidate, type TagContext, Tier } from '../types.js';
import { codeTable } from '../words.js';
import { BREAK_WORDS, CJK, FUNCTION_CHARS } from './breaks.js';

/** Team words of sports news: 排球队, 女队, 男子排球队 (a place or a club name before them makes the team). */
const TEAM_WORD = /^((男|女|[\u4e00-\u9fff]{1,3}[球棋泳操]|田径|代表|青年|少年)队|[男女][篮足排垒])$/;

/** The last characters of TEAM_WORD's words: the regex runs only on words ending in one. */
const TEAM_LAST = codeTable('队篮足排垒');

/** Modifiers between a team's place and its team word: 法国男子排球队, 巴西青年女队. */
const TEAM_MODIFIERS = new Set(['男子', '女子', '青年', '少年', '国家']);

/**
 * Sports teams, named by a club or a place: 蓝鲸队 (an unknown word or an uncommon noun before 队), 法国男子
 * 排球队 (a place, modifiers and a team word). A place before a club's team joins it in compoundOrgs.
 */
export function recognizeTeams(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, dicts } = ctx;
  const club = (t: Token | undefined): boolean =>
    !!t &&
    CJK.test(t.text) &&
    t.text.length >= 2 &&
    t.text.length <= 4 &&
    !FUNCTION_CHARS.test(t.text[0] ?? '') &&
    !BREAK_WORDS.has(t.text) &&
    !isCommonWord(t.text, 300) &&
    ['n', 'nz', 'nr', 'nrt', 'x', 'j', 'nt'].includes(t.tag) &&
    dicts.surfaces.get(t.text)?.type !== 'person';
  tokens.forEach((t, i) => {
    // X队/x: the segmenter's unknown word of a name and 队.
    if (t.tag === 'x' && t.text.endsWith('队') && /^[\u4e00-\u9fff]{2,4}队$/.test(t.text) && club({ ...t, text: t.text.slice(0, -1) })) {
      out.push({ start: t.start, end: t.end, type: 'org', canonical: t.text, tier: Tier.rule });
      return;
    }
    const prev = tokens[i - 1];
    if (!prev || prev.end !== t.start) return;
    // 蓝鲸/nr 队: a club name before a lone 队; a noun glued before it belongs to the name (前锋飞鹰队).
    if (t.text === '队' && club(prev)) {
      const p2 = tokens[i - 2];
      const start =
        p2 && p2.end === prev.start && p2.text.length === 2 && ['n', 'nz', 'x'].includes(p2.tag) && !BREAK_WORDS.has(p2.text) && !FUNCTION_CHARS.test(p2.text)
          ? p2.start
          : prev.start;
      out.push({ start, end: t.end, type: 'org', canonical: text.slice(start, t.end), tier: Tier.rule });
      return;
    }
    // 网/n 球队/n: the segmenter cut the sport's character off the team word.
    const cutSport = t.text === '球队' && prev.text.length === 1 && CJK.test(prev.text);
    if (!(TEAM_LAST[t.text.charCodeAt(t.text.length - 1)] && TEAM_WORD.test(t.text)) && !cutSport) return;
    // 法国/ns 男子/n 排球队/n: back over the modifiers to a place.
    let k = cutSport ? i - 2 : i - 1;
    while (k >= 0 && TEAM_MODIFIERS.has((tokens[k] as Token).text) && (tokens[k] as Token).end === (tokens[k + 1] as Token).start) k--;
    const head = tokens[k];
    if (!head || head.end !== (tokens[k + 1] as Token).start || head.text.length < 2) return;
    if (dicts.surfaces.get(head.text)?.type !== 'place' && head.tag !== 'ns') return;
    out.push({ start: head.start, end: t.end, type: 'org', canonical: text.slice(head.start, t.end), tier: Tier.rule });
  });
  return out;
}
