// Is a token or a span a place: the dictionaries' places and the segmenter's ns words.
import type { Token } from '../../../schema.js';
import type { TagContext } from '../types.js';
import type { Word } from '../words.js';
import { DESCRIPTIVE_HEAD } from './heads.js';

/** True when the text at [start, end) is a dictionary place or a segmenter place. */
export function isPlaceAt(ctx: TagContext, start: number, end: number): boolean {
  const hit = ctx.dicts.surfaces.get(ctx.text.slice(start, end));
  if (hit) return hit.type === 'place';
  const i = ctx.tokenAt[start] ?? -1;
  const t = i >= 0 ? ctx.tokens[i] : undefined;
  return !!t && t.end === end && t.tag === 'ns';
}

export function knownPlace(ctx: TagContext, t: Token): boolean {
  return t.text.length >= 2 && ctx.dicts.surfaces.get(t.text)?.type === 'place';
}

export function placeLikeToken(ctx: TagContext, t: Token): boolean {
  return placeLike(t, ctx.tables.word(t.text));
}

/** A segmenter place, or a place of the dictionaries of two or more characters. */
export function placeLike(t: Token, w: Word): boolean {
  // 非上市/ns, 非营利/ns: the segmenter's place tag on a negated modifier.
  if (!w.hit && DESCRIPTIVE_HEAD.test(t.text)) return false;
  return t.tag === 'ns' || (t.text.length >= 2 && w.hit?.type === 'place');
}

/** A known place of the country's own gazetteers (香港, 杭州), not a country, a continent or a world city. */
export function domesticPlace(ctx: TagContext, t: Token): boolean {
  const hit = ctx.dicts.surfaces.get(t.text);
  if (t.text.length < 2 || hit?.type !== 'place') return false;
  return !/^(world|countries)/.test(ctx.dicts.entries.get(hit.canonical)?.file ?? '');
}
