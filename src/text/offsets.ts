// Offset maps keep every derived text traceable to the original decoded text (DESIGN.md: offsets are sacred).
import type { Anchor, OffsetMap } from '../schema.js';

/** Maps an index of a derived text to its source through `map`. */
export function toSource(map: OffsetMap, index: number): number {
  let lo = 0;
  let hi = map.length - 1;
  if (hi < 0) return index;
  // Last anchor whose `at` <= index.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map[mid] as Anchor)[0] <= index) lo = mid;
    else hi = mid - 1;
  }
  const [at, src] = map[lo] as Anchor;
  return index < at ? index : src + (index - at);
}

/** Maps a derived span [start, end) to the source; an empty or inverted result collapses to `start`. */
export function spanToSource(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const s = toSource(map, start);
  // The end is exclusive: map the last character and step past it, so a span never swallows a removed gap.
  const e = end > start ? toSource(map, end - 1) + 1 : s;
  return { start: s, end: Math.max(s, e) };
}

/**
 * Builds a derived text from pieces of a source text, recording where each piece came from.
 * `sourceMap` (optional) is the source's own map to the original, so the result maps straight to the original.
 */
export class MappedTextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly map: Anchor[] = [];

  constructor(private readonly sourceMap: OffsetMap = []) {}

  /** Appends source[from, to). */
  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    this.anchor(this.length, from);
    // Anchors of the source map that fall inside the copied range must be carried over.
    for (const [at] of this.sourceMap) {
      if (at > from && at < to) this.anchor(this.length + (at - from), at);
    }
    this.parts.push(source.slice(from, to));
    this.length += to - from;
  }

  /** Appends text that stands for source[at] (such as a space for a removed line break). */
  insert(text: string, at: number): void {
    if (!text) return;
    this.anchor(this.length, at);
    this.parts.push(text);
    this.length += text.length;
    // Whatever follows must set its own anchor; the inserted text must not stretch the previous one.
  }

  private anchor(derived: number, sourceIndex: number): void {
    const original = this.sourceMap.length ? toSource(this.sourceMap, sourceIndex) : sourceIndex;
    const last = this.map[this.map.length - 1];
    if (last && last[0] === derived) {
      last[1] = original;
      return;
    }
    // Skip anchors implied by the previous one, keeping maps short.
    if (last && last[1] + (derived - last[0]) === original) return;
    this.map.push([derived, original]);
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Re-bases a map onto a slice of the derived text that starts at `offset`. */
export function sliceMap(map: OffsetMap, offset: number, end: number): OffsetMap {
  const out: Anchor[] = [[0, toSource(map, offset)]];
  for (const [at, src] of map) {
    if (at > offset && at < end) out.push([at - offset, src]);
  }
  return out;
}
