// The tagging context: the text, its tokens and index tables over them, shared by every recognizer.
import type { Token } from '../../schema.js';
import type { EntityDictionaries } from './dictionary.js';
import type { TagContext } from './types.js';

export function buildContext(text: string, tokens: Token[], dicts: EntityDictionaries): TagContext {
  const tokenAt = new Int32Array(text.length + 1).fill(-1);
  const tokenEndingAt = new Int32Array(text.length + 1).fill(-1);
  const tokenOf = new Int32Array(text.length + 1).fill(-1);
  tokens.forEach((t, i) => {
    if (t.start <= text.length) tokenAt[t.start] = i;
    if (t.end <= text.length) tokenEndingAt[t.end] = i;
    for (let k = t.start; k < t.end && k < text.length; k++) tokenOf[k] = i;
  });
  return { text, tokens, dicts, tokenAt, tokenEndingAt, tokenOf };
}

/** 县委书记, 政协主席: the segmenter glued a title to the name before it; the name still ends at `at`. */
export function titleFollows(ctx: TagContext, at: number): boolean {
  const k = ctx.tokenOf[at] ?? -1;
  const t = k >= 0 ? ctx.tokens[k] : undefined;
  return !!t && t.start < at && ctx.dicts.titleSet.has(ctx.text.slice(at, t.end));
}

const isHan = (ch: string | undefined) => !!ch && /[\u3400-\u9fff]/.test(ch);

/** A word starts at `at`: a token starts there, or Chinese text starts after digits or Latin letters (上海５月). */
export function startsWord(ctx: TagContext, at: number): boolean {
  return (ctx.tokenAt[at] ?? -1) >= 0 || (isHan(ctx.text[at]) && !isHan(ctx.text[at - 1]));
}

/** A word ends at `at` (exclusive): a token ends there, or Chinese text ends before digits or Latin letters. */
export function endsWord(ctx: TagContext, at: number): boolean {
  return (ctx.tokenEndingAt[at] ?? -1) >= 0 || (isHan(ctx.text[at - 1]) && !isHan(ctx.text[at]));
}
