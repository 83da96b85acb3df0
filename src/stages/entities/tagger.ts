// The entities stage: dictionary longest match + segmenter POS tags + rules, resolved so the longest
// mention wins and nothing overlaps (a place inside an organization name is not a mention of its own).
import type { Token } from '../../schema.js';
import type { EntityDictionaries } from './dictionary.js';
import type { Candidate, LocalMention, TagContext } from './types.js';
import { buildContext as context, endsWord, startsWord, titleFollows } from './context.js';
import { Tier } from './types.js';
import { incrediblePersons, recognizePersons } from './persons/index.js';
import { DESCRIPTIVE_HEAD, congressSpans, recognizeGluedCommittees, recognizeLevelPrefixedOrgs, recognizeListedOrgs, recognizeMissions, recognizeOrgUnits, recognizePeriodicals, recognizeQuotedOrgs, recognizeOrgSuffixes, recognizePlacePrefixedOrgs, recognizePlaceSuffixes, recognizeSmallPlaces, recognizeTeams } from './suffixes/index.js';
import { pairWordFollows, recognizeAbbreviations, spelledByAbbreviations } from './abbreviations.js';
import { isCommonWord, jiebaLexicon } from './lexicon.js';
import { TRANSLITERATION } from './transliteration.js';
import { codeTable, wordClass, type Word } from './words.js';
import { simplifiedReading } from '../../text/fold.js';


/** A place word that only counts places: an optional preposition, numerals, an administrative suffix. */
const COUNTED_PLACE = /^[从在向对到与和由]?[一二三四五六七八九十两几]+(?:省|市|县|区|镇|乡|村|州)$/;
/** Words the segmenter tags nt that name no organization: bare kinds of body (联合会, 科研院所). */
const GENERIC_ORG_WORDS = new Set(['中央', '联合会', '委员会', '协会', '学会', '研究会', '基金会', '科研院所', '院所', '党组织', '民间组织', '上市公司', '新格局',
  // nt words of the segmenter's lexicon that are kinds of place, event or group, not names.
  '中南部', '中西部', '交易会', '音乐会', '音乐厅', '四合院', '公共场所', '黑社会', '党政军', '人民军队', '大中学校', '加工厂', '施工队', '通讯社', '加油站', '党委会', '两院', '文工团']);

/** Words the segmenter tags as places that name no place. */
const NOT_PLACES = new Set(['两国', '各国', '三国', '本国', '外国', '他国', '大国', '小国', '国内', '国外', '全国', '各地', '当地', '本地', '外地', '异地', '内地', '海外', '境外', '境内', '城乡', '城市', '农村', '乡村', '边疆', '沿海', '内陆', '山区', '大城市', '小城镇', '中小城市', '大中城市', '半壁江山', '海港', '长达', '天下', '世界', '全球', '祖国', '故乡', '家乡', '老家', '异国', '他乡', '国际']);

/** 中国人, 中国籍: one character glued to a place by the segmenter still leaves the place a place. */
const PLACE_TAIL = new Set([...'人籍方产制式菜话语队商军']);
/** 新中国, 全中国, and prepositions glued to a place (同法国, 对美国, 到德国). */
const PLACE_PREFIX = new Set([...'新全同对到在从向与和赴访往至经于']);


/**
 * 中国电视台, 中国能: the segmenter glued a place to the words after it; the place still counts when its word is
 * no place of its own (an ns word like 南京路 is one place, found from its tag).
 */
function placeHeadsWord(ctx: TagContext, start: number, end: number, type: string): boolean {
  if (type !== 'place' || !startsWord(ctx, start)) return false;
  const k = ctx.tokenOf[start] ?? -1;
  const t = k >= 0 ? ctx.tokens[k] : undefined;
  if (!t || t.start !== start || t.end <= end || t.end - end > 3) return false;
  if (t.tag !== 'ns') return true;
  // 北京市民/ns: the segmenter's place word is the place and an ordinary noun after it.
  const rest = jiebaLexicon().get(ctx.text.slice(end, t.end));
  return end - start >= 2 && t.end - end >= 2 && !!rest && /^(n|nz|q|vn)$/.test(rest.tag) && !SITE.test(t.text) && !FACILITY.test(t.text);
}

/**
 * 受法国, 驻英国, 德国内政: the segmenter glued a known place to a neighbouring character, by guess (an
 * unknown word, x) or as 国内. The place stands when every word cut across is such a guess; so does a known
 * organization (考入北大后/x).
 */
function gluedByGuess(ctx: TagContext, start: number, end: number, startOk: boolean, endOk: boolean): boolean {
  const guess = (at: number) => {
    const t = ctx.tokens[ctx.tokenOf[at] ?? -1];
    // 美/ns 国有/b: the segmenter read 国有 ("state-owned") across 美国 + 有.
    return !!t && t.text.length <= 3 && (t.tag === 'x' || ((t.text === '国内' || t.text === '国有') && ctx.text[at - 1] !== '国'));
  };
  return (startOk || guess(start)) && (endOk || guess(end - 1));
}

/**
 * 沿海/城市 read as 海城市: a long name whose first character ends an ordinary word of the segmenter's and
 * whose end is a word bound starts in the middle of a phrase, not at a name.
 */
function firstCharClosesWord(ctx: TagContext, start: number, end: number): boolean {
  if (end - start < 3 || startsWord(ctx, start)) return false;
  const t = ctx.tokens[ctx.tokenOf[start] ?? -1];
  return !!t && t.end === start + 1 && t.tag !== 'ns' && isCommonWord(t.text, 100);
}

/**
 * 文化部门, 上海市民: the last character of a name makes an ordinary word (部门, 市民) with what follows it. An
 * organization is then no mention; a place gives way to its shorter form (上海) where that ends on a word bound.
 */
function endsInsideWord(ctx: TagContext, end: number): boolean {
  const t = ctx.tokens[ctx.tokenOf[end - 1] ?? -1];
  if (!t || t.end <= end) return false;
  const tail = ctx.text.slice(end - 1, t.end);
  // 部长 is a title, and 文化部副部长 is cut 文化/部副/部长: the name stands; so does a paper before 社 (日报社).
  return isCommonWord(tail) && !ctx.dicts.titleSet.has(tail) && !tail.endsWith('副') && !ctx.dicts.orgSuffixes.includes(tail);
}

/** A dictionary name from `start` ends right before `end`'s last character (北京 of 北京市 in 北京市民). */
function shorterNameBefore(ctx: TagContext, start: number, end: number): boolean {
  return ctx.dicts.trie.matchesAt(ctx.text, start).some((m) => m.end === end - 1);
}

/** Dictionary names in the text; a short name must line up with the segmenter's words. */
function dictionaryCandidates(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { text, dicts } = ctx;
  for (let i = 0; i < text.length; i++) {
    // One-character abbreviations only in context (abbreviations.ts).
    const matches = dicts.trie.matchesAt(text, i, 2);
    // Indexed, not for-of: this runs at every character, and most positions match nothing.
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k] as (typeof matches)[number];
      const len = m.end - i;
      const startOk = startsWord(ctx, i) || len >= 3 || (m.value.type === 'place' && PLACE_PREFIX.has(text[i - 1] ?? '') && startsWord(ctx, i - 1));
      const endOk = endsWord(ctx, m.end) || len >= 3 || placeHeadsWord(ctx, i, m.end, m.value.type) || (m.value.type === 'place' && PLACE_TAIL.has(text[m.end] ?? '') && (ctx.tokenEndingAt[m.end + 1] ?? -1) >= 0) || titleFollows(ctx, m.end);
      if ((!startOk || !endOk) && !(((m.value.type === 'place' && m.value.primary) || m.value.type === 'org') && gluedByGuess(ctx, i, m.end, startOk, endOk))) continue;
      if (firstCharClosesWord(ctx, i, m.end)) continue;
      if (endsInsideWord(ctx, m.end) && (m.value.type === 'org' || (len >= 3 && shorterNameBefore(ctx, i, m.end)))) continue;
      // 中非经贸, 中非友好: before a pair word a country spelled by two abbreviations is the pair (China and Africa).
      if (len === 2 && m.value.primary && spelledByAbbreviations(ctx, text.slice(i, m.end)) && pairWordFollows(text, m.end)) continue;
      out.push({ start: i, end: m.end, type: m.value.type, canonical: m.value.canonical, tier: Tier.dictionary });
    }
  }
  return out;
}

/** Last characters of real organization names among the segmenter's nt words (it also tags 新格局, 联合体). */
const ORG_FINAL = codeTable('社院部委会局厅办署司队团校所处军党盟馆厂站店庭协联科室园台警央');
/** National teams by their short sports names: 日本女排, 巴西男足 (the segmenter tags them nt). */
const TEAM_SHORT = /[男女][篮足排垒曲手]$/;
/** Kinds of organization of two characters that the last character alone does not tell (大学, 中心). */
const NAMED_KINDS = /(大学|学院|中心|组织|银行|博物院)$/;
/** Last words of named sites and buildings among the segmenter's place words. */
const SITE = /(公园|大桥|博物院|广场|机场|[宫庙寺塔楼阁亭陵祠])$/;
// Sites and buildings too (X宫, X庙, X公园): the segmenter's own place words ending so are named sites.
const PLACE_FINAL = codeTable('省市县区镇乡村州旗岛湖江河山港湾峡岭洲海洋道路街桥城关口宫庙寺塔楼阁亭园陵祠');

/**
 * Segmenter place and organization tags (person tags are read in persons.ts). Its dictionary tags many
 * ordinary words ns (城市, 深度, 东西): two-character places must be known to our dictionaries or end like a place.
 */
function posCandidates(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { dicts } = ctx;
  for (let i = 0; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i] as Token;
    const w = ctx.words[i] as Word;
    if (t.text.length < 2 || !w.cjk || w.blocked) continue;
    // 中美, 沪苏: runs of abbreviations are several places (abbreviations.ts), also before 地区 (港澳地区).
    if (w.abbreviated || (t.text.endsWith('地区') && spelledByAbbreviations(ctx, t.text.slice(0, -2)))) continue;
    const last = t.text.charCodeAt(t.text.length - 1);
    if (t.tag === 'ns') {
      // 非上市/ns: a negated or typed modifier is no place.
      if (w.hit || NOT_PLACES.has(t.text) || DESCRIPTIVE_HEAD.test(t.text)) continue; // known, or a common word
      // 辽宁抚顺: two known places glued into one word are two places.
      const split = splitKnownPlaces(ctx, t.start, t.end);
      if (split) {
        out.push(...split);
        continue;
      }
      // 南亚地区: the region word is not part of the name (沿海地区 names no place at all).
      if (t.text.endsWith('地区') && t.text.length >= 4) {
        if (!NOT_PLACES.has(t.text.slice(0, -2))) out.push({ start: t.start, end: t.end - 2, type: 'place', canonical: t.text.slice(0, -2), tier: Tier.pos });
        continue;
      }
      // 三区, 特大城市, 温州市区: counted or generic areas, not names.
      if (/^[一二三四五六七八九十两百千多各全]/.test(t.text) || /(城市|市区|城区|地带)$/.test(t.text)) continue;
      const freq = w.lex?.freq ?? 0;
      const commonHead = t.text.length >= 3 && isCommonWord(t.text.slice(0, 2), 200) && !dicts.surfaces.has(t.text.slice(0, 2));
      // Unknown to our dictionaries: a place if it ends like one (丰禾县) or is spelled like a foreign name
      // (亚喀巴); the segmenter's other "places" are mostly ordinary words (惠及, 累累硕果).
      const foreign = w.translit;
      // Named sites stay places however well known (a city's main park, a famous bridge).
      const site = t.text.length >= 3 && SITE.test(t.text);
      if (!commonHead && (freq < 200 || site) && (PLACE_FINAL[last] || foreign || site)) {
        out.push({ start: t.start, end: t.end, type: 'place', canonical: t.text, tier: Tier.pos });
      }
    } else if (t.tag === 'nt' && t.text.endsWith('政府')) {
      // 印度政府, 美国政府: a government is named by its country, the place.
      const hit = dicts.surfaces.get(t.text.slice(0, -2));
      if (hit?.type === 'place') out.push({ start: t.start, end: t.end - 2, type: 'place', canonical: hit.canonical, tier: Tier.pos });
    } else if (t.tag === 'nt' && TEAM_SHORT.test(t.text) && t.text.length >= 4) {
      out.push({ start: t.start, end: t.end, type: 'org', canonical: t.text, tier: Tier.pos });
    } else if (t.tag === 'nt' && NAMED_KINDS.test(t.text) && !GENERIC_ORG_WORDS.has(t.text)) {
      // 中南财经政法大学: the lexicon's own organization names; a common word before the kind only
      // describes (a data centre, a commercial bank).
      const head = t.text.replace(NAMED_KINDS, '');
      const proper = dicts.surfaces.has(head) || !isCommonWord(head, 300);
      if (head.length >= 2 && proper) out.push({ start: t.start, end: t.end, type: 'org', canonical: t.text, tier: Tier.pos });
    } else if (t.tag === 'nt' && ORG_FINAL[last] && !GENERIC_ORG_WORDS.has(t.text) && !/(格局|舞台|平台|讲台|站台|后台|前台|擂台|阳台)$/.test(t.text)) {
      out.push({ start: t.start, end: t.end, type: 'org', canonical: t.text, tier: Tier.pos });
    }
  }
  return out;
}

function splitKnownPlaces(ctx: TagContext, start: number, end: number): Candidate[] | null {
  for (let k = start + 2; k <= end - 2; k++) {
    const a = ctx.dicts.surfaces.get(ctx.text.slice(start, k));
    const b = ctx.dicts.surfaces.get(ctx.text.slice(k, end));
    if (a?.type === 'place' && b?.type === 'place') {
      return [
        { start, end: k, type: 'place', canonical: a.canonical, tier: Tier.dictionary },
        { start: k, end, type: 'place', canonical: b.canonical, tier: Tier.dictionary },
      ];
    }
  }
  return null;
}

/** Verbs and prepositions of place: what follows them is where something happens (在亚喀巴, 抵达利马). */
const TO_PLACE = new Set(['在', '到', '抵达', '访问', '前往', '途经', '飞抵', '来自', '位于', '返回', '离开', '赴', '于']);
const TO_PLACE_WORD = wordClass((text) => TO_PLACE.has(text));

/** A word spelled like a foreign name right after 在/抵达/访问 … is a foreign place, not a person. */
function foreignPlaces(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  ctx.tokens.forEach((t, i) => {
    const prev = ctx.tokens[i - 1];
    const w = ctx.words[i] as Word;
    if (!prev || prev.end !== t.start || !(ctx.words[i - 1] as Word).is(TO_PLACE_WORD) || t.text.length < 2 || w.hit) return;
    if (!/^(x|nrt|nr|ns|nz)$/.test(t.tag) || !w.translit || w.abbreviated) return;
    out.push({ start: t.start, end: t.end, type: 'place', canonical: t.text, tier: Tier.rule });
  });
  return out;
}

/** 民主党中央, 工党中央: a party's central committee is named by the party and 中央. */
function partyCentres(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'org' || !c.canonical.endsWith('党')) continue;
    const k = ctx.tokenAt[c.end] ?? -1;
    const next = k >= 0 ? ctx.tokens[k] : undefined;
    if (next?.text === '中央') out.push({ ...c, end: next.end, canonical: ctx.text.slice(c.start, next.end), tier: Tier.rule });
  }
  // 社会/党中央: the segmenter gave 党 to the CPC's 党中央; a known party before it still names its own centre.
  ctx.tokens.forEach((t, i) => {
    const prev = ctx.tokens[i - 1];
    if (t.text !== '党中央' || !prev || prev.end !== t.start) return;
    const party = ctx.dicts.surfaces.get(`${prev.text}党`);
    if (party?.type === 'org') out.push({ start: prev.start, end: t.end, type: 'org', canonical: `${party.canonical}中央`, tier: Tier.dictionary });
  });
  return out;
}

/** 第三届全国人民代表大会, 九届人大常委会: the session number is part of a congress's name. */
function withOrdinals(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'org') continue;
    const k = ctx.tokenEndingAt[c.start] ?? -1;
    const prev = k >= 0 ? ctx.tokens[k] : undefined;
    if (prev && /^第?[一二三四五六七八九十百零〇0-9０-９]+届$/.test(prev.text)) {
      out.push({ ...c, start: prev.start, tier: Tier.rule });
    }
  }
  return out;
}

/**
 * Words that name a body only with a place before them: abbreviations (妇联, 交警), the segmenter's
 * organization words, and proper nouns ending like a body (红十字会). They join a place (compoundOrgs) and
 * are no mention alone.
 */
function bodyWords(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i] as Token;
    const w = ctx.words[i] as Word;
    if (t.text.length < 2 || !w.cjk || w.hit) continue;
    // 江淮, 京津: runs of place abbreviations are places, not bodies.
    if (w.placeRun) continue;
    const last = t.text.charCodeAt(t.text.length - 1);
    // 太湖共保: abbreviations of policies and slogans are tagged j too; bodies end like bodies (妇联, 团委).
    // 宣传部/nr: the segmenter also mistakes lexicon words of bodies for names.
    const misnamed = t.tag === 'nr' && /[部局厅委处司署]$/.test(t.text) && (w.lex?.freq ?? 0) >= 50;
    const body = (t.tag === 'nt' || t.tag === 'j' || t.tag === 'nz' || misnamed) && ORG_FINAL[last] && !/[东南西北中]部$/.test(t.text);
    // 党委政府: a government is named by its place alone (posCandidates).
    if (body && !GENERIC_ORG_WORDS.has(t.text) && !t.text.includes('政府')) out.push({ start: t.start, end: t.end, type: 'org', canonical: t.text, tier: Tier.pos });
  }
  return out;
}

/** Last words of facilities and sites named after their place (上海虹桥机场, 合肥植物园, 太行隧道). */
const FACILITY = /(机场|车站|火车站|客运站|体育馆|体育场|体育中心|博物馆|展览馆|展览中心|会展中心|纪念馆|美术馆|植物园|动物园|公园|广场|大桥|隧道|码头|大厦|大剧院|新区|开发区|运河|水库|大坝)$/;
/** One-character kinds of site that follow their place as a word of their own (镇海/楼, 寒山/寺). */
const SITE_WORD = new Set([...'楼阁亭塔寺庙宫']);
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
function facilities(ctx: TagContext, candidates: Candidate[]): Candidate[] {
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

/** 海安市委, 湖州市委: the organization's own name starts with its place. */
function startsWithPlace(ctx: TagContext, o: Candidate): boolean {
  return ctx.dicts.trie.matchesAt(ctx.text, o.start, 2).some((m) => m.value.type === 'place' && m.end < o.end);
}

/**
 * Nested organization names: a place right before an organization is part of its name (杭州市 + 妇联,
 * 南京 + 红十字会), and so is a parent body before a unit of it (交通运输部 + 综合规划司). Only the nearest
 * place joins: in 江苏省沛县公安交警大队 the province stays a place of its own.
 */
function compoundOrgs(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const endingAt = new Map<number, Candidate[]>();
  for (const c of candidates) {
    if (c.type === 'person') continue;
    const list = endingAt.get(c.end);
    if (list) list.push(c);
    else endingAt.set(c.end, [c]);
  }
  // Grow from each organization over what ends where it starts; repeat for chains (部 + 司 + 处).
  // 安徽科大讯飞: a company keeps its own name; a place before it says where it is.
  const grows = (o: Candidate) => o.tier !== Tier.dictionary || /[部委局署厅办院会协联处司]$/.test(o.canonical);
  let frontier = [...candidates.filter((c) => c.type === 'org' && grows(c)), ...bodyWords(ctx)];
  const placeHeaded = new Set<Candidate>();
  for (let round = 0; round < 3 && frontier.length; round++) {
    const next: Candidate[] = [];
    for (const o of frontier) {
      for (const head of endingAt.get(o.start) ?? []) {
        // A lone abbreviation (美, 中) joins only as part of a run; a one-character place is too often a word.
        if (head.end - head.start < 2) continue;
        // 江苏省南通市海安市委: only the nearest place belongs to the name.
        if (head.type === 'place' && (placeHeaded.has(o) || startsWithPlace(ctx, o))) continue;
        const name = ctx.text.slice(head.start, o.end);
        if (name.length > 30) continue;
        const merged: Candidate = { start: head.start, end: o.end, type: 'org', canonical: ctx.dicts.surfaces.get(name)?.canonical ?? name, tier: Tier.rule };
        if (head.type === 'place' || placeHeaded.has(head)) placeHeaded.add(merged);
        next.push(merged);
      }
    }
    out.push(...next);
    for (const m of next) {
      const list = endingAt.get(m.end);
      if (list) list.push(m);
      else endingAt.set(m.end, [m]);
    }
    frontier = next;
  }
  return out;
}

/** Kinds of body that a country before them only describes: 日本公司 "Japanese companies", 法国政府. */
// Banks stay out: a country and 银行 is also how banks are named.
const GENERIC_BODIES = new Set(['公司', '企业', '大学', '电视台', '电台', '军队', '部队', '政府', '商界', '财团']);
/** Files whose places are countries, regions and world cities. */
const COUNTRY_FILES = new Set(['countries.txt', 'world.txt', 'world-cities.txt']);

/**
 * 日本公司, 韩国大学生, 法国电视台: a country and a bare kind of body describe, they do not name (a real one,
 * 中国工商银行, is in the dictionary). The found organization gives way to the country as a place.
 */
function describedByCountry(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'org' || c.tier === Tier.dictionary) continue;
    const name = ctx.text.slice(c.start, c.end);
    const kind = [...GENERIC_BODIES].find((k) => name.endsWith(k));
    if (!kind) continue;
    const head = ctx.dicts.surfaces.get(name.slice(0, -kind.length));
    if (head?.type !== 'place' || !COUNTRY_FILES.has(ctx.dicts.entries.get(head.canonical)?.file ?? '')) continue;
    out.push(c, { start: c.start, end: c.end - kind.length, type: 'place', canonical: head.canonical, tier: Tier.dictionary });
  }
  return out;
}

/** The segmenter's tags of names and unknown words. */
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x']);

/** Last characters of sites that end no given name (凡尔赛宫, 白马寺, 滕王阁, 明孝陵). */
const SITE_FINAL = /[宫庙寺阁陵祠]$/;
/** Endings of transliterated place names (-burg, -sk, -grad, -ovac, -ville, -polis, -ovo): 汉堡, 明斯克. */
const FOREIGN_PLACE_ENDING = /(堡|斯克|格勒|瓦茨|维尔|波利斯|沃)$/;

/**
 * Words the segmenter took for names that are shaped like places: a site (X宫, X寺) or a transliterated
 * name with a place ending (X堡, X斯克). They come as places of the same span, trusted above a bare name.
 */
function placeShapedNames(ctx: TagContext, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Bare person readings and the segmenter's own name-tagged words (which person rules may have passed over).
  // Keyed by span (start and end in one number); a Map keeps the order spans were first seen.
  const spans = new Map<number, { start: number; end: number }>();
  const key = (x: { start: number; end: number }) => x.start * (ctx.text.length + 1) + x.end;
  // Spans under three characters are passed over below: they are left out of the table from the start.
  for (const c of candidates) if (c.type === 'person' && c.tier === Tier.pos && c.end - c.start >= 3) spans.set(key(c), c);
  for (const t of ctx.tokens) if (t.end - t.start >= 3 && NAME_TAGS.has(t.tag)) spans.set(key(t), t);
  for (const c of spans.values()) {
    const name = ctx.text.slice(c.start, c.end);
    if (!/^[\u3400-\u9fff]+$/.test(name)) continue;
    const ending = FOREIGN_PLACE_ENDING.exec(name)?.[0];
    const foreign = !!ending && name.length > ending.length + 1 && [...name.slice(0, -ending.length)].every((ch) => TRANSLITERATION.has(ch));
    // 镇海楼: a known place and a one-character kind of site.
    const placeSite = SITE_WORD.has(name[name.length - 1] ?? '') && ctx.dicts.surfaces.get(name.slice(0, -1))?.type === 'place';
    if (SITE_FINAL.test(name) || foreign || placeSite) out.push({ start: c.start, end: c.end, type: 'place', canonical: name, tier: Tier.rule });
  }
  return out;
}

/**
 * 吉林长春/nr 市: a rule read two known places glued by the segmenter as one (吉林长春市). They are two;
 * returns the candidates to drop and the places to add.
 */
function gluedPlaces(ctx: TagContext, candidates: Candidate[]): { drop: Set<Candidate>; add: Candidate[] } {
  const drop = new Set<Candidate>();
  const add: Candidate[] = [];
  for (const c of candidates) {
    if (c.type !== 'place' || c.tier === Tier.dictionary || c.end - c.start < 4) continue;
    const split = splitKnownPlaces(ctx, c.start, c.end);
    if (!split) continue;
    drop.add(c);
    add.push(...split);
  }
  return { drop, add };
}

/** Administrative and natural last words of foreign place names (X州, X省, X大区, X郡, X河). */
const FOREIGN_ADMIN = /^(大区|州|省|县|区|郡|市|河)/;
/** First characters of FOREIGN_ADMIN's words, by UTF-16 code. */
const ADMIN_FIRST = codeTable('大州省县区郡市河');

/**
 * 马拉里卡州, 奥斯特堡郡: a run of three or more transliteration characters before an administrative word is a
 * foreign place, whole, even where the segmenter cut the run into "names" (马拉/nr 里卡州/x).
 */
function foreignAdminPlaces(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { text } = ctx;
  for (let i = 0; i < text.length; i++) {
    // Most characters start no administrative word: one table read, no slice, before the regex.
    if (!ADMIN_FIRST[text.charCodeAt(i)]) continue;
    const suffix = FOREIGN_ADMIN.exec(text.slice(i, i + 2))?.[0];
    if (!suffix || !TRANSLITERATION.has(text[i - 1] ?? '')) continue;
    let start = i;
    while (start > 0 && i - start < 8 && TRANSLITERATION.has(text[start - 1] ?? '')) start--;
    // The run must open a word; a longer run was cut at eight characters and names nothing.
    while (start < i - 2 && !startsWord(ctx, start)) start++;
    const end = i + suffix.length;
    if (i - start < 3 || !startsWord(ctx, start) || !endsWord(ctx, end) || isCommonWord(text.slice(start, i), 30)) continue;
    out.push({ start, end, type: 'place', canonical: text.slice(start, end), tier: Tier.rule });
  }
  return out;
}

/** The official form after a country's name (捷克共和国, 西班牙王国). */
const STATE_FORM = /(民主共和国|共和国|联邦|王国|大公国|公国|酋长国|苏丹国)/g;

/** 捷克共和国, 西班牙王国: a country and its official form are one place, the country itself. */
function countryFullNames(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  const { text, dicts } = ctx;
  // The forms are rare: find them first, then a country name ending right before each.
  for (const f of text.matchAll(STATE_FORM)) {
    const at = f.index ?? 0;
    const end = at + (f[0] as string).length;
    if (!endsWord(ctx, end)) continue;
    for (let i = Math.max(0, at - 12); i <= at - 2; i++) {
      const m = dicts.trie.matchesAt(text, i).find((x) => x.end === at && x.value.type === 'place');
      if (!m || !COUNTRY_FILES.has(dicts.entries.get(m.value.canonical)?.file ?? '')) continue;
      out.push({ start: i, end, type: 'place', canonical: m.value.canonical, tier: Tier.dictionary });
      break;
    }
  }
  return out;
}

/** Longest first, then the more trusted source; rule guesses may not cut across a dictionary name. */
export function resolve(candidates: Candidate[], dicts: EntityDictionaries, text: string): Candidate[] {
  const usable = candidates.filter((c) => c.end > c.start && !dicts.blocked.has(text.slice(c.start, c.end)));
  const anchors = usable.filter((c) => c.tier === Tier.dictionary);
  const crosses = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end && !(a.start <= b.start && a.end >= b.end) && !(b.start <= a.start && b.end >= a.end);
  const kept = usable.filter((c) => c.tier === Tier.dictionary || !anchors.some((d) => crosses(c, d)));
  kept.sort((a, b) => b.end - b.start - (a.end - a.start) || b.tier - a.tier || a.start - b.start);
  const taken = new Uint8Array(text.length + 1);
  const chosen: Candidate[] = [];
  for (const c of kept) {
    let free = true;
    for (let k = c.start; k < c.end; k++) if (taken[k]) { free = false; break; }
    if (!free) continue;
    for (let k = c.start; k < c.end; k++) taken[k] = 1;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export interface TagOptions {
  /**
   * The whole document the passage belongs to: a name guessed without a title or a verb of saying counts
   * as a person when the document names it twice (a passage alone is its own document otherwise).
   */
  document?: string;
}

/** The simplified reading of the last document seen: a document's passages are tagged one after another. */
let lastDocument: { text: string; reading: string } | undefined;
function documentReading(text: string): string {
  if (lastDocument?.text !== text) lastDocument = { text, reading: simplifiedReading(text) };
  return lastDocument.reading;
}

/**
 * Tags persons, places and organizations in `text` (one passage) given its segmenter tokens.
 * Offsets index into `text`; map them to the document with spanToSource(passage.map, …).
 */
export function tagEntities(text: string, tokens: Token[], dicts: EntityDictionaries, options: TagOptions = {}): LocalMention[] {
  // The lexicons and rules are simplified: a traditional passage is read through its simplified copy (same
  // offsets), as the segmenter read it; mentions keep the passage's own characters.
  const reading = simplifiedReading(text);
  const ctx = context(reading, tokens, dicts, options.document === undefined ? reading : documentReading(options.document));

  const candidates = [
    ...dictionaryCandidates(ctx),
    ...countryFullNames(ctx),
    ...posCandidates(ctx),
    // Before the persons: an enumerated company wins over the same word read as a name.
    ...recognizeListedOrgs(ctx),
    ...recognizePersons(ctx),
    ...recognizeOrgSuffixes(ctx),
    ...recognizePlacePrefixedOrgs(ctx),
    ...recognizePeriodicals(ctx),
    ...recognizeTeams(ctx),
    ...recognizeQuotedOrgs(ctx),
    ...recognizeGluedCommittees(ctx),
    ...recognizeSmallPlaces(ctx),
    ...recognizePlaceSuffixes(ctx),
    ...recognizeAbbreviations(ctx),
  ];
  candidates.push(...withOrdinals(ctx, candidates), ...partyCentres(ctx, candidates), ...foreignPlaces(ctx), ...foreignAdminPlaces(ctx));
  candidates.push(...facilities(ctx, candidates), ...placeShapedNames(ctx, candidates));
  candidates.push(...recognizeOrgUnits(ctx, candidates));
  candidates.push(...compoundOrgs(ctx, candidates));
  candidates.push(...recognizeLevelPrefixedOrgs(ctx, candidates));
  candidates.push(...recognizeMissions(ctx, candidates));
  const described = describedByCountry(ctx, candidates);
  const glued = gluedPlaces(ctx, candidates);
  // 东京时间, 格林尼治时间: a clock, not the place.
  const clocks = candidates.filter((c) => c.type === 'place' && reading.startsWith('时间', c.end));
  // 十八大, 党的二十大: congresses are events; no mention overlaps them.
  const congresses = congressSpans(ctx);
  const inCongress = candidates.filter((c) => congresses.some((g) => c.start < g.end && g.start < c.end));
  // 三省一市, 从三省, 几区: a numeral before an administrative suffix counts places; no rule makes it a name.
  const counted = candidates.filter((c) => c.type === 'place' && c.tier !== Tier.dictionary && COUNTED_PLACE.test(reading.slice(c.start, c.end)));
  const dropped = new Set([...described.filter((c) => c.type === 'org'), ...glued.drop, ...clocks, ...incrediblePersons(ctx, candidates), ...inCongress, ...counted]);
  const kept = [...candidates.filter((c) => !dropped.has(c)), ...described.filter((c) => c.type === 'place'), ...glued.add];
  return resolve(kept, dicts, reading).map((c) => {
    const surface = reading.slice(c.start, c.end);
    // A rule-found mention that happens to be a dictionary alias still gets the dictionary's canonical,
    // unless the rule resolved it itself (乌 of 乌中两国 after 乌拉圭).
    const hit = c.tier === Tier.dictionary || c.canonical !== surface ? undefined : dicts.surfaces.get(surface);
    const canonical = hit && hit.type === c.type ? hit.canonical : c.canonical;
    return { start: c.start, end: c.end, type: c.type, text: text.slice(c.start, c.end), canonical };
  });
}
