// Which guessed persons to keep: no counted thing, tax or verb, and the weakest guesses need evidence
// (a title, a verb of saying or acting, a listed person, a second mention, a name's shape).
import type { Candidate, TagContext } from '../types.js';
import { Tier } from '../types.js';
import { jiebaLexicon } from '../lexicon.js';
import { codeTable } from '../words.js';
import { AFTER_NAME, HONORIFICS, PEOPLE_AFTER, titleToken } from './cues.js';
import { GIVEN_CHARS, surnameLength, isPunct, spelledForeign } from './shape.js';

/** Verbs of acting that follow a person who does them (会见, 主持, 出席 …), besides the speech verbs. */
const ACT_AFTER = [
  '会见',
  '会晤',
  '会谈',
  '主持',
  '出席',
  '参加',
  '看望',
  '调研',
  '考察',
  '率队',
  '率领',
  '见证',
  '签署',
  '发言',
  '慰问',
  '出访',
  '视察',
  '接见',
  '陪同',
  '致电',
  '致信',
  '致函',
  '当选',
  '担任',
  '出任',
  '兼任',
  '执导',
  '主演',
  '编剧',
];

/** What may follow a person and say so: a speech verb, an act, "and others", an honorific (titles come from titles.txt). */
const EVIDENCE_AFTER = [...AFTER_NAME, ...ACT_AFTER, ...PEOPLE_AFTER, ...HONORIFICS, '等'];

/** Separators of names listed together (王明、李华, 魏建峰／邹玉珍). */
const NAME_SEPARATORS = new Set([...'、和与及／/']);

/** The end of a number that a measure word follows (13宗, 三名, 两位). */
const NUMERAL_END = /[0-9０-９一二三四五六七八九十百千万亿两几零〇]$/;

/** A player's shirt number before his name (9号萨莫拉诺). */
const SHIRT_NUMBER = /[0-9０-９]号$/;

/**
 * Last characters of taxes, fees, insurance, prizes, cups, contests, shows, cases, prices and amounts, and
 * of trades and their circles: 利得税, 尤伯杯, 博览会 are things, and given names do not end so.
 */
// Both scripts: the simplified reading keeps some traditional forms (稅).
const KIND_END = codeTable('税费险杯奖赛展案价额款证节界稅費險獎賽價額證節');

/** The span starts right after a number: its first character counts (13宗重建, 三名工人), it starts no name. */
export function afterNumber(ctx: TagContext, start: number): boolean {
  const k = ctx.tokenEndingAt[start] ?? -1;
  const prev = k >= 0 ? ctx.tokens[k] : undefined;
  if (prev) return /[0-9０-９]$/.test(prev.text) || (/^(m|mq)$/.test(prev.tag) && NUMERAL_END.test(prev.text));
  return /[0-9０-９]/.test(ctx.text[start - 1] ?? '');
}

/** A title (书记, 记者 …) or a shirt number ends right before `start`, spaces between allowed (记者 许丛军). */
function titleBefore(ctx: TagContext, start: number): boolean {
  let at = start;
  while (at > 0 && /[ \u3000]/.test(ctx.text[at - 1] ?? '')) at--;
  const k = ctx.tokenEndingAt[at] ?? -1;
  if (k >= 0 && titleToken(ctx, k)) return true;
  for (let n = 1; n <= 5 && n <= at; n++) if (ctx.dicts.titleSet.has(ctx.text.slice(at - n, at))) return true;
  return SHIRT_NUMBER.test(ctx.text.slice(Math.max(0, at - 3), at));
}

/** A title, an honorific, a verb of saying or acting, or "and others" right after `end`. */
function saysOrActs(ctx: TagContext, end: number): boolean {
  const { text, dicts } = ctx;
  for (let n = 1; n <= 5; n++) if (dicts.titleSet.has(text.slice(end, end + n))) return true;
  return EVIDENCE_AFTER.some((w) => text.startsWith(w, end));
}

/** Another person candidate listed right before or after the span (王明、李华; 王明和李华). */
function listedWithPerson(ctx: TagContext, c: Candidate, persons: Candidate[]): boolean {
  const { text } = ctx;
  const after = NAME_SEPARATORS.has(text[c.end] ?? '') ? c.end + 1 : -1;
  const before = NAME_SEPARATORS.has(text[c.start - 1] ?? '') ? c.start - 1 : -1;
  return persons.some((p) => p !== c && (p.start === after || p.end === before));
}

/** The name is written at least twice in the document (the passage when no document is given). */
function mentionedAgain(ctx: TagContext, name: string): boolean {
  const first = ctx.document.indexOf(name);
  return first >= 0 && ctx.document.indexOf(name, first + name.length) >= 0;
}

/** Where a person stands in a clause: after a break, a verb or a preposition, and before a verb, 的, 是 or a break. */
function standsAsPerson(ctx: TagContext, c: Candidate): boolean {
  const k = ctx.tokenEndingAt[c.start] ?? -1;
  const prev = k >= 0 ? ctx.tokens[k] : undefined;
  const n = ctx.tokenAt[c.end] ?? -1;
  const next = n >= 0 ? ctx.tokens[n] : undefined;
  const opens = !prev || isPunct(prev.text) || /^(p|c|v|uj)$/.test(prev.tag);
  // 罗纳尔多今天, 阿巴查8日: a time or a date after the subject, before its verb.
  const closes = !next || isPunct(next.text) || /^(v|uj|p|d|c|t|m)$/.test(next.tag);
  return opens && closes;
}

/**
 * Shaped like a person where it stands: a surname and a given name of a name's usual characters (王芳,
 * 李昕), or a foreign name or a longer one standing where a person stands in a clause.
 */
function nameShaped(ctx: TagContext, c: Candidate, name: string): boolean {
  const s = surnameLength(ctx, name);
  // 井上又说明: a Japanese surname alone names its person where a person stands.
  if (ctx.dicts.japaneseSurnames.has(name)) return standsAsPerson(ctx, c);
  if (s && name.length - s === 1 && !spelledForeign(name)) return GIVEN_CHARS.has(name[s] ?? '');
  return standsAsPerson(ctx, c);
}

/**
 * Evidence that a guessed name is a person: a title or a shirt number before it, a title or a verb of
 * saying or acting after it, a listed neighbour who is a person, or a second mention in the document.
 */
function evidenced(ctx: TagContext, c: Candidate, name: string, persons: Candidate[]): boolean {
  return titleBefore(ctx, c.start) || saysOrActs(ctx, c.end) || listedWithPerson(ctx, c, persons) || mentionedAgain(ctx, name);
}

/**
 * 负责人齐聚古都: a surname and one character that alone is a verb, with a noun right after, read a verb
 * and its object (齐聚 "gather in"), not a name.
 */
function verbAndObject(ctx: TagContext, c: Candidate, name: string): boolean {
  if (name.length !== 2 || GIVEN_CHARS.has(name[1] ?? '')) return false;
  if (jiebaLexicon().get(name[1] ?? '')?.tag !== 'v' || jiebaLexicon().has(name)) return false;
  const next = ctx.tokens[ctx.tokenAt[c.end] ?? -1];
  return !!next && /^(n|ns|nr|nt|nz|s)$/.test(next.tag);
}

/**
 * Keeps the persons that are no counted thing, tax, event or verb, and asks evidence of the weakest
 * guesses: a segmenter's guess (tier pos) of a surname and one character, or spelled like a foreign word,
 * is as often a word (武养, 卫勤), a brand or a place (菲亚特, 帕塔亚) as a name. Longer surname-led guesses
 * keep their standing without it: People's Daily names most people in running text with no title.
 */
function credible(ctx: TagContext, c: Candidate, persons: Candidate[]): boolean {
  if (c.tier === Tier.dictionary) return true;
  const name = ctx.text.slice(c.start, c.end);
  if (ctx.dicts.surfaces.get(name)?.type === 'person') return true;
  if (afterNumber(ctx, c.start) || verbAndObject(ctx, c, name)) return false;
  const s = surnameLength(ctx, name);
  if (s && !spelledForeign(name) && KIND_END[name.charCodeAt(name.length - 1)]) return false;
  if (c.tier !== Tier.pos) return true;
  // A compound surname (司马光, 上官云) is rarely the start of an ordinary word.
  const weak = !s || (s === 1 && name.length <= 2) || spelledForeign(name);
  return !weak || evidenced(ctx, c, name, persons) || nameShaped(ctx, c, name);
}

/**
 * The person candidates that are not credible (see `credible`). Read after every rule has seen them: a
 * name-tagged word shaped like a place (哈斯科沃) becomes a place from the person reading it loses here.
 */
export function incrediblePersons(ctx: TagContext, candidates: Candidate[]): Set<Candidate> {
  const persons = candidates.filter((c) => c.type === 'person');
  return new Set(persons.filter((c) => !credible(ctx, c, persons)));
}
