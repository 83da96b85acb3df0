// One-character abbreviations (沪 苏 浙 皖, 中 美 日 …) are ordinary characters most of the time, so they are
// tagged only where the usage is unmistakable: runs of them (沪苏浙皖, 中美, 港台), X方 (中方), and after a
// verb of movement (来浙调研, 在沪举行, 访华).
import type { Candidate, TagContext } from './types.js';
import { Tier } from './types.js';
import { endsWord, hanAt, startsWord } from './context.js';
import { jiebaLexicon } from './lexicon.js';
import { codeTable } from './words.js';

// 出 is left out: as a verb's first character it opens ordinary words (出台, 出席) far more often than 出川.
const BEFORE_SINGLE = codeTable('来在赴访抵离驻回返援进旅留对同');
/** Characters that, as a word of their own, are mostly ordinary words: 朝 "towards", 藏 "to hide", 台 "stage". */
const ALONE_AS_WORD = new Set([...'朝藏台']);
/** Directions after an abbreviation make a region of it (鄂西, 浙北), not a second place. */
const DIRECTIONS = new Set([...'东西南北']);
/** Abbreviations that are too common as ordinary characters to be read alone even after 来/在 (在新, 对中). */
const NEVER_ALONE = new Set([...'新中青云黑吉宁甘秦贵西马老土伊以埃巴加印意法德英亚非欧蒙']);
/** Abbreviations that make "the X side" (中方, 美方). */
const SIDE_OF = new Set([...'中美日俄英法德韩朝印巴越泰澳加意菲港台']);
/** POS tags of ordinary words (the segmenter calls 苏浙皖 a name, nr, which it is not, but no ordinary word). */
const ORDINARY_TAGS = new Set([
  'n',
  'v',
  'a',
  'd',
  'c',
  'p',
  'u',
  'r',
  'm',
  'q',
  'vn',
  'ad',
  'an',
  'f',
  't',
  'i',
  'l',
  's',
  'z',
  'b',
  'e',
  'o',
  'y',
  'vd',
  'ng',
  'vg',
  'ag',
  'dg',
  'tg',
  'zg',
  'uj',
  'ul',
  'ud',
  'uv',
  'uz',
  'ug',
]);
/** Words that follow a run of country abbreviations (中美关系, 中韩两国). */
const RUN_FOLLOW = [
  '关系',
  '两国',
  '三国',
  '四国',
  '等国',
  '地区',
  '双方',
  '合作',
  '之间',
  '贸易',
  '友好',
  '联合',
  '首脑',
  '会谈',
  '边境',
  '经贸',
  '建交',
  '峰会',
  '外长',
  '对话',
  '会晤',
  '交流',
  '战争',
  '协议',
  '协定',
  '公报',
  '声明',
];
/** A pair word follows at `at` (中非经贸, 中美两国): what comes before it is a run of abbreviations. */
export function pairWordFollows(text: string, at: number): boolean {
  // Most positions fail on the first character; only then are the words compared.
  return RUN_FOLLOW_FIRST.has(text[at] ?? '') && RUN_FOLLOW.some((w) => text.startsWith(w, at));
}

/** Every character of `word` abbreviates a place (中非, 日欧, 港澳): it may be a run, not one name. */
export function spelledByAbbreviations(ctx: TagContext, word: string): boolean {
  return ctx.tables.word(word).abbreviated;
}

const RUN_FOLLOW_FIRST = new Set(RUN_FOLLOW.map((w) => w[0] ?? ''));
const NUMERAL = /[0-9０-９一二三四五六七八九十百千万零两〇]/;

/** The unblocked one-character place name of the dictionaries at `i` (words.ts keeps them by character code). */
function abbreviationAt(ctx: TagContext, i: number): { canonical: string } | null {
  return ctx.tables.single(ctx.text.charCodeAt(i)) ?? null;
}

/** Dictionary files of countries, whose first character stands for them in pairs (乌中两国 after 乌拉圭). */
const COUNTRY_FILES = new Set(['countries.txt', 'world.txt']);

/**
 * A character that opens the name of a country the same text names in full elsewhere: news text pairs a
 * country with China by that character (乌拉圭 … 乌中两国). Only read inside a run that a pair word confirms.
 */
function contextualCountryAt(ctx: TagContext, i: number): { canonical: string } | null {
  const { text, dicts } = ctx;
  const ch = text[i] ?? '';
  if (!/[\u3400-\u9fff]/.test(ch)) return null;
  for (let k = text.indexOf(ch); k >= 0; k = text.indexOf(ch, k + 1)) {
    if (k === i) continue;
    for (const m of dicts.trie.matchesAt(text, k, 2)) {
      const entry = dicts.entries.get(m.value.canonical);
      if (m.value.type === 'place' && entry && COUNTRY_FILES.has(entry.file) && m.value.canonical[0] === ch) return { canonical: m.value.canonical };
    }
  }
  return null;
}

/** Prepositions the segmenter glues to the run after them (从日美, 对中日): the run still opens there. */
const GLUED_BEFORE_RUN = new Set([...'从对与同和跟向在据以']);

/** Verbs and prepositions that take China as 华 (访华, 驻华使馆, 对华政策, 侵华战争). */
const BEFORE_HUA = /[访驻来对侵反援赴抵离旅留]华(?![东南西北中夏人侨裔商文语丽为山灯])/g;
/** Words that follow a country's one-character form at the head of a phrase (俄总统, 美军, 泰政府). */
const COUNTRY_FOLLOW = /^(总统|总理|首相|外长|政府|国防部|外交部|军方|军队|军|驻)/;

/** SIDE_OF less 中, 港 and 台 (no country's form before 总统, 军), by UTF-16 code: looked up at every character. */
const COUNTRY_FORM = codeTable([...SIDE_OF].filter((ch) => ch !== '中' && ch !== '港' && ch !== '台').join(''));

/** 访华, 美军, 俄总统, 驻美使馆: one-character forms of countries in the phrases news text uses them in. */
function countryForms(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(BEFORE_HUA)) {
    const at = (m.index ?? 0) + 1;
    const a = abbreviationAt(ctx, at);
    if (a && ctx.dicts.trie.matchesAt(text, at, 2).length === 0) out.push({ start: at, end: at + 1, type: 'place', canonical: a.canonical, tier: Tier.rule });
  }
  for (let i = 0; i < text.length; i++) {
    if (!COUNTRY_FORM[text.charCodeAt(i)]) continue;
    // The form must open a word (俄/总统 or 俄总统), not end one (北美, 欧美).
    if (!startsWord(ctx, i) || (hanAt(text, i - 1) && (ctx.tokenEndingAt[i] ?? -1) < 0)) continue;
    const follow = COUNTRY_FOLLOW.exec(text.slice(i + 1, i + 4));
    if (!follow) continue;
    // 美军 is a word of its own; 美军方 too: the word after must end where a token ends.
    const end = i + 1 + (follow[0] as string).length;
    if (!endsWord(ctx, end) && follow[0] !== '驻') continue;
    if (ctx.dicts.trie.matchesAt(text, i, 2).some((x) => x.end <= end)) continue;
    const a = abbreviationAt(ctx, i);
    if (a) out.push({ start: i, end: i + 1, type: 'place', canonical: a.canonical, tier: Tier.rule });
  }
}

export function recognizeAbbreviations(ctx: TagContext): Candidate[] {
  const out: Candidate[] = [];
  countryForms(ctx, out);
  const { text, tokens } = ctx;
  const isStart = (i: number) => startsWord(ctx, i);
  const isEnd = (i: number) => endsWord(ctx, i);
  // This loop visits every character: one lookup in the small table, nothing allocated, until a run opens.
  const { tables } = ctx;
  const listed = (k: number) => tables.single(text.charCodeAt(k));
  // A member may be a country named in full elsewhere in the text (乌中两国 after 乌拉圭); such a run
  // must hold a listed abbreviation too and be confirmed by a pair word (两国, 关系) after it.
  // The country the text names wins over the listed reading (乌 is 乌克兰 unless 乌拉圭 is named).
  const memberAt = (m: number) => contextualCountryAt(ctx, m) ?? listed(m) ?? null;
  let i = 0;
  while (i < text.length) {
    const here = !!listed(i);
    const opensContextually = !here && !!listed(i + 1) && pairWordFollows(text, i + 2) && !!contextualCountryAt(ctx, i);
    if (!opensContextually && !here) {
      i++;
      continue;
    }
    // Collect a run, allowing 、 between members (沪、苏、浙、皖).
    const members: number[] = [i];
    let contextual = opensContextually;
    let j = i + 1;
    while (j < text.length) {
      if (abbreviationAt(ctx, j)) members.push(j++);
      else if (text[j] === '、' && abbreviationAt(ctx, j + 1)) j++;
      else if (!contextual && members.length === 1 && pairWordFollows(text, j + 1) && contextualCountryAt(ctx, j)) {
        contextual = true; // 中秘两国 after 秘鲁
        members.push(j++);
      } else break;
    }
    const opens = isStart(i) || (GLUED_BEFORE_RUN.has(text[i - 1] ?? '') && isStart(i - 1) && ctx.tokenOf[i - 1] === ctx.tokenOf[i]);
    const runEnd = (members[members.length - 1] ?? i) + 1;
    // 中美加强: the run may run into an ordinary word (加 of 加强); the longest fitting prefix counts.
    for (let k = members.length; k >= 2; k--) {
      const part = members.slice(0, k);
      const end = (part[k - 1] ?? i) + 1;
      // 中华 is no run: both characters stand for China.
      const distinct = new Set(part.map((m) => memberAt(m)?.canonical)).size;
      // 加以, 非法: a run that spells an ordinary word is that word.
      const ordinary = jiebaLexicon().get(text.slice(i, end));
      const isWord = !!ordinary && ORDINARY_TAGS.has(ordinary.tag);
      // 中美关系, 中印关系: the segmenter glued the run to the word after it.
      const glued = RUN_FOLLOW.find((w) => text.startsWith(w, end));
      const endOk = isEnd(end) || (!!glued && isEnd(end + glued.length));
      // 中日两国, 中意两国: a run spelling a word (中日, 中意) is still a run before 两国, 关系, 双方.
      const pairWord = !!glued || RUN_FOLLOW.some((w) => text.startsWith(w, end) && isEnd(end + w.length));
      if ((!isWord || pairWord) && (pairWord || !contextual) && distinct === part.length && !NUMERAL.test(text[i - 1] ?? '') && opens && endOk) {
        // 鄂西, 浙北, 中西: the direction says which part of the place, or "the West"; only the first is a place.
        const members = k === 2 && !pairWord && DIRECTIONS.has(text[end - 1] ?? '') ? part.slice(0, 1) : part;
        for (const m of members)
          out.push({ start: m, end: m + 1, type: 'place', canonical: (memberAt(m) as { canonical: string }).canonical, tier: Tier.rule });
        break;
      }
    }
    i = runEnd;
  }
  tokens.forEach((t) => {
    // 俄/j 国内: the segmenter itself read a lone character as an abbreviation or a place.
    if (t.text.length === 1 && (t.tag === 'j' || t.tag === 'ns') && !NEVER_ALONE.has(t.text) && !ALONE_AS_WORD.has(t.text)) {
      const a = abbreviationAt(ctx, t.start);
      if (a) out.push({ start: t.start, end: t.end, type: 'place', canonical: a.canonical, tier: Tier.rule });
      return;
    }
    // 中方, 美方: the country abbreviation in front of 方 (the side, the party).
    if (t.text.length === 2 && t.text[1] === '方') {
      // 西方, 东方 are directions; only a country's abbreviation makes "the X side".
      const a = SIDE_OF.has(t.text[0] ?? '') ? abbreviationAt(ctx, t.start) : null;
      if (a) out.push({ start: t.start, end: t.start + 1, type: 'place', canonical: a.canonical, tier: Tier.rule });
      return;
    }
    // 来浙, 在沪, 访华, 驻华使馆: the verb and the abbreviation start a word, or the abbreviation is one.
    const single = t.text.length === 1 ? t.start : t.text.length >= 2 && BEFORE_SINGLE[t.text.charCodeAt(0)] ? t.start + 1 : -1;
    if (single < 0 || !BEFORE_SINGLE[text.charCodeAt(single - 1)]) return;
    // 在京津冀: a longer name starting here is the dictionary's to tag.
    if (ctx.dicts.trie.matchesAt(text, single, 2).length > 0) return;
    if (t.text.length > 3) return;
    if (NEVER_ALONE.has(text[single] ?? '')) return;
    // 对日元, 在华人中: the character opens a noun (日元, 华人), it does not stand for the country.
    if (/^(n|q|nz)$/.test(jiebaLexicon().get(text.slice(single, single + 2))?.tag ?? '')) return;
    const a = abbreviationAt(ctx, single);
    if (a) out.push({ start: single, end: single + 1, type: 'place', canonical: a.canonical, tier: Tier.rule });
  });
  return out;
}
