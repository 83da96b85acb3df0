// Script handling with OpenCC: a simplified, width-folded copy for search (same length as the source, so
// highlight positions carry over), phrase-aware conversion of queries, and display in either script.
import * as OpenCC from 'opencc-js';
import type { Script } from '../schema.js';

type Convert = (text: string) => string;

let converters: Record<'toSimplified' | 'toTraditional' | 'twQuery' | 'hkQuery', Convert> | undefined;

// Building the OpenCC tries takes a moment; build them on first use only.
function get(): NonNullable<typeof converters> {
  converters ??= {
    toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
    twQuery: OpenCC.Converter({ from: 'twp', to: 'cn' }),
    hkQuery: OpenCC.Converter({ from: 'hk', to: 'cn' }),
  };
  return converters;
}

/** Full-width ASCII → half-width, ideographic space → space; one UTF-16 unit for one. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Converts without changing length: if a phrase rule changed it, fall back to character by character. */
function sameLength(convert: Convert, text: string): string {
  const out = convert(text);
  if (out.length === text.length) return out;
  let chars = '';
  for (const ch of text) {
    const c = convert(ch);
    chars += c.length === ch.length ? c : ch;
  }
  return chars;
}

/** The searchable copy of a text: simplified and width-folded, index for index the same as `text`. */
export function normalizeForIndex(text: string): string {
  return foldWidth(sameLength(get().toSimplified, text));
}

/** A query in any script or regional vocabulary → simplified mainland wording (Taiwan and Hong Kong phrases). */
export function normalizeQuery(query: string): string {
  const { twQuery, hkQuery } = get();
  return foldWidth(hkQuery(twQuery(query.normalize('NFC')))).replace(/\s+/g, ' ').trim();
}

/** Shows a text in the requested script, index for index the same as `text`. */
export function toScript(text: string, script: Script): string {
  return script === 'simplified' ? sameLength(get().toSimplified, text) : sameLength(get().toTraditional, text);
}

/** Which script a text is written in: the one that conversion to the other changes more. */
export function detectScript(text: string): Script {
  const sample = text.slice(0, 20000);
  const { toSimplified, toTraditional } = get();
  const changed = (a: string, b: string) => {
    let n = 0;
    for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) n++;
    return n;
  };
  return changed(sample, toSimplified(sample)) > changed(sample, toTraditional(sample)) ? 'traditional' : 'simplified';
}
