// Organizations and places found by their last word: 公司 集团 大学 委员会 … and 省 市 县 镇 湖 港 ….
// The name before the suffix is grown leftwards over noun-like tokens, so 浙江省发展规划研究院 comes out whole.
import type { Token } from '../../schema.js';
import type { Candidate, TagContext } from './types.js';
import { Tier } from './types.js';
import { isCommonWord, jiebaLexicon } from './lexicon.js';
import { indexSuffixes, suffixOf } from './dictionary.js';
import { titleFollows } from './context.js';
import { codeTable, LEVELS, wordClass, type Word } from './words.js';

const indexes = new WeakMap<string[], Map<string, string[]>>();
/** Suffix lists indexed by last character, built once per dictionary. */
function suffixIndex(list: string[]): Map<string, string[]> {
  let index = indexes.get(list);
  if (!index) {
    index = indexSuffixes(list);
    indexes.set(list, index);
  }
  return index;
}

const CJK = /^[\u3400-\u9fff]+$/;
/** POS tags that can be part of a name: nouns, proper nouns, abbreviations, unknown words, English, some modifiers. */
const NAME_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'x', 'eng', 'vn', 'b', 'an', 'l', 'ng', 'nx', 's']);
/** Words that count or qualify bodies instead of naming one (两国有关公司, 全国性报纸, 双方代表团). */
const COUNTED_OR_VAGUE = ['两国', '三国', '各国', '多国', '两岸', '双方', '各方', '有关', '相关', '全国性', '地方性', '国际性', '世界性', '区域性', '综合性', '众多', '多家', '若干'];
/** Words that never start or sit inside an organization name although tagged like nouns. */
const BREAK_WORDS = new Set(['的', '和', '与', '及', '或', '等', '由', '在', '对', '为', '从', '向', '将', '把', '被', '是', '有', '这', '该', '其', '本', '各', '全', '我', '我们', '他们', '其中', '以及', '包括', '一个', '一家', '这个', '成员', '单位', '代表', '负责人', '同志', '联合', '牵头', '组建', '成立', '举办', '主办', '承办', '指导', '发起', '来自', '记者', '本报', '本报讯', '据', '讯', '电', '日电', '战胜', '击败', '会见', '会晤', '荣获', '获得', '前往', '访问', '所属', '下属', '直属', '原', '位于', '深化', '推进', '推动', '加强', '建设', '打造', '构建', '支持', '参与', '加快', '促进', '实施', '开展', '形成', '完善', '提升', '建立', '共建', '携手', '依托', '围绕', ...COUNTED_OR_VAGUE]);
/** Heads that make a generic noun phrase, not a name (示范区, 开发区 are descriptions, not places). */
const GENERIC_PLACE = new Set(['地区', '社区', '园区', '城区', '景区', '市区', '郊区', '山区', '湖区', '港区', '示范区', '开发区', '先行区', '合作区', '功能区', '自贸区', '高新区', '新区', '片区', '辖区', '省市', '县市', '城市', '都市', '本市', '全市', '全省', '全县', '我省', '我市', '该市', '该县', '该省', '各省', '各市', '外省', '建制镇', '乡镇', '村镇', '城镇', '小城镇', '大城市', '中小城市', '大中城市', '港口城市', '老城区', '山村', '河村', '农村', '乡村', '江河', '湖泊', '河湖', '山川', '江山', '港口', '海港', '沿海', '火海', '如山']);

/** Words ending in a one-character organization suffix that are not organizations. */
const NOT_ORG_WORDS = new Set(['格局', '新格局', '院所', '科研院所', '中南部', '东南部', '西南部', '东北部', '西北部', '中部', '干部', '全部', '内部', '外部', '东部', '西部', '南部', '北部', '中部', '局部', '腹部', '头部', '底部', '顶部', '面部', '大部', '格局', '布局', '结局', '大局', '全局', '时局', '政局', '当局', '僵局', '困局', '变局', '乱局', '危局', '开局', '终局', '残局', '出局', '战局', '平局', '骗局', '饭局', '棋局', '赌局', '定局', '迷局', '败局', '胜局', '新局', '政委', '舞厅', '歌厅', '饭厅', '音乐厅', '咖啡厅', '营业厅', '候车厅', '售票厅', '大厅', '客厅', '餐厅', '展厅', '门厅', '部署', '签署', '主办', '承办', '举办', '创办', '协办', '合办', '部队', '军队', '球队', '带队', '率队', '归队', '入队', '列队', '组队', '站队', '跟队', '团队', '车队', '舰队', '梯队', '排队', '强队', '弱队', '两院', '主委', '编委', '常委', '党委', '政党', '入党', '建党', '全党', '我党', '工厂', '厂家', '建厂', '出厂', '进厂', '回厂', '全厂', '本厂', '该厂']);

/** One-character suffixes of state bodies, whose common words (管理局, 教育厅) still name a body after a place. */
const STATE_BODY_CHARS = new Set([...'局厅委署']);

/** 村干部, 后备干部: a word that ends in one of the ordinary words above is no organization either. */
function endsInOrdinaryWord(word: string): boolean {
  for (let k = 0; k <= word.length - 2; k++) if (NOT_ORG_WORDS.has(word.slice(k))) return true;
  return false;
}

const ADMIN_SUFFIX = new Set(['省', '市', '县', '区', '镇', '乡', '村', '州', '旗', '盟', '自治区', '自治州', '自治县', '特别行政区', '街道']);

/** Characters of function words and verbs that the segmenter glues into unknown words (这是, 需向, 逼平). */
const FUNCTION_CHARS = /[这那是了在向被把从将需与和及或对为给让由其该此各逼战胜平败负获称说能如原刚首出]/;

/** 三大, 两大 (the three largest …): counted words the segmenter leaves unknown. */
const COUNTED_X = /^[一二三四五六七八九十两几数]+大$/;

function isBreak(t: Token): boolean {
  if (t.tag === 'x' && (FUNCTION_CHARS.test(t.text) || COUNTED_X.test(t.text))) return true;
  return BREAK_WORDS.has(t.text) || !NAME_TAGS.has(t.tag) || !/^[\u3400-\u9fffA-Za-z0-9]+$/.test(t.text);
}

/** True when the text at [start, end) is a dictionary place or a segmenter place. */
function isPlaceAt(ctx: TagContext, start: number, end: number): boolean {
  const hit = ctx.dicts.surfaces.get(ctx.text.slice(start, end));
  if (hit) return hit.type === 'place';
  const i = ctx.tokenAt[start] ?? -1;
  const t = i >= 0 ? ctx.tokens[i] : undefined;
  return !!t && t.end === end && t.tag === 'ns';
}

function knownPlace(ctx: TagContext, t: Token): boolean {
  return t.text.length >= 2 && ctx.dicts.surfaces.get(t.text)?.type === 'place';
}

function placeLikeToken(ctx: TagContext, t: Token): boolean {
  return placeLike(t, ctx.tables.word(t.text));
}

/** A segmenter place, or a place of the dictionaries of two or more characters. */
function placeLike(t: Token, w: Word): boolean {
  // 非上市/ns, 非营利/ns: the segmenter's place tag on a negated modifier.
  if (!w.hit && DESCRIPTIVE_HEAD.test(t.text)) return false;
  return t.tag === 'ns' || (t.text.length >= 2 && w.hit?.type === 'place');
}

/** Ordinal and cardinal numbers that number a body of a place: 第二, 二十一, 101. */
const NUMBERED = /^(第?[一二三四五六七八九十百零〇]+|第?[0-9０-９]{1,3})$/;
/** The middle dot of foreign names (约翰·史密斯), as the segmenter leaves it. */
const NAME_DOT = /^[·•・]$/;

/** Index of the first token of the name that ends at token `last` (exclusive of the suffix part). */
function growLeft(ctx: TagContext, last: number, maxChars: number, allowVerbs = false): number {
  const { tokens, text } = ctx;
  let first = last + 1;
  let i = last;
  const end = tokens[last]?.end ?? 0;
  let verbs = 0;
  let placed = false;
  while (i >= 0) {
    const t = tokens[i] as Token;
    // 江苏省南通市海安市委: only the nearest place of a chain belongs to the name; the others stay places.
    if (placed && knownPlace(ctx, t)) break;
    const prev = tokens[i + 1];
    if (prev && t.end !== prev.start) break; // a space or a dropped character separates them
    // 约翰·史密斯公司: the dot inside a foreign name, between two words of it.
    if (NAME_DOT.test(t.text) && prev && i > 0 && CJK.test((tokens[i - 1] as Token).text) && (tokens[i - 1] as Token).end === t.start) {
      first = i;
      i--;
      continue;
    }
    if (t.text === ')' || t.text === '）') {
      // A bracketed place inside a company name: 本源量子计算科技(合肥)股份有限公司.
      const open = tokens.slice(Math.max(0, i - 4), i).findLastIndex((x) => x.text === '(' || x.text === '（');
      if (open < 0) break;
      const openIdx = Math.max(0, i - 4) + open;
      const inner = text.slice((tokens[openIdx] as Token).end, t.start);
      if (!CJK.test(inner) || inner.length > 6) break;
      i = openIdx - 1;
      first = openIdx;
      continue;
    }
    // 中/f 国/n: a dictionary name the segmenter cut into pieces is one name-like unit.
    const known = knownSpanEndingAt(ctx, i);
    if (known >= 0) {
      if (end - (tokens[known] as Token).start > maxChars) break;
      first = known;
      i = known - 1;
      continue;
    }
    // 杭州/ns 第二/m 中学, 某市 101/m 中学: a number inside a name, after its place (numbered schools, hospitals).
    if (NUMBERED.test(t.text) && t.tag === 'm' && i > 0 && placeLikeToken(ctx, tokens[i - 1] as Token) && (tokens[i - 1] as Token).end === t.start) {
      first = i;
      i--;
      continue;
    }
    // 国家水文统计委员会, 全国渔业工作协调委员会: a two-character verb inside a name, if a name goes on before it.
    const softVerb = allowVerbs && verbs === 0 && t.tag === 'v' && t.text.length === 2 && !BREAK_WORDS.has(t.text) && i > 0 && !isBreak(tokens[i - 1] as Token);
    if (isBreak(t) && !softVerb) break;
    if (softVerb && isBreak(t)) verbs++;
    if (end - t.start > maxChars) break;
    if (knownPlace(ctx, t)) placed = true;
    first = i;
    i--;
  }
  return first;
}

/** First token of a dictionary place or organization of 2+ tokens ending with token `i`, or -1. */
function knownSpanEndingAt(ctx: TagContext, i: number): number {
  const { tokens, text, dicts } = ctx;
  const end = (tokens[i] as Token).end;
  for (let j = Math.max(0, i - 2); j < i; j++) {
    const hit = dicts.surfaces.get(text.slice((tokens[j] as Token).start, end));
    if (hit && hit.type !== 'person') return j;
  }
  return -1;
}

/** First of the one or two tokens before token `i` that start a known organization ending at `end`, or `i`. */
function knownOrgCutAt(ctx: TagContext, i: number, end: number): number {
  for (let j = Math.max(0, i - 2); j < i; j++) {
    if (ctx.dicts.surfaces.get(ctx.text.slice((ctx.tokens[j] as Token).start, end))?.type === 'org') return j;
  }
  return i;
}

/** Bodies whose names may hold a verb (国家水文统计委员会, 长三角语言计算创新联合体). */
const VERB_BODIES = new Set(['委员会', '联合会', '联合体', '工作组', '协会', '学会', '研究会', '促进会', '理事会', '领导小组', '办公室', '联盟']);

/** Titles the segmenter glues to an organization's last word (银行行长, 公司总裁, 党组书记). */
const TITLE_AFTER_ORG = ['行长', '总裁', '副总裁', '董事长', '总经理', '书记', '副书记', '主任', '院长', '校长', '会长', '社长', '所长', '局长', '主席', '秘书长'];
/** Their last characters: the list is searched only for words ending in one. */
const TITLE_AFTER_ORG_LAST = codeTable(TITLE_AFTER_ORG.map((w) => w[w.length - 1]).join(''));
/** Last characters of the words recognizeOrgSuffixes cuts before reading their suffix: 长, 副 and those above. */
const ORG_WORD_TAIL = codeTable(['长', '副', ...TITLE_AFTER_ORG.map((w) => w[w.length - 1])].join(''));

/** Suffixes whose head is titled X长 (部长, 局长, 社长 …). */
const HEAD_OF = new Set([...'部局厅司社委署']);

/** Words an organization name may start with although they are common nouns. */
const HEAD_WORDS = new Set(['国家', '国际', '全国', '中央', '世界', '中华', '人民', '亚洲', '欧洲', '全球', '最高', '联合', '首都']);

/** 秘鲁 in the one word 秘鲁队: a known name, or a word the segmenter's lexicon knows as a proper noun. */
function properWord(ctx: TagContext, word: string): boolean {
  if (word.length >= 2 && ctx.dicts.surfaces.has(word)) return true;
  const tag = jiebaLexicon().get(word)?.tag;
  return !!tag && ['ns', 'nt', 'nz', 'nr', 'nrt', 'j'].includes(tag);
}

/**
 * Heads that describe a kind instead of naming one: a negation (非上市), a manner or a type (开放式, 全国性,
 * 新型, 国家级, 各类). The segmenter tags some proper (非上市/ns, 开放式/nz); a body after them is described.
 */
export const DESCRIPTIVE_HEAD = /^(非|无|多|泛)[\u3400-\u9fff]+$|^[\u3400-\u9fff]+(式|性|型|级|类|化)$/;

function properHead(ctx: TagContext, t: Token, personOk = false): boolean {
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

/** A known place of the country's own gazetteers (香港, 杭州), not a country, a continent or a world city. */
function domesticPlace(ctx: TagContext, t: Token): boolean {
  const hit = ctx.dicts.surfaces.get(t.text);
  if (t.text.length < 2 || hit?.type !== 'place') return false;
  return !/^(world|countries)/.test(ctx.dicts.entries.get(hit.canonical)?.file ?? '');
}

/** Kinds of body that a place before them only locates: 香港银行 are banks in Hong Kong. */
const GENERIC_KINDS = new Set(['银行', '公司', '企业', '集团', '机构', '中心']);

/** Kinds of company and factory, which take a person's, a family's or a brand's name (史密斯公司, 红旗机械厂). */
const COMPANY_KINDS = new Set(['公司', '有限公司', '股份有限公司', '有限责任公司', '集团', '集团公司', '厂']);

/** Bodies commonly named by their field alone (园艺出版社, 航道管理局, 评审领导小组办公室). */
const DESCRIBED_BODIES = new Set(['出版社', '管理局', '研究所', '研究院', '委员会', '办公室', '领导小组', '电视台', '报社', '杂志社', '工作组', '办事处', '管理处', '促进会', '研究会', '基金会', '联合会', '艺术团', '剧团', '乐团', '合唱团', '训练团', '检察院', '设计院', '分院', '分局', '总局', '总厂', '分厂', '筹委会', '组委会']);

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
      !(before && (before.tag === 'nt' || before.tag === 'x' || before.tag.startsWith('nr') || before.tag === 'b' || ['副', '代理', '常务', '前', '原'].includes(before.text) || HEAD_OF.has(before.text[before.text.length - 1] ?? '')));
    // 银行行长, 公司总裁, 党组书记: a multi-character suffix glued to a title; the name ends before the title.
    const title = !titled && tok.text.length >= 4 && TITLE_AFTER_ORG_LAST[tok.text.charCodeAt(tok.text.length - 1)] ? TITLE_AFTER_ORG.find((w) => tok.text.endsWith(w)) : undefined;
    const rest = title ? tok.text.slice(0, -title.length) : '';
    const glued = rest.length >= 2 && (suffixOf(orgIndex, rest)?.length ?? 0) >= 2;
    // 规划/n 部副/n 部长/n: the segmenter glued 副 of the title to the body's last character.
    const deputy = !titled && !glued && tok.text.length >= 2 && tok.text.endsWith('副') && !!tokens[i + 1] && ctx.dicts.titleSet.has((tokens[i + 1] as Token).text);
    const t: Token = titled || deputy ? { ...tok, text: tok.text.slice(0, -1), end: tok.end - 1, tag: 'n' } : glued ? { ...tok, text: rest, end: tok.end - (title?.length ?? 0), tag: 'n' } : tok;
    const suffix = t === tok ? (ctx.words[i] as Word).orgSuffix : suffixOf(orgIndex, t.text);
    if (!suffix) return;
    const single = suffix.length === 1;
    // 签署, 举办, 干部, 西北部: verbs and ordinary nouns that merely end in a one-character suffix.
    // A ministry cut from its minister's title (泰国农业部长) is a body, however common the word.
    // The same when the head's title follows as a word of its own (X部 部长).
    const headFollows = single && HEAD_OF.has(suffix) && tokens[i + 1]?.text === `${suffix}长` && tokens[i + 1]?.start === tok.end;
    // 管理局, 教育厅, 交通委: a common word of a state body still names one after a place (江苏省教育厅).
    const stateBody = STATE_BODY_CHARS.has(suffix);
    if (single && t.text !== suffix && (!['n', 'nt', 'j', 'nz'].includes(t.tag) || endsInOrdinaryWord(t.text) || (!titled && !headFollows && !stateBody && isCommonWord(t.text, 500)))) return;
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
    if (t.text.length > suffix.length && GENERIC_KINDS.has(suffix) && isCommonWord(t.text, 1) && HEAD_WORDS.has(name.slice(0, name.length - t.text.length))) return;
    // 香港银行, 日本公司: a place and a bare generic kind say where banks or companies are, they name none
    // (a bank named so, 上海银行, is a word of the segmenter's or the dictionaries'). A country or a
    // continent and 银行 is how national banks are named (日本银行, 美洲银行): those stand.
    if (first === i - 1 && t.text === suffix && GENERIC_KINDS.has(suffix) && domesticPlace(ctx, tokens[first] as Token)) return;
    if (name.length < (single ? 3 : 4) && !(ownHead > 0 && name.length >= 3)) return;
    if (!described && (single || ['委', '办', '局', '厅', '部', '处', '院', '署', '社', '会', '所', '队', '厂', '党', '团'].includes(suffix.slice(-1)))) {
      // Short suffixes need a proper head: a place (江苏省交通运输厅) or a known or unknown proper noun.
      const head = tokens[first] as Token;
      const proper = (first === i && (ministry || properWord(ctx, t.text.slice(0, ownHead)))) || placeLikeToken(ctx, head) || ['nt', 'nz', 'x', 'eng', 'j'].includes(head.tag) || dicts.surfaces.has(head.text) || (first < i && properHead(ctx, head, personOk));
      if (!proper) return;
    }
    out.push({ start, end: t.end, type: 'org', canonical: name, tier: Tier.rule });
  });
  return out;
}

/** Places: a proper-noun token followed by a place suffix (杨舍 + 镇, 丰禾 + 县), or one token that is both. */
export function recognizePlaceSuffixes(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    const w = ctx.words[i] as Word;
    const suffix = w.placeSuffix;
    if (!suffix) return;
    if (t.text === suffix) {
      const prev = tokens[i - 1];
      if (!prev || prev.end !== t.start || !(ctx.words[i - 1] as Word).cjk || prev.text.length > 4) return;
      if (!['ns', 'nr', 'nrt', 'nz', 'x', 'j'].includes(prev.tag) && !isPlaceAt(ctx, prev.start, prev.end)) return;
      const name = text.slice(prev.start, t.end);
      if (GENERIC_PLACE.has(name)) return;
      out.push({ start: prev.start, end: t.end, type: 'place', canonical: name, tier: Tier.rule });
      return;
    }
    // One word ending in an administrative suffix (杨舍镇); natural features (江 山 湖) end many personal names.
    if (ADMIN_SUFFIX.has(suffix) && !DESCRIPTIVE_HEAD.test(t.text) && !t.text.endsWith('地区') && t.text.length >= 3 && t.text.length <= 6 && w.cjk && ['nr', 'nrt', 'nz', 'x', 'ns'].includes(t.tag) && !GENERIC_PLACE.has(t.text) && !GENERIC_PLACE.has(t.text.slice(1))) {
      out.push({ start: t.start, end: t.end, type: 'place', canonical: t.text, tier: Tier.rule });
    }
  });
  return out;
}

/** A country or region before a known organization belongs to its name: 巴西外交部, 中国全国妇联. */
export function recognizePlacePrefixedOrgs(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, dicts } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!placeLike(t, ctx.words[i] as Word)) continue;
    const orgs = dicts.trie.matchesAt(text, t.end, 2).filter((m) => m.value.type === 'org');
    // 中国国家体委, 河南省残联: the segmenter's own organization words count too.
    const next = ctx.tokens[(ctx.tokenAt[t.end] ?? -1)];
    if (next && next.tag === 'nt' && next.text.length >= 2 && !dicts.surfaces.has(next.text)) orgs.push({ end: next.end, value: { type: 'org', canonical: next.text, primary: true } });
    orgs.sort((a, b) => a.end - b.end);
    const longest = orgs[orgs.length - 1];
    if (!longest || ((ctx.tokenEndingAt[longest.end] ?? -1) < 0 && !titleFollows(ctx, longest.end))) continue;
    const name = text.slice(t.start, longest.end);
    // Only bodies of a state take their country into the name (巴西外交部); companies stay themselves.
    if (!/[部委局署厅办院会协联省]$/.test(longest.value.canonical)) continue;
    out.push({ start: t.start, end: longest.end, type: 'org', canonical: dicts.surfaces.get(name)?.canonical ?? name, tier: Tier.rule });
  }
  return out;
}

/**
 * Party congresses and their sessions: 十五大, 中共十九大, 党的二十大. They are events, not organizations
 * nor persons (the segmenter tags 二十大 nrt), and the entity types hold no events: these spans are kept
 * free of mentions (14th five-year plan, 十四五, is neither and no congress).
 */
export function congressSpans(ctx: TagContext): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of ctx.text.matchAll(/(?:中共|党的)?(?:十[一二三四五六七八九]?|二十[一二三四五六七八九]?)大(?![学型会概批多小量家众型楼厦])/g)) {
    const start = m.index ?? 0;
    // 十大: a ranking ("top ten"), not a congress; congresses from the 11th on are meant.
    if (m[0] === '十大') continue;
    out.push({ start, end: start + m[0].length });
  }
  return out;
}

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
    !!t && CJK.test(t.text) && t.text.length >= 2 && t.text.length <= 4 && !FUNCTION_CHARS.test(t.text[0] ?? '') && !BREAK_WORDS.has(t.text) && !isCommonWord(t.text, 300) && ['n', 'nz', 'nr', 'nrt', 'x', 'j', 'nt'].includes(t.tag) && dicts.surfaces.get(t.text)?.type !== 'person';
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
      const start = p2 && p2.end === prev.start && p2.text.length === 2 && ['n', 'nz', 'x'].includes(p2.tag) && !BREAK_WORDS.has(p2.text) && !FUNCTION_CHARS.test(p2.text) ? p2.start : prev.start;
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

/** Suffixes of towns, villages and temples, which the segmenter often splits or glues (X/x X镇/x). */
const SMALL_PLACE_LAST = codeTable('镇乡村寺');
/** Tags that never sit inside such a name: function words, verbs, numbers, time and position words. */
const NOT_IN_SMALL_PLACE = /^(p|c|u|uj|ul|ud|uz|d|v|vn|r|m|mq|q|f|t|x?eng)$/;

/**
 * Towns, villages and temples: one word of 3-4 characters ending in 镇 乡 村 寺, or 2-3 characters cut into
 * short pieces before the suffix (红石镇, 青松/n 乡/n). The span must start and
 * end on the segmenter's word bounds, and the name before the suffix must hold no frequent word (农村乡镇).
 */
export function recognizeSmallPlaces(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text, dicts } = ctx;
  tokens.forEach((t, i) => {
    if (!SMALL_PLACE_LAST[t.text.charCodeAt(t.text.length - 1)] || !(ctx.words[i] as Word).cjk || (ctx.words[i] as Word).hit) return;
    if (t.text.length >= 3 && t.text.length <= 4) {
      // The segmenter's own place tag (X寺/ns) outweighs a stem that is also a word.
      const generic = GENERIC_PLACE.has(t.text) || GENERIC_PLACE.has(t.text.slice(1)); // 各乡镇, 新农村
      if (['n', 'nr', 'nz', 'x', 'ns', 'nrt'].includes(t.tag) && !generic && (t.tag === 'ns' || (!isCommonWord(t.text, 1) && !isCommonWord(t.text.slice(0, -1), 300)))) {
        out.push({ start: t.start, end: t.end, type: 'place', canonical: t.text, tier: Tier.rule });
      }
      return;
    }
    if (t.text.length > 2) return;
    // Walk back over one-character and two-character pieces until the stem has 2-3 characters.
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const p = tokens[k] as Token;
      const nextTok = tokens[k + 1] as Token;
      if (p.end !== nextTok.start || !CJK.test(p.text) || p.text.length > 2 || NOT_IN_SMALL_PLACE.test(p.tag) || BREAK_WORDS.has(p.text)) return;
      if (p.text.length === 2 && (isCommonWord(p.text, 300) || dicts.surfaces.has(p.text))) return;
      const stem = t.end - 1 - p.start;
      if (stem < 2) continue;
      if (stem > 3) return;
      // The first piece must open the name: a break, a preposition or a verb before it.
      const before = tokens[k - 1];
      if (before && before.end === p.start && !/^(p|v|uj|c|x|r|m|q|d|ns)$/.test(before.tag)) return;
      if (before && before.tag === 'x' && CJK.test(before.text)) return;
      const name = text.slice(p.start, t.end);
      // 小/a 城镇, 各/r 乡镇: an adjective before a generic word (城镇, 乡镇) describes; a bound character names.
      if (isCommonWord(name, 1) || GENERIC_PLACE.has(name) || (GENERIC_PLACE.has(t.text) && !/^(zg|ng|n|nr|x|ns|nz|j)$/.test(p.tag))) return;
      out.push({ start: p.start, end: t.end, type: 'place', canonical: name, tier: Tier.rule });
      return;
    }
  });
  return out;
}


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
    const start = prev && prev.end === t.start && CJK.test(prev.text) && prev.text.length <= 3 && /^(n|nr|ns|nz|x|j)$/.test(prev.tag) && !isBreak(prev) ? prev.start : t.start;
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
    if (!CJK.test(w.text) || isBreak(w) && !UNIT_WORD_TAGS.test(w.tag)) return -1;
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

/** Place suffixes whose party committee is named by the place and 委 (某县委, 某市委). */
const COMMITTEE_LEVEL = /[省市县区州旗]$/;

/**
 * 某县委 cut as 某县/ns 委副/x 书记: the segmenter glued 委 to the next character. A place of a level and 委 is
 * its party committee, unless 委 starts a word of its own (委托, 委派, 委员会).
 */
export function recognizeGluedCommittees(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = ctx;
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (!next || next.start !== t.end || !next.text.startsWith('委') || !COMMITTEE_LEVEL.test(t.text) || t.text.length < 3) return;
    if (!isPlaceAt(ctx, t.start, t.end)) return;
    if (next.text.length > 1 && next.tag !== 'x') return;
    out.push({ start: t.start, end: t.end + 1, type: 'org', canonical: text.slice(t.start, t.end + 1), tier: Tier.rule });
  });
  return out;
}

/** Kinds of organization that an enumeration before 等 can name (甲、乙等企业, 丙和丁等国内公司). */
const LISTED_KINDS = /(企业|公司|集团|厂家|厂商|银行|大学|高校|院校|医院|报社|媒体|机构|团体|球队|俱乐部)$/;
/** People of a body, after its kind: 等公司高管, 等企业负责人. */
const PEOPLE_OF_BODIES = new Set(['高管', '员工', '职工', '领导', '负责人', '代表', '人士', '老总', '老板', '干部']);
/** Separators of an enumeration. */
const LIST_SEPARATORS = new Set(['、', '和', '与', '及']);

/** True when `t` can be one item of an enumerated list of names: one uncommon word, no known place or person. */
function listedName(ctx: TagContext, t: Token): boolean {
  if (!CJK.test(t.text) || t.text.length < 2 || t.text.length > 4 || isBreak(t) && t.tag !== 'x') return false;
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

/** Missions abroad, named by the sending body or country, 驻 and where they are: 中国驻日本大使馆. */
const MISSION = /(大使馆|使馆|总领事馆|领事馆|代表处|办事处|记者站|代表团|分社)$/;

/**
 * 中国/ns 驻/v 日本大使馆/nt, 某社/nt 驻/v 东京/ns 记者站: a country or a body, 驻 and a mission make one name.
 * The mission found so far (日本大使馆) starts right after 驻.
 */
export function recognizeMissions(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = ctx;
  for (const c of candidates) {
    if (c.type !== 'org' || !MISSION.test(c.canonical)) continue;
    const k = ctx.tokenEndingAt[c.start] ?? -1;
    const zhu = tokens[k];
    const sender = tokens[k - 1];
    if (!zhu || zhu.text !== '驻' || !sender || sender.end !== zhu.start) continue;
    if (!placeLikeToken(ctx, sender) && ctx.dicts.surfaces.get(sender.text)?.type !== 'org' && sender.tag !== 'nt') continue;
    out.push({ start: sender.start, end: c.end, type: 'org', canonical: text.slice(sender.start, c.end), tier: Tier.rule });
  }
  return out;
}
