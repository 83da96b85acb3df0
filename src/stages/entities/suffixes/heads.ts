// Where an organization name starts: at a proper word (a place, a name, an abbreviation), not at a word
// that describes a kind (非上市, 全国性).
import type { Token } from '../../../schema.js';
import { jiebaLexicon } from '../lexicon.js';
import type { TagContext } from '../types.js';
import { CJK } from './breaks.js';

/** Words an organization name may start with although they are common nouns. */
export const HEAD_WORDS = new Set(['国家', '国际', '全国', '中央', '世界', '中华', '人民', '亚洲', '欧洲', '全球', '最高', '联合', '首都']);

/** 秘鲁 in the one word 秘鲁队: a known name, or a word the segmenter's lexicon knows as a proper noun. */
export function properWord(ctx: TagContext, word: string): boolean {
  if (word.length >= 2 && ctx.dicts.surfaces.has(word)) return true;
  const tag = jiebaLexicon().get(word)?.tag;
  return !!tag && ['ns', 'nt', 'nz', 'nr', 'nrt', 'j'].includes(tag);
}

/**
 * Heads that describe a kind instead of naming one: a negation (非上市), a manner or a type (开放式, 全国性,
 * 新型, 国家级, 各类). The segmenter tags some proper (非上市/ns, 开放式/nz); a body after them is described.
 */
export const DESCRIPTIVE_HEAD = /^(非|无|多|泛)[\u3400-\u9fff]+$|^[\u3400-\u9fff]+(式|性|型|级|类|化)$/;

export function properHead(ctx: TagContext, t: Token, personOk = false): boolean {
  if (DESCRIPTIVE_HEAD.test(t.text) && !ctx.dicts.surfaces.has(t.text)) return false;
  if (HEAD_WORDS.has(t.text)) return true;
  // 史密斯公司, 王记集团: companies are often named after a person or a family.
  if (personOk && t.tag.startsWith('nr') && CJK.test(t.text) && t.text.length >= 2) return true;
  // 中/f 国/n: the start of a dictionary name cut into pieces.
  if (ctx.dicts.trie.matchesAt(ctx.text, t.start, 2).some((m) => m.value.type !== 'person' && (ctx.tokenEndingAt[m.end] ?? -1) >= 0)) return true;
  // Person tags are left out: the segmenter calls many words names (东道主), and persons rarely start an organization name.
  if (['ns', 'nt', 'nz', 'x', 'j', 'eng'].includes(t.tag) && /[\u3400-\u9fffA-Za-z]/.test(t.text)) return true;
  return t.text.length >= 2 && ctx.dicts.surfaces.has(t.text);
}
