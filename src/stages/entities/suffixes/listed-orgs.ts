// Names enumerated before 等 and a kind of organization (甲、乙、丙等一批企业): each is an organization.
import type { Token } from '../../../schema.js';
import { isCommonWord } from '../lexicon.js';
import { type Candidate, type TagContext, Tier } from '../types.js';
import { CJK, isBreak } from './breaks.js';

/** Kinds of organization that an enumeration before 等 can name (甲、乙等企业, 丙和丁等国内公司). */
const LISTED_KINDS = /(企业|公司|集团|厂家|厂商|银行|大学|高校|院校|医院|报社|媒体|机构|团体|球队|俱乐部)$/;

/** People of a body, after its kind: 等公司高管, 等企业负责人. */
const PEOPLE_OF_BODIES = new Set(['高管', '员工', '职工', '领导', '负责人', '代表', '人士', '老总', '老板', '干部']);

/** Separators of an enumeration. */
const LIST_SEPARATORS = new Set(['、', '和', '与', '及']);

/** True when `t` can be one item of an enumerated list of names: one uncommon word, no known place or person. */
function listedName(ctx: TagContext, t: Token): boolean {
  if (!CJK.test(t.text) || t.text.length < 2 || t.text.length > 4 || (isBreak(t) && t.tag !== 'x')) return false;
  if (!/^(nz|nr|nrt|x|j|n|nt)$/.test(t.tag) || isCommonWord(t.text, 300)) return false;
  // 王建国、李明华等公司高管: a surname and a given name are people.
  if (t.text.length === 3 && ctx.dicts.surnames.has(t.text[0] ?? '')) return false;
  const known = ctx.dicts.surfaces.get(t.text);
  return !known || known.type === 'org';
}

/**
 * Names enumerated before 等 and a kind of organization: 甲、乙、丙等一批企业. Each item is an organization of that
 * kind, whatever its word looks like to the segmenter (a name, an unknown word).
 */
export function recognizeListedOrgs(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = ctx;
  tokens.forEach((t, i) => {
    if (t.text !== '等') return;
    // 等 一批 家电企业, 等 国内 公司: the kind within three words after 等.
    const at = tokens.slice(i + 1, i + 4).findIndex((w) => LISTED_KINDS.test(w.text));
    // 等公司高管: the kind only qualifies the people after it.
    const after = tokens[i + 2 + at];
    if (at < 0 || (after && (ctx.dicts.titleSet.has(after.text) || PEOPLE_OF_BODIES.has(after.text)))) return;
    for (let k = i - 1; k >= 0; k -= 2) {
      const item = tokens[k] as Token;
      if (!listedName(ctx, item)) return;
      out.push({ start: item.start, end: item.end, type: 'org', canonical: text.slice(item.start, item.end), tier: Tier.rule });
      const sep = tokens[k - 1];
      if (!sep || !LIST_SEPARATORS.has(sep.text)) return;
    }
  });
  return out;
}
