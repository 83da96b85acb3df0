// Stage "read": bytes → original decoded text (UTF-8, UTF-16 with a BOM, GB18030/GBK or Big5) → text without markup,
// with an offset map back to the original. Refuses empty and binary files with a reason.
import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import { NO_META, type DocMeta, type Encoding, type SourceDoc } from '../schema.js';
import { dateFromFileName } from '../text/dates.js';
import { MappedTextBuilder } from '../text/offsets.js';
import { readHtml } from './read/html.js';

/** A file that cannot be read as text; the message names the reason, the caller names the file. */
export class UnreadableFileError extends Error {}

/** Why a file could not be read, from the error of the system call (ENOENT, EACCES …). */
export function readErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EACCES' ? 'permission denied' : `cannot read (${code})`;
}

/** A date that could not be understood, as a diagnostic or warning says it (for a file or a row). */
export function dateNotUnderstood(text: string): string {
  return `date "${text.slice(0, 60)}" not understood; kept as written (dateText), no date`;
}

function decodes(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Big5 and GB18030 both accept most double-byte text, but Big5 puts about a third of its characters on
 * trail bytes 0x40–0x7E, where GB2312 (the simplified-text core of GB18030) puts none.
 */
function big5TrailShare(bytes: Uint8Array): number {
  let pairs = 0;
  let lowTrail = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if ((bytes[i] ?? 0) < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (trail >= 0x40 && trail <= 0x7e) lowTrail++;
    i++;
  }
  return pairs ? lowTrail / pairs : 0;
}

/** UTF-16 by its byte-order mark (Windows Notepad's "Unicode" saves it so); without one it is not guessed. */
function utf16(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Detects the encoding and decodes; a UTF-16 BOM first, then UTF-8 (a BOM is dropped), then GB18030 or Big5. */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new UnreadableFileError('empty file');
  const wide = utf16(bytes);
  if (wide) {
    // The decoder drops the BOM, as for UTF-8: offsets count from the first character of the text.
    const text = decodes(bytes, wide);
    if (text === undefined) throw new UnreadableFileError(`not valid ${wide.toUpperCase()} text (it starts with a ${wide.toUpperCase()} byte-order mark)`);
    if (text.includes('\0')) throw new UnreadableFileError('binary file (contains NUL characters)');
    return { text, encoding: wide };
  }
  if (bytes.includes(0)) throw new UnreadableFileError('binary file (contains NUL bytes)');
  const utf8 = decodes(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = decodes(bytes, 'gb18030');
  const big5 = decodes(bytes, 'big5');
  if (big5 !== undefined && (gb === undefined || big5TrailShare(bytes) > 0.05)) return { text: big5, encoding: 'big5' };
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  throw new UnreadableFileError('not text in UTF-8, GB18030 or Big5');
}

// Tags that end a block become a line break, so paragraphs survive; inline tags (<sub>, <b>…) vanish.
const BLOCK_TAG = /^<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr)\b/i;
const MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?[A-Za-z][^<>]*>|&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Removes tags and decodes entities, keeping a map from the stripped text to `original`. */
export function stripMarkup(original: string): { text: string; map: SourceDoc['map'] } {
  const out = new MappedTextBuilder();
  let last = 0;
  for (const match of original.matchAll(MARKUP)) {
    const at = match.index ?? 0;
    const token = match[0];
    out.copy(original, last, at);
    if (token.startsWith('&')) {
      const decoded = decodeHTML(token);
      out.insert(decoded === token ? token : decoded, at);
    } else if (BLOCK_TAG.test(token)) {
      out.insert('\n', at);
    }
    last = at + token.length;
  }
  out.copy(original, last, original.length);
  if (out.map.length === 0) out.map.push([0, 0]);
  return { text: out.toString(), map: out.map };
}

/** A stable document id from the document name, so re-ingesting a file keeps its passages' ids. */
export function docIdOf(doc: string): string {
  return createHash('sha256').update(doc).digest('hex').slice(0, 16);
}

/** A document from its text as read: markup removed (with the map back), metadata attached. */
export function sourceOf(doc: string, docId: string, original: string, encoding: Encoding, meta: DocMeta): SourceDoc {
  const { text, map } = stripMarkup(original);
  return { doc, docId, encoding, original, text, map, meta };
}

const HTML_FILE = /\.x?html?$/i;

/**
 * Reads one file's bytes into a SourceDoc: an HTML page (by its name) as its article's text with the page's
 * title and dates; any other file as text. A date in the file name stands in when nothing better is given.
 * Throws UnreadableFileError with the reason.
 */
export function readSource(doc: string, bytes: Uint8Array): SourceDoc {
  const { text: decoded, encoding } = decode(bytes);
  if (decoded.trim() === '') throw new UnreadableFileError('empty file (only white space)');
  const fileDate = dateFromFileName(doc);
  if (HTML_FILE.test(doc)) {
    const page = readHtml(decoded);
    if (page.text.trim() === '') throw new UnreadableFileError('HTML page without text (no article found)');
    const meta = { ...page.meta, date: page.meta.date ?? (page.meta.dateText === null ? fileDate : null) };
    // The article's text is the document as read: offsets point into it, not into the page's markup.
    return { doc, docId: docIdOf(doc), encoding, original: page.text, text: page.text, map: [[0, 0]], meta };
  }
  return sourceOf(doc, docIdOf(doc), decoded, encoding, { ...NO_META, date: fileDate });
}
