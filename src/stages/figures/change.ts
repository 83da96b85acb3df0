// Changes are not levels: a figure right after a verb of change (增加, 下降了, 年增, 提高) says by how much
// something changed, against a base (比上年, 较2020年, 与上年相比, 同比). Verbs that name the level reached
// (增至, 降到, 提高到) make a level, as does a noun (增幅, 增速: the rate is the level measured).
import type { FigureChange, Token } from '../../schema.js';
import type { Dictionaries } from './dictionary.js';
import { foldWord } from '../../text/fold.js';
import type { TokenIndex } from './tokens.js';

export interface ChangeOf {
  change: FigureChange | null;
  base: string | null;
}

const LEVEL: ChangeOf = { change: null, base: null };
const DECREASE = /[减降跌缩压少落]|下调|调低|下修/;
const INCREASE = /[增提升涨扩延多长翻]|上调|调升|上修|成长/;
/** Comparison words that name their base themselves: year on year, period on period. */
const IMPLIED_BASE: [RegExp, string][] = [
  [/(同比|按年|年增|年减|较上年同期|比上年同期)/, '上年同期'],
  [/(环比|按月|按季)/, '上期'],
];
const ADVERBS = /(分别|均|各|共|再|又|已|已经|将|约|累计|也|则|还|更|大幅|明显|小幅|略|稍|有所|持续)+$/;

/** The change verb right before `start` (tokens, 了 and spaces skipped), or null. */
function verbBefore(index: TokenIndex, dict: Dictionaries, start: number, sentenceStart: number): { word: string; start: number } | null {
  const tokens = index.tokens;
  let i = index.at(start - 1);
  while (i >= 0 && (tokens[i] as Token).end > start) i--;
  while (i >= 0 && /^(了|\s+)$/.test((tokens[i] as Token).text)) i--;
  const t = tokens[i];
  if (!t || t.start < sentenceStart || t.end < start - 3) return null;
  const word = foldWord(t.text);
  if (dict.cues.get(word)?.has('change')) return { word, start: t.start };
  // Two words the segmenter split (年/增, 按年/上升).
  const prev = tokens[i - 1];
  if (prev && prev.end === t.start && prev.start >= sentenceStart) {
    const pair = foldWord(prev.text) + word;
    if (dict.cues.get(pair)?.has('change')) return { word: pair, start: prev.start };
  }
  // A one-character verb (同比增5%, 降3%) the cue list leaves out since it is part of words (新增).
  if (/^[增降减涨跌]$/.test(word)) return { word, start: t.start };
  return null;
}

/**
 * Change and base of the figure at [start, …) in folded text `s`: the base is looked for in the figure's
 * clause (from `clauseStart`), or in a 与…相比 clause opening its sentence.
 */
export function changeOf(s: string, index: TokenIndex, dict: Dictionaries, start: number, clauseStart: number, sentenceStart: number): ChangeOf {
  const verb = verbBefore(index, dict, start, clauseStart);
  if (!verb || /[至到]$/.test(verb.word) || verb.word === '新增') return LEVEL;
  const change: FigureChange | null = DECREASE.test(verb.word) ? 'decrease' : INCREASE.test(verb.word) ? 'increase' : null;
  if (!change) return LEVEL;
  const before = s.slice(clauseStart, verb.start);
  // 与上年相比，…下降2.1%: the comparison may open the sentence as a clause of its own.
  const opening = /与([^与,，;；]{1,20})相比[,，]\s*$/.exec(s.slice(sentenceStart, clauseStart));
  return { change, base: baseIn(before, verb.word) ?? opening?.[1] ?? null };
}

/** The base written before the verb in its clause: 比X, 较X, 较之X, 相较于X, 与X相比, or one implied (同比). */
function baseIn(before: string, verb: string): string | null {
  for (const [re, base] of IMPLIED_BASE) if (re.test(verb) || new RegExp(`${re.source}\\s*$`).test(before.replace(ADVERBS, ''))) return base;
  const m =
    /与([^与]{1,20}?)相比[,，]?\s*$/.exec(before.replace(ADVERBS, '')) ??
    /(?:^|[^占对无同环好])(?:相较于|相较|较之|比|较)(?!例|重|赛|率|较|如)([^比较]{1,24})$/.exec(before);
  if (!m) return null;
  const base = (m[1] ?? '')
    .replace(ADVERBS, '')
    .replace(/(相比|而言)$/, '')
    .trim();
  return base || null;
}
