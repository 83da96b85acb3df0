// Organizations found by their last word (公司 集团 大学 委员会 …), the name grown leftwards to its first
// proper word; titles glued to the body (银行行长, 农业部长) are cut off first.
import type { Token } from '../../../schema.js';
import { suffixOf } from '../dictionary.js';
import { isCommonWord, jiebaLexicon } from '../lexicon.js';
import { type Candidate, type TagContext, Tier } from '../types.js';
import { codeTable, type Word } from '../words.js';
import { NAME_DOT, growLeft, knownOrgCutAt } from './grow-left.js';
import { HEAD_WORDS, properHead, properWord } from './heads.js';
import { domesticPlace, placeLikeToken } from './known-places.js';
import { STATE_BODY_CHARS, endsInOrdinaryWord } from './ordinary-words.js';
import { suffixIndex } from './suffix-index.js';

/** Bodies whose names may hold a verb (国家水文统计委员会, 长三角语言计算创新联合体). */
const VERB_BODIES = new Set(['委员会', '联合会', '联合体', '工作组', '协会', '学会', '研究会', '促进会', '理事会', '领导小组', '办公室', '联盟']);

/** Titles the segmenter glues to an organization's last word (银行行长, 公司总裁, 党组书记). */
const TITLE_AFTER_ORG = [
  '行长',
  '总裁',
  '副总裁',
  '董事长',
  '总经理',
  '书记',
  '副书记',
  '主任',
  '院长',
  '校长',
  '会长',
  '社长',
  '所长',
  '局长',
  '主席',
  '秘书长',
];

/** Their last characters: the list is searched only for words ending in one. */
const TITLE_AFTER_ORG_LAST = codeTable(TITLE_AFTER_ORG.map((w) => w[w.length - 1]).join(''));

/** Last characters of the words recognizeOrgSuffixes cuts before reading their suffix: 长, 副 and those above. */
const ORG_WORD_TAIL = codeTable(['长', '副', ...TITLE_AFTER_ORG.map((w) => w[w.length - 1])].join(''));

/** Suffixes whose head is titled X长 (部长, 局长, 社长 …). */
const HEAD_OF = new Set([...'部局厅司社委署']);

/** Kinds of body that a place before them only locates: 香港银行 are banks in Hong Kong. */
const GENERIC_KINDS = new Set(['银行', '公司', '企业', '集团', '机构', '中心']);

/** Kinds of company and factory, which take a person's, a family's or a brand's name (史密斯公司, 红旗机械厂). */
const COMPANY_KINDS = new Set(['公司', '有限公司', '股份有限公司', '有限责任公司', '集团', '集团公司', '厂']);

/** Bodies commonly named by their field alone (园艺出版社, 航道管理局, 评审领导小组办公室). */
const DESCRIBED_BODIES = new Set([
  '出版社',
  '管理局',
  '研究所',
  '研究院',
  '委员会',
  '办公室',
  '领导小组',
  '电视台',
  '报社',
  '杂志社',
  '工作组',
  '办事处',
  '管理处',
  '促进会',
  '研究会',
  '基金会',
  '联合会',
  '艺术团',
  '剧团',
  '乐团',
  '合唱团',
  '训练团',
  '检察院',
  '设计院',
  '分院',
  '分局',
  '总局',
  '总厂',
  '分厂',
  '筹委会',
  '组委会',
]);

/**
 * First token of a field-named body: one or two nouns right before the suffix, not after a counter or a
 * pointer (一家出版社, 该研究所 describe), and not an ordinary compound of the lexicon (保险公司). `i` when none.
 */
function describedHead(ctx: TagContext, grown: number, i: number): number {
  const { tokens } = ctx;
  const first = Math.max(grown, i - 2);
  if (first >= i) return i;
  for (let k = first; k < i; k++) {
    const t = tokens[k] as Token;
    if (!/^(n|vn|nz|j|ng)$/.test(t.tag) || t.text.length < 2) return i;
  }
  const before = tokens[first - 1];
  if (before && before.end === (tokens[first] as Token).start && /^(m|mq|r|rz|q|a|uj|v|c)$/.test(before.tag) && before.text !== '的') {
    if (before.tag !== 'uj' && before.tag !== 'v') return i; // 一家出版社, 和金融工作委员会
  }
  const name = ctx.text.slice((tokens[first] as Token).start, (tokens[i] as Token).end);
  if (jiebaLexicon().has(name)) return i;
  return first;
}

/** Organizations: a name grown leftwards from a token that ends in an organization suffix. */
export function recognizeOrgSuffixes(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, dicts } = ctx;
  const orgIndex = suffixIndex(dicts.orgSuffixes);
  tokens.forEach((tok, i) => {
    // A word that ends in no suffix, and in none of 长, 副 or a title's last character, is left as it is below.
    if (!(ctx.words[i] as Word).orgSuffix && !ORG_WORD_TAIL[tok.text.charCodeAt(tok.text.length - 1)]) return;
    // 丹麦渔业部长, 江南日报社长: the head of an organization glued to its title; the name ends before 长.
    const before = tokens[i - 1];
    const titled =
      tok.text.length >= 2 &&
      tok.text.endsWith('长') &&
      HEAD_OF.has(tok.text[tok.text.length - 2] ?? '') &&
      // 外交部部长, 组织部副部长, 财政部代理部长: the organization is already named before the title.
      // 王建华局长: a person before the title, not an organization.
      !(
        before &&
        (before.tag === 'nt' ||
          before.tag === 'x' ||
          before.tag.startsWith('nr') ||
          before.tag === 'b' ||
          ['副', '代理', '常务', '前', '原'].includes(before.text) ||
          HEAD_OF.has(before.text[before.text.length - 1] ?? ''))
      );
    // 银行行长, 公司总裁, 党组书记: a multi-character suffix glued to a title; the name ends before the title.
    const title =
      !titled && tok.text.length >= 4 && TITLE_AFTER_ORG_LAST[tok.text.charCodeAt(tok.text.length - 1)]
        ? TITLE_AFTER_ORG.find((w) => tok.text.endsWith(w))
        : undefined;
    const rest = title ? tok.text.slice(0, -title.length) : '';
    const glued = rest.length >= 2 && (suffixOf(orgIndex, rest)?.length ?? 0) >= 2;
    // 规划/n 部副/n 部长/n: the segmenter glued 副 of the title to the body's last character.
    const deputy =
      !titled && !glued && tok.text.length >= 2 && tok.text.endsWith('副') && !!tokens[i + 1] && ctx.dicts.titleSet.has((tokens[i + 1] as Token).text);
    const t: Token =
      titled || deputy
        ? { ...tok, text: tok.text.slice(0, -1), end: tok.end - 1, tag: 'n' }
        : glued
          ? { ...tok, text: rest, end: tok.end - (title?.length ?? 0), tag: 'n' }
          : tok;
    const suffix = t === tok ? (ctx.words[i] as Word).orgSuffix : suffixOf(orgIndex, t.text);
    if (!suffix) return;
    const single = suffix.length === 1;
    // 签署, 举办, 干部, 西北部: verbs and ordinary nouns that merely end in a one-character suffix.
    // A ministry cut from its minister's title (泰国农业部长) is a body, however common the word.
    // The same when the head's title follows as a word of its own (X部 部长).
    const headFollows = single && HEAD_OF.has(suffix) && tokens[i + 1]?.text === `${suffix}长` && tokens[i + 1]?.start === tok.end;
    // 管理局, 教育厅, 交通委: a common word of a state body still names one after a place (江苏省教育厅).
    const stateBody = STATE_BODY_CHARS.has(suffix);
    if (
      single &&
      t.text !== suffix &&
      (!['n', 'nt', 'j', 'nz'].includes(t.tag) || endsInOrdinaryWord(t.text) || (!titled && !headFollows && !stateBody && isCommonWord(t.text, 500)))
    )
      return;
    // Verbs inside a name are allowed before bodies (水文统计委员会, 创新联合体), not before 公司 or 中心.
    // 规划/n 建设/vn 部副/n: a known body cut across the suffix's token (建设 + 部) grows as one piece.
    const cut = t.text === suffix ? knownOrgCutAt(ctx, i, t.end) : i;
    let first = growLeft(ctx, cut - 1, 24 - (t.end - (tokens[cut] as Token).start), VERB_BODIES.has(suffix));
    if (first > cut - 1) first = cut;
    // The suffix token may carry part of the name itself (研究院, 联合会): count its own head too.
    const ownHead = t.text.length - suffix.length;
    if (first > i - 1 && ownHead === 0) return; // nothing before a bare suffix
    if (first > i - 1) first = i;
    // The name starts at its first proper word (a place, a name, an abbreviation): 东道主希腊队 → 希腊队,
    // and a suffix after only generic words (保险公司, 航空公司) is a description, not a name.
    const grown = first;
    const personOk = COMPANY_KINDS.has(suffix) || tokens.slice(grown, i).some((x) => NAME_DOT.test(x.text));
    while (first < i && !properHead(ctx, tokens[first] as Token, personOk)) first++;
    // 园艺出版社, 航道管理局: a body named by its field, where the suffix is specific enough to make a name.
    const described = first === i && ownHead === 0 && DESCRIBED_BODIES.has(suffix) && describedHead(ctx, grown, i) < i;
    if (described) first = describedHead(ctx, grown, i);
    // One word (民间组织, 党组织, 秘鲁队): its own head must be a proper name; the segmenter's nt tag is no proof.
    // 内务部长, 农业部长: a ministry named by its field, glued to the minister's title.
    const ministry = titled && ownHead >= 2 && /^(n|vn|nz|j)$/.test(jiebaLexicon().get(t.text.slice(0, ownHead))?.tag ?? '');
    if (first === i && !ministry && (ownHead === 0 || !properWord(ctx, t.text.slice(0, ownHead)))) return;
    const start = (tokens[first] as Token).start;
    const name = text.slice(start, t.end);
    // 国家队, 国家实验室: a generic head word and a suffix describe, they do not name; so does one before a
    // word of the lexicon that ends in the suffix (国际 + 金融中心: an international financial centre).
    if (HEAD_WORDS.has(name.slice(0, name.length - suffix.length))) return;
    if (t.text.length > suffix.length && GENERIC_KINDS.has(suffix) && isCommonWord(t.text, 1) && HEAD_WORDS.has(name.slice(0, name.length - t.text.length)))
      return;
    // 香港银行, 日本公司: a place and a bare generic kind say where banks or companies are, they name none
    // (a bank named so, 上海银行, is a word of the segmenter's or the dictionaries'). A country or a
    // continent and 银行 is how national banks are named (日本银行, 美洲银行): those stand.
    if (first === i - 1 && t.text === suffix && GENERIC_KINDS.has(suffix) && domesticPlace(ctx, tokens[first] as Token)) return;
    if (name.length < (single ? 3 : 4) && !(ownHead > 0 && name.length >= 3)) return;
    if (!described && (single || ['委', '办', '局', '厅', '部', '处', '院', '署', '社', '会', '所', '队', '厂', '党', '团'].includes(suffix.slice(-1)))) {
      // Short suffixes need a proper head: a place (江苏省交通运输厅) or a known or unknown proper noun.
      const head = tokens[first] as Token;
      const proper =
        (first === i && (ministry || properWord(ctx, t.text.slice(0, ownHead)))) ||
        placeLikeToken(ctx, head) ||
        ['nt', 'nz', 'x', 'eng', 'j'].includes(head.tag) ||
        dicts.surfaces.has(head.text) ||
        (first < i && properHead(ctx, head, personOk));
      if (!proper) return;
    }
    out.push({ start, end: t.end, type: 'org', canonical: name, tier: Tier.rule });
  });
  return out;
}
