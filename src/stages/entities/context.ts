// The tagging context: the text, its tokens and index tables over them, shared by every recognizer.
import type { Token } from '../../schema.js';
import type { EntityDictionaries } from './dictionary.js';
import type { TagContext } from './types.js';
import { tablesOf, type Word } from './words.js';

let scratch = new Int32Array(4096);

export function buildContext(text: string, tokens: Token[], dicts: EntityDictionaries, document: string = text): TagContext {
  // One buffer for the three tables, kept between passages: tagging is synchronous and no table outlives it.
  const n = text.length + 1;
  if (scratch.length < 3 * n) scratch = new Int32Array(Math.max(3 * n, 2 * scratch.length));
  const buffer = scratch.fill(-1, 0, 3 * n);
  const tokenAt = buffer.subarray(0, n);
  const tokenEndingAt = buffer.subarray(n, 2 * n);
  const tokenOf = buffer.subarray(2 * n, 3 * n);
  const tables = tablesOf(dicts);
  const words: Word[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start <= text.length) tokenAt[t.start] = i;
    if (t.end <= text.length) tokenEndingAt[t.end] = i;
    for (let k = t.start; k < t.end && k < text.length; k++) tokenOf[k] = i;
    words[i] = tables.word(t.text);
  }
  return { text, document, tokens, dicts, tokenAt, tokenEndingAt, tokenOf, words, tables };
}

/** 县委书记, 政协主席: the segmenter glued a title to the name before it; the name still ends at `at`. */
export function titleFollows(ctx: TagContext, at: number): boolean {
  const k = ctx.tokenOf[at] ?? -1;
  const t = k >= 0 ? ctx.tokens[k] : undefined;
  return !!t && t.start < at && ctx.dicts.titleSet.has(ctx.text.slice(at, t.end));
}

/** A Han character at `at` (out of range: none); by code, as this runs at every dictionary match. */
export function hanAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 0x3400 && c <= 0x9fff;
}

/** A word starts at `at`: a token starts there, or Chinese text starts after digits or Latin letters (上海５月). */
export function startsWord(ctx: TagContext, at: number): boolean {
  return (ctx.tokenAt[at] ?? -1) >= 0 || (hanAt(ctx.text, at) && !hanAt(ctx.text, at - 1));
}

/** A word ends at `at` (exclusive): a token ends there, or Chinese text ends before digits or Latin letters. */
export function endsWord(ctx: TagContext, at: number): boolean {
  return (ctx.tokenEndingAt[at] ?? -1) >= 0 || (hanAt(ctx.text, at - 1) && !hanAt(ctx.text, at));
}
