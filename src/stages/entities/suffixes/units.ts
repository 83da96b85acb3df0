// Units of a body named with their parent: 某大学 + 物理系, 某大学 + 招生办公室, 某日报 + 社.
import type { Token } from '../../../schema.js';
import { suffixOf } from '../dictionary.js';
import { type Candidate, type TagContext, Tier } from '../types.js';
import { BREAK_WORDS, CJK, isBreak } from './breaks.js';
import { properWord } from './heads.js';
import { NOT_ORG_WORDS } from './ordinary-words.js';
import { suffixIndex } from './suffix-index.js';

/** Last characters of units inside a body, besides the organization suffixes: 物理系, 化工系. */
const UNIT_FINAL = new Set([...'系']);

/** Tags of the words between a body and the kind of its unit: fields and modifiers (招生, 管理, 青年). */
const UNIT_WORD_TAGS = /^(n|vn|nz|j|l|a|b|an|v)$/;

/** The end of a unit after a body that ends at `at`: up to three field words and a unit word (保卫处, 管理 学院), or -1. */
function unitEnd(ctx: TagContext, at: number): number {
  const { tokens, dicts } = ctx;
  const orgIndex = suffixIndex(dicts.orgSuffixes);
  let k = ctx.tokenAt[at] ?? -1;
  let verb = false;
  for (let n = 0; n < 4 && k >= 0 && k < tokens.length; n++, k++) {
    const w = tokens[k] as Token;
    if (n > 0 && w.start !== (tokens[k - 1] as Token).end) return -1;
    if (!CJK.test(w.text) || (isBreak(w) && !UNIT_WORD_TAGS.test(w.tag))) return -1;
    // A place or a known organization after the body is a mention of its own (外交部 + 商务部).
    if (dicts.surfaces.has(w.text)) return -1;
    const suffix = suffixOf(orgIndex, w.text);
    // 创办/v ends like a body but is a verb; verbs only stand between the body and its unit (招生/v 办公室).
    const unit = w.tag !== 'v' && ((suffix && !NOT_ORG_WORDS.has(w.text)) || (w.text.length >= 2 && UNIT_FINAL.has(w.text[w.text.length - 1] ?? '')));
    // 某队 主场 迎战 某省队: a word that names a body by a name of its own (a place, a known name) is another body.
    if (unit && ownName(ctx, w.text, suffix)) return -1;
    // 公司 的, 医院 门口: a unit is a word of its own that ends in a kind of body.
    if (unit && (w.text.length >= 2 || n > 0)) return w.end;
    if (!UNIT_WORD_TAGS.test(w.tag) || BREAK_WORDS.has(w.text)) return -1;
    // A verb only right before the unit's kind: 招生/v 办公室, not 迎战/v 某地/n 代表队.
    if (w.tag === 'v') verb = true;
    else if (verb) return -1;
  }
  return -1;
}

/** 某省队, 杭州医院: the head of a body's word (before its suffix) is a known name or place. */
function ownName(ctx: TagContext, word: string, suffix: string | undefined): boolean {
  const head = suffix ? word.slice(0, word.length - suffix.length) : word.slice(0, -1);
  return head.length >= 2 && (ctx.dicts.surfaces.has(head) || properWord(ctx, head));
}

/**
 * A unit of a body is named with its parent: 某大学 + 物理系, 某大学 + 招生办公室, 某日报 + 社. Parents are the
 * organizations found so far; the unit needs no proper name of its own.
 */
export function recognizeOrgUnits(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const { text } = ctx;
  for (const c of candidates) {
    if (c.type !== 'org' || c.end - c.start < 2) continue;
    // 某日报 + 社长: the paper's office is named by the paper.
    // Teams have no units: 某队 + 主场 is no name.
    if (c.canonical.endsWith('队')) continue;
    const end = c.canonical.endsWith('报') && text[c.end] === '社' ? c.end + 1 : unitEnd(ctx, c.end);
    if (end < 0) continue;
    out.push({ start: c.start, end, type: 'org', canonical: text.slice(c.start, end), tier: Tier.rule });
  }
  return out;
}
