// What stops a name grown leftwards from its suffix: function words, verbs, counted or vague words, and
// tags that name nothing.
import type { Token } from '../../../schema.js';

export const CJK = /^[\u3400-\u9fff]+$/;

/** POS tags that can be part of a name: nouns, proper nouns, abbreviations, unknown words, English, some modifiers. */
const NAME_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'x', 'eng', 'vn', 'b', 'an', 'l', 'ng', 'nx', 's']);

/** Words that count or qualify bodies instead of naming one (两国有关公司, 全国性报纸, 双方代表团). */
const COUNTED_OR_VAGUE = [
  '两国',
  '三国',
  '各国',
  '多国',
  '两岸',
  '双方',
  '各方',
  '有关',
  '相关',
  '全国性',
  '地方性',
  '国际性',
  '世界性',
  '区域性',
  '综合性',
  '众多',
  '多家',
  '若干',
];

/** Words that never start or sit inside an organization name although tagged like nouns. */
export const BREAK_WORDS = new Set([
  '的',
  '和',
  '与',
  '及',
  '或',
  '等',
  '由',
  '在',
  '对',
  '为',
  '从',
  '向',
  '将',
  '把',
  '被',
  '是',
  '有',
  '这',
  '该',
  '其',
  '本',
  '各',
  '全',
  '我',
  '我们',
  '他们',
  '其中',
  '以及',
  '包括',
  '一个',
  '一家',
  '这个',
  '成员',
  '单位',
  '代表',
  '负责人',
  '同志',
  '联合',
  '牵头',
  '组建',
  '成立',
  '举办',
  '主办',
  '承办',
  '指导',
  '发起',
  '来自',
  '记者',
  '本报',
  '本报讯',
  '据',
  '讯',
  '电',
  '日电',
  '战胜',
  '击败',
  '会见',
  '会晤',
  '荣获',
  '获得',
  '前往',
  '访问',
  '所属',
  '下属',
  '直属',
  '原',
  '位于',
  '深化',
  '推进',
  '推动',
  '加强',
  '建设',
  '打造',
  '构建',
  '支持',
  '参与',
  '加快',
  '促进',
  '实施',
  '开展',
  '形成',
  '完善',
  '提升',
  '建立',
  '共建',
  '携手',
  '依托',
  '围绕',
  ...COUNTED_OR_VAGUE,
]);

/** Characters of function words and verbs that the segmenter glues into unknown words (这是, 需向, 逼平). */
export const FUNCTION_CHARS = /[这那是了在向被把从将需与和及或对为给让由其该此各逼战胜平败负获称说能如原刚首出]/;

/** 三大, 两大 (the three largest …): counted words the segmenter leaves unknown. */
const COUNTED_X = /^[一二三四五六七八九十两几数]+大$/;

export function isBreak(t: Token): boolean {
  if (t.tag === 'x' && (FUNCTION_CHARS.test(t.text) || COUNTED_X.test(t.text))) return true;
  return BREAK_WORDS.has(t.text) || !NAME_TAGS.has(t.tag) || !/^[\u3400-\u9fffA-Za-z0-9]+$/.test(t.text);
}
