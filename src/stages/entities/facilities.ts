// Facilities and sites named after their place or a proper word (利马机场, 闵行体育馆, 杭甬铁路).
import type { Token } from '../../schema.js';
import { TRANSLITERATION } from './transliteration.js';
import { type Candidate, type TagContext, Tier } from './types.js';
import { wordClass, type Word } from './words.js';

/** Last words of facilities and sites named after their place (上海虹桥机场, 合肥植物园, 太行隧道). */
export const FACILITY =
  /(机场|车站|火车站|客运站|体育馆|体育场|体育中心|博物馆|展览馆|展览中心|会展中心|纪念馆|美术馆|植物园|动物园|公园|广场|大桥|隧道|码头|大厦|大剧院|新区|开发区|运河|水库|大坝)$/;

/** One-character kinds of site that follow their place as a word of their own (镇海/楼, 寒山/寺). */
export const SITE_WORD = new Set([...'楼阁亭塔寺庙宫']);

/** Facility words that a proper name of any kind may head (闵行体育馆, 金茂大厦, 杭甬铁路): not a describing noun. */
const FACILITY_WORD = /^(机场|车站|火车站|体育馆|体育场|体育中心|展览中心|会展中心|纪念馆|公园|广场|大桥|隧道|码头|大厦|铁路|公路|运河|水库|大坝)$/;

const FACILITY_WORD_CLASS = wordClass((text) => FACILITY_WORD.test(text));

/** Tags of a word that can name a facility before its kind: proper nouns, unknown words, abbreviations (places: facilities()). */
const FACILITY_HEAD = /^(nr|nrt|nz|x|j)$/;

/**
 * A proper word before a facility word names the facility (闵行/nr 体育馆, 杭/j 甬/j 铁路): the segmenter
 * often reads such heads as person names. Runs of one-character abbreviations join (杭甬铁路).
 */
function namedFacilities(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = ctx;
  tokens.forEach((t, i) => {
    if (!(ctx.words[i] as Word).is(FACILITY_WORD_CLASS)) return;
    let first = i;
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const p = tokens[k] as Token;
      const nextTok = tokens[k + 1] as Token;
      if (p.end !== nextTok.start || !/^[\u3400-\u9fff]+$/.test(p.text) || !FACILITY_HEAD.test(p.tag) || ctx.dicts.titleSet.has(p.text)) break;
      // An unknown word of three or more characters is mostly words glued together (邹老去/x 公园).
      if (p.tag === 'x' && p.text.length > 2 && ![...p.text].every((ch) => TRANSLITERATION.has(ch))) break;
      // Only short pieces run together (杭/甬); one longer proper word is the whole head.
      if (first < i && p.text.length > 1) break;
      first = k;
      if (p.text.length > 1) break;
    }
    if (first === i) return;
    const start = (tokens[first] as Token).start;
    if (t.end - start - t.text.length < 2) return; // one character alone (京/铁路) is too thin a name
    out.push({ start, end: t.end, type: 'place', canonical: text.slice(start, t.end), tier: Tier.rule });
  });
  return out;
}

/** A place and the facility or site named after it is one place: 利马机场, 墨西哥国家博物馆. */
export function facilities(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = namedFacilities(ctx);
  for (const p of candidates) {
    if (p.type !== 'place' || p.end - p.start < 2) continue;
    let k = ctx.tokenAt[p.end] ?? -1;
    for (let n = 0; n < 3 && k >= 0 && k < ctx.tokens.length; n++, k++) {
      const t = ctx.tokens[k] as Token;
      // A verb only inside the facility word (香港/展览/中心), never as its last piece.
      if (!/^(n|nz|ns|nt|vn|j|x|b|v)$/.test(t.tag) || !/^[\u3400-\u9fff]+$/.test(t.text)) break;
      // 湖南省长沙市烈士公园: a facility takes only the nearest place; a place between ends the search.
      if (t.tag === 'ns' || ctx.dicts.surfaces.get(t.text)?.type === 'place') break;
      // 香港/展览/中心: the facility word may be cut in two; 镇海/楼: a site's one-character kind right after its place.
      const sofar = ctx.text.slice(p.end, t.end);
      if (FACILITY.test(sofar) || (n === 0 && SITE_WORD.has(t.text))) {
        out.push({ start: p.start, end: t.end, type: 'place', canonical: ctx.text.slice(p.start, t.end), tier: Tier.rule });
        break;
      }
    }
  }
  return out;
}
