// Script handling with OpenCC: a simplified, width-folded copy for search (same length as the source, so
// highlight positions carry over), phrase-aware conversion of queries, and display in either script.
import * as OpenCC from 'opencc-js';
import type { Script } from '../schema.js';
import { fastConverter } from './convert.js';

type Convert = (text: string) => string;

/** Builds a converter on first use only: each takes a moment and memory, and a worker needs only some. */
function lazy(build: () => Convert): Convert {
  let convert: Convert | undefined;
  return (text) => (convert ??= build())(text);
}

// Long texts (documents, passages) go through the fast converters; queries through opencc-js directly.
const toSimplified = lazy(() => fastConverter('tw2s'));
const toTraditional = lazy(() => fastConverter('s2tw'));
const twQuery = lazy(() => OpenCC.Converter({ from: 'twp', to: 'cn' }));
const hkQuery = lazy(() => OpenCC.Converter({ from: 'hk', to: 'cn' }));

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
  return foldWidth(sameLength(toSimplified, text));
}

/** A query in any script or regional vocabulary → simplified mainland wording (Taiwan and Hong Kong phrases). */
export function normalizeQuery(query: string): string {
  return foldWidth(hkQuery(twQuery(query.normalize('NFC')))).replace(/\s+/g, ' ').trim();
}

/** Shows a text in the requested script, index for index the same as `text`. */
export function toScript(text: string, script: Script): string {
  return sameLength(script === 'simplified' ? toSimplified : toTraditional, text);
}

const TRADITIONAL_ONLY = 1;
const SIMPLIFIED_ONLY = 2;
let scriptTable: Uint8Array | undefined;

/** Per BMP character: whether conversion to simplified (TRADITIONAL_ONLY) or to traditional (SIMPLIFIED_ONLY) changes it. */
function buildScriptTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const codes: number[] = [];
  // Surrogates and ideographic description characters are not characters of their own to OpenCC.
  for (let c = 0x20; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && (c < 0x2ff0 || c > 0x2fff)) codes.push(c);
  const chars = codes.map((c) => String.fromCharCode(c));
  // One character per line, so no phrase rule applies: character tables suffice and build quickly.
  const simplified = fastConverter('tw2s', { characters: true })(chars.join('\n')).split('\n');
  const traditional = fastConverter('s2tw', { characters: true })(chars.join('\n')).split('\n');
  codes.forEach((c, k) => {
    if (simplified[k] !== chars[k]) table[c] = (table[c] ?? 0) | TRADITIONAL_ONLY;
    if (traditional[k] !== chars[k]) table[c] = (table[c] ?? 0) | SIMPLIFIED_ONLY;
  });
  return table;
}

/**
 * Which script a text is written in: the one whose characters it holds more of (characters that conversion
 * to the other script would change), judged on the first 20,000 characters.
 */
export function detectScript(text: string): Script {
  const table = (scriptTable ??= buildScriptTable());
  const n = Math.min(text.length, 20000);
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < n; i++) {
    const kind = table[text.charCodeAt(i)] ?? 0;
    if (kind & TRADITIONAL_ONLY) traditional++;
    if (kind & SIMPLIFIED_ONLY) simplified++;
  }
  return traditional > simplified ? 'traditional' : 'simplified';
}
