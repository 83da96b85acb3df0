// Foreign names: transliterated pieces the segmenter cut apart (贝特洛/nr 维克/nrt), and names joined by an
// interpunct or a dash (詹姆斯·董, 彼得—米勒).
import type { Candidate, TagContext } from '../types.js';
import { Tier } from '../types.js';
import { isCommonWord } from '../lexicon.js';
import { TRANSLITERATION } from '../transliteration.js';
import type { Word } from '../words.js';
import { AFTER_NAME, isTitle } from './cues.js';
import { CJK, NOT_NAME_END, surnameLength, person, spelledForeign } from './shape.js';

/** 贝特洛/nr 维克/nrt, 卡洛/x 莱诺/nrt: a foreign name the segmenter cut into pieces, glued back together. */
export function transliterationRuns(ctx: TagContext, out: Candidate[]): void {
  const { tokens, text } = ctx;
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let named = false;
    while (j < tokens.length) {
      const t = tokens[j] as (typeof tokens)[number];
      const w = ctx.words[j] as Word;
      if ((j > i && t.start !== (tokens[j - 1] as typeof t).end) || !w.cjk || !w.translit) break;
      if (t.tag === 'nrt' || t.tag === 'nr') named = true;
      j++;
    }
    const first = tokens[i];
    const last = tokens[j - 1];
    // 主席叶戈/x 申科/x: pieces the segmenter could not place, after a title or before a speech verb.
    if (!named && j - i >= 2) {
      const before = tokens[i - 1];
      const after = tokens[j];
      named =
        (!!before && before.end === first?.start && (ctx.words[i - 1] as Word).titleWord) ||
        (!!after && after.start === last?.end && (AFTER_NAME.has(after.text) || (ctx.words[j] as Word).title));
    }
    if (j - i >= 2 && named && first && last && last.end - first.start >= 3 && last.end - first.start <= 10) {
      out.push(person(first.start, last.end, text, Tier.pos));
    }
    i = Math.max(j, i + 1);
  }
}

const DOTS = '·•・';

/** A single dash also joins the parts of a transliterated name (彼得—米勒); a double one is a pause. */
const DASHES = '—－';

/** Characters the segmenter glues after a foreign name's last part (…斯说, …娃均); no part ends in them. */
const PART_TRAIL = new Set([...NOT_NAME_END, '均']);

/** A word of a foreign name: spelled in transliteration characters, or a name of the segmenter led by no surname (彼得/nrt, 安娜/nr). */
const foreignPiece = (ctx: TagContext, t: { text: string; tag: string }) =>
  spelledForeign(t.text) || (/^nrt?$/.test(t.tag) && CJK.test(t.text) && !surnameLength(ctx, t.text));

/** The joiner at `at` links two parts of a name: an interpunct, or a lone dash between transliterated parts. */
function joinsName(ctx: TagContext, at: number): boolean {
  const { text } = ctx;
  const ch = text[at] ?? '';
  if (DOTS.includes(ch)) return !!ch;
  if (!ch || !DASHES.includes(ch) || DASHES.includes(text[at - 1] ?? '') || DASHES.includes(text[at + 1] ?? '')) return false;
  const left = ctx.tokens[ctx.tokenEndingAt[at] ?? -1];
  return !!left && left.text.length >= 2 && foreignPiece(ctx, left) && TRANSLITERATION.has(text[at + 1] ?? '');
}

/**
 * Start of the part before the joiner at `dot`: the segmenter's word ending there without what it glued
 * in front (的阿·…: 阿), grown back over transliterated words it split off (卡/n 莱维·…), never over a
 * title or a known name. -1 when an ordinary word stands there (精粹·…: a series, not a name).
 */
function leftPartStart(ctx: TagContext, dot: number): number {
  const { text, tokens, dicts } = ctx;
  const isPart = (ch: string) => CJK.test(ch) && !NOT_NAME_END.has(ch);
  const leftTok = ctx.tokenEndingAt[dot] ?? -1;
  const tok = tokens[leftTok];
  if (!tok || dot - tok.start > 6) {
    let start = dot;
    while (start > 0 && dot - start < 5 && isPart(text[start - 1] ?? '')) start--;
    return start;
  }
  if (!CJK.test(tok.text) || (tok.text.length >= 2 && (isCommonWord(tok.text, 100) || /^(a|ad|an|d)$/.test(tok.tag)) && !foreignPiece(ctx, tok))) return -1;
  let start = tok.start;
  const cut = Math.max(...[...tok.text].map((ch, k) => (NOT_NAME_END.has(ch) && !TRANSLITERATION.has(ch) ? k + 1 : 0)));
  if (cut > 0) return tok.start + cut;
  for (let k = leftTok - 1; k >= 0; k--) {
    const prev = tokens[k] as (typeof tokens)[number];
    if (prev.end !== start || !foreignPiece(ctx, prev) || dot - prev.start > 8 || isTitle(ctx, prev.text)) break;
    // 瑞典人/nr: a known place or its people is no part of the name.
    if (dicts.surfaces.has(prev.text) || dicts.surfaces.has(prev.text.slice(0, -1))) break;
    start = prev.start;
  }
  return start;
}

/** End of the parts after the joiner at `dot` (a verb, a time word, a particle or an ordinary noun ends them). */
function rightPartsEnd(ctx: TagContext, dot: number): number {
  const { text } = ctx;
  let end = dot;
  while (end < text.length && joinsName(ctx, end)) {
    let e = end + 1;
    let k = ctx.tokenAt[e] ?? -1;
    while (k >= 0 && k < ctx.tokens.length) {
      const tk = ctx.tokens[k] as { text: string; tag: string; start: number; end: number };
      if (tk.start !== e || !CJK.test(tk.text) || AFTER_NAME.has(tk.text) || ctx.dicts.titleSet.has(tk.text)) break;
      // 奥尔森/nr 大学/n: a noun joins as one syllable or spelled like the name.
      const namey = /^(nr|nrt|nrfg|x|nz)$/.test(tk.tag) || (/^(ns|n|ng|j|zg)$/.test(tk.tag) && (tk.text.length === 1 || spelledForeign(tk.text)));
      if (!namey || tk.end - end - 1 > 7) break;
      e = tk.end;
      k++;
    }
    // 萨尔/nr 特在/d: the segmenter cut the last syllable off into the next word.
    while (e < text.length && e - end - 1 < 7 && TRANSLITERATION.has(text[e] ?? '') && !NOT_NAME_END.has(text[e] ?? '')) e++;
    // …马斯说/x: a verb or particle glued to the last part is not part of it.
    while (e > end + 2 && PART_TRAIL.has(text[e - 1] ?? '') && !TRANSLITERATION.has(text[e - 1] ?? '')) e--;
    if (e === end + 1) break;
    end = e;
  }
  return end;
}

/** Foreign names written with an interpunct: 詹姆斯·董, 若泽·萨尔特 (one word on each side of the dot), 彼得—米勒. */
export function interpunctNames(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(/[·•・—－]/g)) {
    const dot = m.index ?? 0;
    if (!joinsName(ctx, dot)) continue;
    const before = text[dot - 1] ?? '';
    if (before && (DOTS + DASHES).includes(before)) continue;
    const spanning = ctx.tokens.find((t) => t.start < dot && t.end > dot + 1);
    if (spanning) {
      if (CJK.test(spanning.text.replace(/[·•・]/g, ''))) out.push(person(spanning.start, spanning.end, text, Tier.rule));
      continue;
    }
    const start = leftPartStart(ctx, dot);
    if (start < 0 || start === dot || !CJK.test(text.slice(start, dot))) continue;
    const end = rightPartsEnd(ctx, dot);
    // 彼得·奥尔森大学: a name before an organization's last word names the organization.
    const next = ctx.tokens[ctx.tokenAt[end] ?? -1];
    if (next && next.text.length >= 2 && ctx.dicts.orgSuffixes.includes(next.text)) continue;
    // 卡·维诺夫斯卡镇: a name ending in, or before, a place's last word (镇, 州, 县) is a place.
    if (ctx.dicts.placeSuffixes.includes(text[end - 1] ?? '') || ctx.dicts.placeSuffixes.includes(text[end] ?? '')) continue;
    if (end > dot + 1) out.push(person(start, end, text, Tier.rule));
  }
}
