// Names listed together: enumerations (孙亚琳、曾秀芳), doubles pairs (魏建峰／邹玉珍) and headline runs of
// names glued before their verb (陈吉宁信长星…王清宪出席).
import type { Candidate, TagContext } from '../types.js';
import { Tier } from '../types.js';
import { endsWord, startsWord } from '../context.js';
import { codeTable } from '../words.js';
import { readNameAt, nameEndingAt } from './read-name.js';
import { CJK, NOT_NAME_END, surnameLength, person } from './shape.js';

/** Verbs that end a headline run of names (陈吉宁信长星…王清宪出席). */
const RUN_END = [
  '出席',
  '致辞',
  '讲话',
  '主持',
  '参加',
  '会见',
  '会谈',
  '看望',
  '调研',
  '考察',
  '率队',
  '分别',
  '等',
  '在',
  '共同',
  '一同',
  '见证',
  '签署',
  '发言',
  '慰问',
  '出访',
  '视察',
];

interface RunPiece {
  start: number;
  end: number;
  known: boolean;
}

/** Splits text[from, to) into names, preferring dictionary persons and 3-character names. */
function splitNameRun(ctx: TagContext, from: number, to: number): RunPiece[] | null {
  const { text, dicts } = ctx;
  const best: ({ cost: number; pieces: RunPiece[] } | null)[] = new Array(to - from + 1).fill(null);
  best[0] = { cost: 0, pieces: [] };
  for (let i = from; i < to; i++) {
    const cur = best[i - from];
    if (!cur) continue;
    const options: RunPiece[] = [];
    for (const m of dicts.trie.matchesAt(text, i)) {
      if (m.value.type === 'person' && m.end <= to) options.push({ start: i, end: m.end, known: true });
    }
    const s = surnameLength(ctx, text.slice(i, i + 3));
    if (s) for (const given of [1, 2]) if (i + s + given <= to) options.push({ start: i, end: i + s + given, known: false });
    for (const p of options) {
      const len = p.end - p.start;
      const cost = cur.cost + (p.known ? 0 : len === 3 ? 1 : 1.4);
      const slot = best[p.end - from];
      if (!slot || cost < slot.cost) best[p.end - from] = { cost, pieces: [...cur.pieces, p] };
    }
  }
  return best[to - from]?.pieces ?? null;
}

/** First characters of RUN_END, by UTF-16 code. */
const RUN_END_FIRST = codeTable(RUN_END.map((w) => w[0]).join(''));

/** Where each word of RUN_END first occurs in the run being read (-1: nowhere); one scan fills it. */
const runEndAt = new Int32Array(RUN_END.length);

/** Fills runEndAt for `run` (run.indexOf of each end word); false when none occurs from the fifth character on. */
function findEndWords(run: string): boolean {
  runEndAt.fill(-1);
  let late = false;
  for (let p = 0; p < run.length; p++) {
    if (!RUN_END_FIRST[run.charCodeAt(p)]) continue;
    for (let k = 0; k < RUN_END.length; k++) {
      if ((runEndAt[k] as number) < 0 && run.startsWith(RUN_END[k] as string, p)) {
        runEndAt[k] = p;
        if (p >= 4) late = true;
      }
    }
  }
  return late;
}

/** Headline runs: 陈吉宁信长星王浩梁言顺龚正许昆林刘捷王清宪出席 → eight names. */
export function headlineRuns(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(/[\u4e00-\u9fff]{4,60}/g)) {
    const runStart = m.index ?? 0;
    const run = m[0];
    // An end word found before the fifth character is skipped below: a run without one further on has none.
    if (!findEndWords(run)) continue;
    // Try each end word; the names are what stands before it.
    for (let k = 0; k < RUN_END.length; k++) {
      const at = runEndAt[k] as number;
      if (at < 4) continue;
      const pieces = splitNameRun(ctx, runStart, runStart + at);
      if (!pieces || pieces.length < 2) continue;
      const known = pieces.filter((p) => p.known).length;
      // Without any known name a run of surname-led chunks is too easy to invent; ask for one anchor.
      if (known === 0 && pieces.length < 3) continue;
      if (known === 0 && !pieces.every((p) => (ctx.tokenAt[p.start] ?? -1) >= 0)) continue;
      for (const p of pieces) out.push(person(p.start, p.end, text, p.known ? Tier.dictionary : Tier.rule));
      break;
    }
  }
}

/** What may follow the last name of an enumeration (何茂林、刘谨）, 周振华、龚永福报道, 孔德明、孔德亮兄弟). */
const LIST_END = /^([、，。；：）)”」\s]|等|和|与|及|报道|摄|的|在|以|说|是|也|都|父子|父女|母子|母女|夫妇|夫妻|兄弟|姐妹|兄妹|姐弟|二人|两人|$)/;

/**
 * 孙亚琳、曾秀芳以: a surname-led word listed with a found name is a name too, though the segmenter cut it
 * (曾/d 秀/ag 芳/nr). Grows both ways along the list, one name at a time.
 */
export function enumerations(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  const known = new Set(out.filter((c) => c.type === 'person').map((c) => `${c.start}:${c.end}`));
  let frontier = out.filter((c) => c.type === 'person' && c.end - c.start >= 2);
  for (let round = 0; round < 6 && frontier.length; round++) {
    const next: Candidate[] = [];
    for (const p of frontier) {
      if (text[p.end] === '、') {
        const at = p.end + 1;
        const end = readNameAt(ctx, at);
        if (end > at + 1 && LIST_END.test(text.slice(end, end + 2)) && !ctx.dicts.surfaces.has(text.slice(at, end))) next.push(person(at, end, text, Tier.pos));
      }
      if (text[p.start - 1] === '、') {
        const stop = p.start - 1;
        // The name opens the list: after punctuation, a title or a word boundary.
        const at = nameEndingAt(ctx, stop, (k) => startsWord(ctx, k) || /[、，。；：（(“「\s]/.test(text[k - 1] ?? ''));
        if (at >= 0) next.push(person(at, stop, text, Tier.pos));
      }
    }
    frontier = next.filter((c) => !known.has(`${c.start}:${c.end}`));
    for (const c of frontier) {
      known.add(`${c.start}:${c.end}`);
      out.push(c);
    }
  }
}

/** 魏建峰／邹玉珍: the two players of a doubles pair, surname-led names on both sides of a slash. */
export function doublesPairs(ctx: TagContext, out: Candidate[]): void {
  const { text } = ctx;
  for (const m of text.matchAll(/[／/]/g)) {
    const slash = m.index ?? 0;
    const right = readNameAt(ctx, slash + 1);
    if (right < slash + 3 || (!endsWord(ctx, right) && CJK.test(text[right] ?? '') && !NOT_NAME_END.has(text[right] ?? ''))) continue;
    // 但冯丽／…: a two-character name may follow a glued word; a three-character one starts a word.
    const left = nameEndingAt(ctx, slash, (k) => slash - k === 2 || startsWord(ctx, k) || !CJK.test(text[k - 1] ?? ''));
    if (left < 0) continue;
    out.push(person(left, slash, text, Tier.pos), person(slash + 1, right, text, Tier.pos));
  }
}
