// Status of a figure: target (a goal, plan or commitment), actual (a reported result) or other (a
// capability, rule or definition). The nearest status word before the figure in its sentence decides
// (figure-cues.txt); without one, a period opened by 到 (到2025年) marks a target, else the figure is actual.
import type { FigureStatus, Token } from '../../schema.js';
import type { Dictionaries } from './dictionary.js';
import { foldWord } from './normalize.js';
import { type TokenIndex, isVerb } from './tokens.js';

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
  /** Start and end of the figure (with its cues). */
  start: number;
  end: number;
  sentenceStart: number;
  /** The period text, if any (到2025年 marks a target). */
  period: string;
}

/**
 * 将 at token index i before a noun, with no verb up to the figure and a verb after it in the clause,
 * marks an object that holds the figure (将句容、金坛…7个百强县串起): no future. With a verb between
 * (将新建充电桩5万个, 将其时间缩短30%) or none after (将新建学校十二所,) it may still be one.
 */
function baObject(tokens: Token[], i: number, figureStart: number, figureEnd: number): boolean {
  const next = tokens[i + 1];
  if (!next || !/^(n|nr|ns|nt|nz|r|f|s)$/.test(next.tag)) return false;
  let k = i + 1;
  for (; k < tokens.length && (tokens[k] as Token).start < figureStart; k++) if (isVerb(tokens[k] as Token)) return false;
  for (let steps = 0; k < tokens.length && steps < 12; k++, steps++) {
    const t = tokens[k] as Token;
    if (t.start < figureEnd) continue;
    if (/^[,，;；。!！?？:：]$/.test(t.text)) return false;
    if (isVerb(t)) return true;
  }
  return false;
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
    if (s && !(word === '将' && baObject(tokens, i, m.start, m.end))) return s;
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
