// Status of a figure: target (a goal, plan or commitment), actual (a reported result) or other (a
// capability, rule or definition). The nearest status word before the figure in its sentence decides
// (figure-cues.txt); without one, a period opened by 到 (到2025年) marks a target, else the figure is actual.
// Forecasts and estimates (预计, 预估, 预期, 可望) count as targets: like a goal they state a figure that
// is not yet a reported result, and analysts read them alongside targets.
// A rate (每年, 每名) in the figure's clause makes it other (a rule or a capacity) unless a planning word
// before it in the sentence (计划每年安排…) makes it a target.
// Status comes from the figure's own clause first. A word in an earlier clause of the sentence carries
// over only when it governs what follows: a verb or adverb (拟, 要, 将, 已), or a noun with a verb after it
// in its clause (目标是, 计划未来五年兴建). A noun that ends its clause (锚定更高目标,…) is an object, and
// a rate (每名, 每天) stays in its own clause.
import type { FigureStatus, Token } from '../../schema.js';
import type { Dictionaries } from './dictionary.js';
import { foldWord } from '../../text/fold.js';
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

const CLAUSE_END = /^[,，;；:：]$/;

/** Is the noun at token i followed, inside its clause, by a verb it governs (目标是, 计划…兴建)? */
function governs(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k - i <= 6; k++) {
    const t = tokens[k] as Token;
    if (CLAUSE_END.test(t.text) || /[。！？!?]/.test(t.text)) return false;
    if (isVerb(t) || t.tag === 'p' || /^[是为]$/.test(t.text)) return true;
  }
  return false;
}

/** 可 is "can" only before a verb, and not in adjectives the segmenter splits (可/支配 收入, 可/再生能源). */
const MODIFIER_AFTER_KE = new Set(['支配', '比', '再生', '持续', '回收', '吸入', '降解', '视化', '控']);

const MODAL = new Set(['可', '可以', '能', '能够']);

/** 每 (每名, 每天) states a rate for its own clause only (向每名市民发放5000元,涉及款项约360亿元). */
function perUnit(word: string): boolean {
  return word.startsWith('每');
}

/** 会 (會) before a verb or preposition is "will" (政府会向…发放); elsewhere it may be "can" or a meeting. */
function willVerb(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && (isVerb(next) || next.tag === 'p' || next.tag === 'd');
}

export function findStatus(m: StatusInput): FigureStatus {
  const tokens = m.index.tokens;
  let i = m.index.at(m.start - 1);
  while (i >= 0 && (tokens[i] as Token).end > m.start) i--;
  let ownClause = true;
  let modal = false;
  let ownPredicate = false;
  // A rate in the figure's clause (每年安排20亿元) is other unless a plan governs it (计划每年安排…).
  let rate = false;
  for (let steps = 0; i >= 0 && steps < MAX_LOOKBACK; i--, steps++) {
    const t = tokens[i] as Token;
    if (t.start < m.sentenceStart) break;
    if (CLAUSE_END.test(t.text)) {
      if (modal) return 'other';
      ownClause = false;
      continue;
    }
    const word = foldWord(t.text);
    let s = statusOf(m.dict, word);
    const after = tokens[i + 1];
    if (word === '可' && (!after || !(isVerb(after) || after.tag === 'vn') || MODIFIER_AFTER_KE.has(foldWord(after.text)))) s = null;
    if (!s && word === '会' && t.tag === 'v' && willVerb(tokens, i)) s = 'target';
    // A clause with its own change verb or time (一季度…产量增长30%) is a statement of its own: a
    // capability (可) in the clause before says nothing about it.
    if (ownClause && !s && (t.tag === 't' || m.dict.cues.get(word)?.has('change'))) ownPredicate = true;
    if (s && !ownClause && (perUnit(word) || (s === 'other' && ownPredicate) || (/^(n|vn)$/.test(t.tag) && !governs(tokens, i)))) continue;
    // 可 after a plan or forecast in its clause (预期未来十年可兴建) is what the plan allows: a target.
    if (s === 'other' && ownClause && MODAL.has(word)) {
      modal = true;
      continue;
    }
    if (s === 'other' && ownClause && perUnit(word) && !modal) {
      rate = true;
      continue;
    }
    if (rate && s && s !== 'target') return 'other';
    if (modal && s && s !== 'target') return 'other';
    if (s && !(word === '将' && baObject(tokens, i, m.start, m.end))) return s;
    // Two-word cues the segmenter splits (比 上年, 数据 显示).
    const prev = tokens[i - 1];
    if (prev && prev.start >= m.sentenceStart) {
      const pair = statusOf(m.dict, foldWord(prev.text) + word);
      if (pair && !(!ownClause && perUnit(foldWord(prev.text)))) return modal && pair !== 'target' ? 'other' : pair;
    }
  }
  if (/^(到|至)/.test(m.period) || /^(明年|未来|今后)/.test(m.period)) return 'target';
  return modal || rate ? 'other' : 'actual';
}
