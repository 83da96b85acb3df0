// Places and organizations of the segmenter's own tags (ns, nt), where they end like a name and are no
// ordinary word it tags so (城市, 新格局).
import type { Token } from '../../schema.js';
import { spelledByAbbreviations } from './abbreviations.js';
import { splitKnownPlaces } from './glued-places.js';
import { isCommonWord } from './lexicon.js';
import { DESCRIPTIVE_HEAD } from './suffixes/index.js';
import { type Candidate, type TagContext, Tier } from './types.js';
import { codeTable, type Word } from './words.js';

/** Words the segmenter tags nt that name no organization: bare kinds of body (联合会, 科研院所). */
export const GENERIC_ORG_WORDS = new Set([
  '中央',
  '联合会',
  '委员会',
  '协会',
  '学会',
  '研究会',
  '基金会',
  '科研院所',
  '院所',
  '党组织',
  '民间组织',
  '上市公司',
  '新格局',
  // nt words of the segmenter's lexicon that are kinds of place, event or group, not names.
  '中南部',
  '中西部',
  '交易会',
  '音乐会',
  '音乐厅',
  '四合院',
  '公共场所',
  '黑社会',
  '党政军',
  '人民军队',
  '大中学校',
  '加工厂',
  '施工队',
  '通讯社',
  '加油站',
  '党委会',
  '两院',
  '文工团',
]);

/** Words the segmenter tags as places that name no place. */
const NOT_PLACES = new Set([
  '两国',
  '各国',
  '三国',
  '本国',
  '外国',
  '他国',
  '大国',
  '小国',
  '国内',
  '国外',
  '全国',
  '各地',
  '当地',
  '本地',
  '外地',
  '异地',
  '内地',
  '海外',
  '境外',
  '境内',
  '城乡',
  '城市',
  '农村',
  '乡村',
  '边疆',
  '沿海',
  '内陆',
  '山区',
  '大城市',
  '小城镇',
  '中小城市',
  '大中城市',
  '半壁江山',
  '海港',
  '长达',
  '天下',
  '世界',
  '全球',
  '祖国',
  '故乡',
  '家乡',
  '老家',
  '异国',
  '他乡',
  '国际',
]);

/** Last characters of real organization names among the segmenter's nt words (it also tags 新格局, 联合体). */
export const ORG_FINAL = codeTable('社院部委会局厅办署司队团校所处军党盟馆厂站店庭协联科室园台警央');

/** National teams by their short sports names: 日本女排, 巴西男足 (the segmenter tags them nt). */
const TEAM_SHORT = /[男女][篮足排垒曲手]$/;

/** Kinds of organization of two characters that the last character alone does not tell (大学, 中心). */
const NAMED_KINDS = /(大学|学院|中心|组织|银行|博物院)$/;

/** Last words of named sites and buildings among the segmenter's place words. */
export const SITE = /(公园|大桥|博物院|广场|机场|[宫庙寺塔楼阁亭陵祠])$/;

// Sites and buildings too (X宫, X庙, X公园): the segmenter's own place words ending so are named sites.
const PLACE_FINAL = codeTable('省市县区镇乡村州旗岛湖江河山港湾峡岭洲海洋道路街桥城关口宫庙寺塔楼阁亭园陵祠');

/**
 * Segmenter place and organization tags (person tags are read in persons/tagged.ts). Its dictionary tags many
 * ordinary words ns (城市, 深度, 东西): two-character places must be known to our dictionaries or end like a place.
 */
export function posCandidates(ctx: TagContext): Candidate[] {
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
