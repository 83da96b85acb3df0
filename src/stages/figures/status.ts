// Status of a figure: target (a goal, plan or commitment), actual (a reported result) or other (a
// capability, rule or definition). The nearest status word before the figure in its sentence decides
// (figure-cues.txt); without one, a period opened by 到 (到2025年) marks a target, else the figure is actual.
import type { FigureStatus, Token } from '../../schema.js';
import type { Dictionaries } from './dictionary.js';
import { foldWord } from './normalize.js';
import type { TokenIndex } from './tokens.js';

const MAX_LOOKBACK = 60;

function statusOf(dict: Dictionaries, word: string): FigureStatus | null {
  const roles = dict.cues.get(word);
  if (!roles) return null;
  if (roles.has('target')) return 'target';
  if (roles.has('other')) return 'other';
  if (roles.has('actual')) return 'actual';
  return null;
}

export interface StatusInput {
  index: TokenIndex;
  dict: Dictionaries;
  /** Start of the figure (with its cues). */
  start: number;
  sentenceStart: number;
  /** The period text, if any (到2025年 marks a target). */
  period: string;
}

export function findStatus(m: StatusInput): FigureStatus {
  const tokens = m.index.tokens;
  let i = m.index.at(m.start - 1);
  while (i >= 0 && (tokens[i] as Token).end > m.start) i--;
  for (let steps = 0; i >= 0 && steps < MAX_LOOKBACK; i--, steps++) {
    const t = tokens[i] as Token;
    if (t.start < m.sentenceStart) break;
    const word = foldWord(t.text);
    const s = statusOf(m.dict, word);
    if (s) return s;
    // Two-word cues the segmenter splits (比 上年, 数据 显示).
    const prev = tokens[i - 1];
    if (prev && prev.start >= m.sentenceStart) {
      const pair = statusOf(m.dict, foldWord(prev.text) + word);
      if (pair) return pair;
    }
  }
  if (/^(到|至)/.test(m.period) || /^(明年|未来|今后)/.test(m.period)) return 'target';
  return 'actual';
}
