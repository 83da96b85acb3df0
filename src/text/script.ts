// Script handling with OpenCC: one normalization for passages and queries (a simplified, width-folded copy,
// the same length as the source so highlight positions carry over), script detection, and display in
// either script.
import type { Script } from '../schema.js';
import { convertFew, fastConverter } from './convert.js';
import { SIMPLIFIABLE, SIMPLIFIED_OF, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './script-table.js';

type Convert = (text: string) => string;

/** Builds a converter on first use only: each takes a moment and memory, and a worker needs only some. */
function lazy(build: () => Convert): Convert & { built: () => boolean } {
  let convert: Convert | undefined;
  return Object.assign((text: string) => (convert ??= build())(text), { built: () => convert !== undefined });
}

const toSimplified = lazy(() => fastConverter('tw2s'));
const toTraditional = lazy(() => fastConverter('s2tw'));

/** Full-width ASCII → half-width, ideographic space → space; one UTF-16 unit for one. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
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

// Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) split words for Meilisearch and for substring
// matching, yet nobody sees them. The clean stage drops them from passages (offset maps keep the source
// positions); queries lose them here.
export const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The one normalization of searchable text, for passages and queries alike: width-folded, simplified.
 * Script detection decides the conversion: text in traditional script goes through OpenCC's phrase-aware
 * traditional → simplified conversion; text in simplified script keeps every character that simplified
 * Chinese itself writes (著名, 乾隆, 什么) and converts only characters that only traditional text uses.
 * Never a regional rewording (软件 ↔ 軟體 is a synonym of the index, not a rewrite). Same length as `text`.
 */
export function normalizeText(text: string, script: Script = detectScript(text)): string {
  return normalized(text, script, (t) => sameLength(toSimplified, t));
}

function normalized(text: string, script: Script, simplify: Convert): string {
  // Without a character OpenCC changes, the conversion changes nothing: it need not even be built.
  const convert = script === 'traditional' && simplifiable(text);
  return separateDigits(foldWidth(convert ? simplify(text) : simplifyTraditionalOnly(text)));
}

/**
 * ASCII digits as full-width digits, in passages and queries alike. Meilisearch's Chinese tokenizer (jieba)
 * glues ASCII digits to the Han characters after them (2026年度 is one token), so 2026 alone found nothing;
 * it leaves full-width digits a token of their own. One UTF-16 unit for one, so offsets hold.
 */
function separateDigits(text: string): string {
  return /[0-9]/.test(text) ? text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : text;
}

/** A passage's normalized copy (`norm`), index for index the same as `text`: text/searchable.ts cuts it for Meilisearch. */
export const normalizeForIndex = (text: string): string => normalizeText(text);

// Quotation marks a Chinese keyboard types, as the ASCII quote Meilisearch reads as a phrase.
const QUOTES = /[“”„‟「」『』＂〝〞]/g;

/** A query as typed, tidied: NFC, no zero-width characters, phrase quotes as the ASCII quote. */
export function tidyQuery(query: string): string {
  return query.normalize('NFC').replace(ZERO_WIDTH, '').replace(QUOTES, '"');
}

/** A query, through the same normalization as passages; phrase quotes unified, spaces collapsed. */
export function normalizeQuery(query: string, script?: Script): string {
  const text = tidyQuery(query);
  // One short text: converted as texts to show are (tables built for it alone, at first).
  const simplify = (t: string) => toScriptMany([t], 'simplified')[0] ?? t;
  return normalized(text, script ?? detectScript(text), simplify)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every reading of a query to search, its normalized self first. A query whose characters do not tell its
 * script (乾燥, 著作: simplified Chinese writes these characters too) is also read as traditional, as
 * a traditional passage holding it was normalized (干燥, 着作), so either passage is found.
 */
export function queryForms(query: string): string[] {
  return [...new Set([normalizeQuery(query), normalizeQuery(query, 'traditional')])];
}

/** Shows a text in the requested script, index for index the same as `text`. */
export function toScript(text: string, script: Script): string {
  return sameLength(script === 'simplified' ? toSimplified : toTraditional, text);
}

// Up to this many characters, and this many times a process, texts are converted with tables built for them alone.
const FEW_CHARS = 50_000;
const FEW_CALLS = 20;
let fewCalls = 0;

/**
 * `toScript` for several texts at once. A process that shows a page of hits (a CLI search) would spend
 * 0.3 s building the full Taiwan tables; converting through tables built for the texts alone gives the same
 * result in a fraction of it. Once the full converter exists (a long-running server), it is used.
 */
export function toScriptMany(texts: string[], script: Script): string[] {
  // Nothing to convert (every hit already in the script): no OpenCC table is loaded at all.
  if (texts.length === 0) return [];
  const full = script === 'simplified' ? toSimplified : toTraditional;
  // A process that keeps converting (a server) builds the full tables after a few calls.
  if (full.built() || fewCalls >= FEW_CALLS || texts.reduce((n, t) => n + t.length, 0) > FEW_CHARS) return texts.map((t) => sameLength(full, t));
  fewCalls++;
  const preset = script === 'simplified' ? 'tw2s' : 's2tw';
  return convertFew(preset, texts).map((out, i) => {
    const text = texts[i] ?? '';
    if (out.length === text.length) return out;
    // As sameLength: a phrase that changed the length falls back to characters one by one.
    const chars = [...text];
    return convertFew(preset, chars)
      .map((c, k) => (c.length === (chars[k] ?? '').length ? c : chars[k]))
      .join('');
  });
}

const TRADITIONAL_ONLY_KIND = 1;
const SIMPLIFIED_ONLY_KIND = 2;

interface ScriptTable {
  /** Per BMP character: TRADITIONAL_ONLY, SIMPLIFIED_ONLY, both or neither. */
  kinds: Uint8Array;
  /** The simplified form of each TRADITIONAL_ONLY character. */
  simplified: Map<number, string>;
}
let scriptTable: ScriptTable | undefined;

/**
 * Which characters only one script writes (src/text/script-table.ts, generated from OpenCC's character
 * tables and the GB 2312 and Big5 character sets: 著, 乾, 么 are written in simplified text too, so they are
 * not evidence of traditional script).
 */
function buildScriptTable(): ScriptTable {
  const kinds = new Uint8Array(0x10000);
  const simplified = new Map<number, string>();
  for (let i = 0; i < TRADITIONAL_ONLY.length; i++) {
    const c = TRADITIONAL_ONLY.charCodeAt(i);
    kinds[c] = (kinds[c] ?? 0) | TRADITIONAL_ONLY_KIND;
    if (SIMPLIFIED_OF[i] !== TRADITIONAL_ONLY[i]) simplified.set(c, SIMPLIFIED_OF[i] ?? '');
  }
  for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) {
    const c = SIMPLIFIED_ONLY.charCodeAt(i);
    kinds[c] = (kinds[c] ?? 0) | SIMPLIFIED_ONLY_KIND;
  }
  return { kinds, simplified };
}

let simplifiableSet: Set<number> | undefined;

/** Whether OpenCC's traditional → simplified conversion could change `text` (a character it changes somewhere, or an astral one). */
function simplifiable(text: string): boolean {
  const set = (simplifiableSet ??= new Set([...SIMPLIFIABLE].map((ch) => ch.charCodeAt(0))));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (set.has(c) || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** Converts, one by one, only the characters that simplified Chinese never writes (臺 → 台, 們 → 们). */
function simplifyTraditionalOnly(text: string): string {
  const { kinds, simplified } = (scriptTable ??= buildScriptTable());
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((kinds[code] ?? 0) & TRADITIONAL_ONLY_KIND)) continue;
    const to = simplified.get(code);
    if (to === undefined) continue;
    out += text.slice(copied, i) + to;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The script a query was typed in, to show results in: as `detectScript` says when its characters tell;
 * otherwise a query that only a traditional reading changes (瞭解, 位於: characters simplified Chinese
 * also writes, in other words) counts as traditional.
 */
export function queryScript(query: string): Script {
  const { kinds } = (scriptTable ??= buildScriptTable());
  let evidence = false;
  for (let i = 0; i < query.length && !evidence; i++) evidence = (kinds[query.charCodeAt(i)] ?? 0) !== 0;
  if (evidence) return detectScript(query);
  if (!simplifiable(query)) return 'simplified';
  const [simplified, traditional] = [toScriptMany([query], 'simplified')[0], toScriptMany([query], 'traditional')[0]];
  return simplified !== query && traditional === query ? 'traditional' : 'simplified';
}

/**
 * Which script a text is written in: the one whose characters it holds more of (characters only one
 * script writes), judged on the first 20,000 characters; simplified when nothing tells.
 */
export function detectScript(text: string): Script {
  const { kinds } = (scriptTable ??= buildScriptTable());
  const n = Math.min(text.length, 20000);
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < n; i++) {
    const kind = kinds[text.charCodeAt(i)] ?? 0;
    if (kind & TRADITIONAL_ONLY_KIND) traditional++;
    if (kind & SIMPLIFIED_ONLY_KIND) simplified++;
  }
  return traditional > simplified ? 'traditional' : 'simplified';
}
