// Navigation over the segmenter's tokens: which token holds an offset, which start a word, and what
// kind of word a token is for the figure rules (nominal, verb, punctuation).
import type { Token } from '../../schema.js';

export class TokenIndex {
  /** wordStart[i] = 1 when a token starts at i. */
  private readonly wordStart: Uint8Array;

  constructor(
    readonly tokens: Token[],
    length: number,
  ) {
    this.wordStart = new Uint8Array(length + 1);
    for (const t of tokens) if (t.start <= length) this.wordStart[t.start] = 1;
    this.wordStart[length] = 1;
  }

  isWordStart(pos: number): boolean {
    return this.tokens.length === 0 || this.wordStart[pos] === 1;
  }

  /** Index of the last token starting at or before pos (-1 if none). */
  at(pos: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokens[mid] as Token).start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  isUnknownWord(pos: number): boolean {
    return this.holding(pos)?.tag === 'x';
  }

  /** The token holding offset pos, or undefined. */
  holding(pos: number): Token | undefined {
    const t = this.tokens[this.at(pos)];
    return t && t.end > pos ? t : undefined;
  }
}

/** A TokenIndex made on first use, for word bounds that may never be asked for (see extractFigures). */
export class LazyWords {
  private made: TokenIndex | undefined;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  index(): TokenIndex {
    this.made ??= new TokenIndex(this.tokens, this.length);
    return this.made;
  }

  isWordStart(pos: number): boolean {
    return this.index().isWordStart(pos);
  }

  isUnknownWord(pos: number): boolean {
    return this.index().isUnknownWord(pos);
  }
}

const HAN = /[\u3400-\u9fff]/;
const PUNCT = /^[\p{P}\p{S}\s]+$/u;

export function isPunct(t: Token): boolean {
  return PUNCT.test(t.text);
}

/** Nouns and noun-like words that make up a metric (国家实验室, 优良天数比率, GDP). */
export function isNominal(t: Token): boolean {
  const tag = t.tag;
  if (isPunct(t)) return false;
  if (
    tag.startsWith('n') ||
    tag === 'vn' ||
    tag === 'an' ||
    tag === 'b' ||
    tag === 'j' ||
    tag === 'l' ||
    tag === 's' ||
    tag === 'eng' ||
    tag === 'z' ||
    tag === 'nz' ||
    tag === 'g' ||
    tag === 'zg'
  )
    return true;
  // Unknown words (科创, 三省) come tagged x.
  return tag === 'x' && (HAN.test(t.text) || /^[A-Za-z]/.test(t.text));
}

export function isVerb(t: Token): boolean {
  return t.tag === 'v' || t.tag === 'vd' || t.tag === 'vg' || t.tag === 'vi';
}

export function isQuote(t: Token): boolean {
  return /^[“”"‘’「」『』《》]$/.test(t.text);
}

/** Taiwan and Hong Kong nouns of public finance and business the segmenter's dictionary lacks. */
const REGIONAL_NOUNS = new Set(['岁出', '岁入', '营收', '运量', '盈馀', '公营']);

/** One-character status verbs the segmenter glues to the word before them when it doesn't know it (率拟). */
const GLUED_CUE = /^[\u3400-\u9fff]+[拟将须应要]$/;
/** Verbs of a target the segmenter glues to 比 after 占 (占比拼, 占比将, 占比达). */
const GLUED_AFTER_SHARE = /^[拼将要拟达为逾超近约]$/;

/**
 * Splits unknown words (tag x) the segmenter made across a boundary the figure rules need: a status verb
 * glued to the noun before it (赤字率拟 → 赤字率 拟) and a quarter glued to the word after it after a
 * number (第3季营收 → 季 营收); regional nouns split in two are joined (岁 出 → 岁出). `text` is the matching copy the tokens index into. Returns `tokens` itself
 * when nothing changes.
 */
export function repairTokens(tokens: Token[], text: string): Token[] {
  let out: Token[] | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    let parts: Token[] | undefined;
    if (t.tag === 'x' && t.text.length >= 2 && GLUED_CUE.test(t.text)) {
      const cut = t.end - 1;
      parts = [
        { ...t, text: t.text.slice(0, -1), end: cut, tag: 'n' },
        { ...t, text: t.text.slice(-1), start: cut, tag: 'v' },
      ];
    } else if (t.tag === 'x' && t.text.length >= 3 && t.text[0] === '季' && /[0-9一二三四]/.test(text[t.start - 1] ?? '')) {
      parts = [
        { ...t, text: '季', end: t.start + 1, tag: 'q' },
        { ...t, text: t.text.slice(1), start: t.start + 1, tag: 'n' },
      ];
    }
    // Regional nouns the simplified dictionary splits (岁/m 出/v → 岁出, 营/收 → 营收).
    const next = tokens[k + 1];
    // 占比 and a verb glued into a word after it (占/v 比拼/v of 綠電占比拚三成): 占比 and the verb.
    if (
      !parts &&
      t.text === '占' &&
      next &&
      next.start === t.end &&
      next.text.length === 2 &&
      next.text[0] === '比' &&
      GLUED_AFTER_SHARE.test(next.text[1] as string)
    ) {
      parts = [
        { text: '占比', tag: 'n', start: t.start, end: next.start + 1 },
        { text: next.text.slice(1), tag: 'v', start: next.start + 1, end: next.end },
      ];
      k++;
    }
    if (!parts && t.text.length === 1 && next && next.text.length === 1 && next.start === t.end && REGIONAL_NOUNS.has(t.text + next.text)) {
      parts = [{ text: t.text + next.text, tag: 'n', start: t.start, end: next.end }];
      k++;
    }
    if (parts) {
      out ??= tokens.slice(0, k);
      out.push(...parts);
    } else out?.push(t);
  }
  return out ?? tokens;
}
