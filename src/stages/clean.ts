// Stage "clean": rebuilds the paragraphs that layout broke (OCR-style breaks inside sentences, narrow
// columns), recognizes headings, drops paragraphs repeated within a document and splits the rest into
// passages, each with offsets and a map back to the original text.
import { hash as cryptoHash } from 'node:crypto';
import type { Passage, Script, SourceDoc } from '../schema.js';
import { MappedTextBuilder, sliceMap, toSource } from '../text/offsets.js';
import { detectScript, ZERO_WIDTH } from '../text/script.js';

export interface CleanOptions {
  /** Paragraphs longer than this are split at sentence ends. */
  maxPassageChars: number;
}

/** A non-empty line: the range of its content in the stripped text. */
interface Line {
  start: number;
  end: number;
  /** Marked as a heading in the source (Markdown `#`). */
  marked: boolean;
  /** A repeated line was dropped right before this one: never join across the gap. */
  afterDrop: boolean;
}

interface Paragraph {
  lines: Line[];
  heading: boolean;
}

const SPACE = /[\s\u3000\u00a0]/;
// A line that ends with one of these ends its paragraph; closing quotes count only after one of them.
const TERMINAL = /[。！？!?…；;：:—]$/;
const CLOSERS = /[”’」』）)》〉"'】]+$/;
// A line that ends with one of these clearly goes on.
const CONTINUES = /[，,、（(“‘「『《〈【\-—]$/;
const MIN_RUNNING_LINE = 12;
const SENTENCE_END = /[。！？!?；;…]+[”’」』）)》"']*/g;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
// A dateline starts a new article (本报讯, 新华社…, 据上观新闻): never a continuation of the line before.
const DATELINE = /^(本报讯|本报[^\s，,。]{0,8}电|新华社|据[^\s，,。]{1,10}(讯|新闻|报道|消息)|据《)/;
// Headings seldom hold a clause break; a line with one that stops short was cut by the layout.
const CLAUSE = /[，,、；;]/;

// Lines at least this long that repeat verbatim are layout or scraping artefacts; shorter ones (datelines,
// sub-headings) may legitimately repeat.
const MIN_DEDUPE_LINE = 16;

/** Non-empty lines, trimmed, Markdown heading marks removed; long lines repeated verbatim are dropped. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const seen = new Set<string>();
  let dropped = false;
  const re = /[^\r\n]+/g;
  for (const m of text.matchAll(re)) {
    let start = m.index ?? 0;
    let end = start + m[0].length;
    while (start < end && SPACE.test(text[start] ?? '')) start++;
    while (end > start && SPACE.test(text[end - 1] ?? '')) end--;
    let marked = false;
    const heading = /^#{1,6}[ \t\u3000]*/.exec(text.slice(start, end));
    if (heading) {
      marked = true;
      start += heading[0].length;
    }
    if (end <= start) continue;
    const content = text.slice(start, end);
    if (content.length >= MIN_DEDUPE_LINE) {
      if (seen.has(content)) {
        dropped = true;
        continue;
      }
      seen.add(content);
    }
    lines.push({ start, end, marked, afterDrop: dropped });
    dropped = false;
  }
  return lines;
}

/** The line clearly goes on: it ends on a clause mark or leaves a quote or bracket open. */
function goesOn(line: string): boolean {
  const count = (re: RegExp) => line.match(re)?.length ?? 0;
  return CONTINUES.test(line) || count(/[“「『《（(]/g) > count(/[”」』》）)]/g);
}

function endsParagraph(line: string): boolean {
  return TERMINAL.test(line.replace(CLOSERS, (closers) => (TERMINAL.test(line.slice(0, -closers.length)) ? '。' : '')));
}

/** Groups lines into paragraphs: a line joins the one before when that one was cut off by layout. */
function paragraphs(text: string, lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  // Until the first sentence, lines are headlines, bylines and captions: each stands alone.
  let inBody = false;
  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    const sentence = /[。！？!?]/.test(content);
    const prev = out[out.length - 1];
    const prevLine = prev?.lines[prev.lines.length - 1];
    const prevText = prevLine ? text.slice(prevLine.start, prevLine.end) : '';
    const open =
      prev !== undefined &&
      !line.marked &&
      !line.afterDrop &&
      !DATELINE.test(content) &&
      !endsParagraph(prevText) &&
      (goesOn(prevText) || [...prevText].length >= MIN_RUNNING_LINE);
    // Before the first sentence, a line that reads as running text (a clause break inside, cut off
    // mid-sentence) followed by more running text (a clause break or a sentence end) is the body's first
    // line, not a headline: 二〇二四年，香港經濟穩步復甦，香港貿易 / 發展局在亞太地區舉辦…，並….
    const bodyStarts = !inBody && open && !prev.lines[0]?.marked && CLAUSE.test(prevText) && (sentence || CLAUSE.test(content));
    const joins = open && (bodyStarts || (inBody && !prev.heading));
    if (joins && prev) {
      prev.lines.push(line);
      prev.heading = false;
      if (sentence) inBody = true;
      continue;
    }
    if (sentence) inBody = true;
    // A short line without a sentence end, standing alone, is a heading (or a caption).
    const heading =
      line.marked || (!endsParagraph(content) && !sentence && [...content].length <= 60 && !goesOn(content) && (!inBody || !CLAUSE.test(content)));
    out.push({ lines: [line], heading });
  }
  // A one-line paragraph right before a dateline is the new article's headline.
  for (let i = 0; i + 1 < out.length; i++) {
    const para = out[i] as Paragraph;
    const next = (out[i + 1] as Paragraph).lines[0] as Line;
    const only = para.lines[0] as Line;
    if (para.lines.length === 1 && DATELINE.test(text.slice(next.start, next.end)) && !endsParagraph(text.slice(only.start, only.end))) {
      para.heading = true;
    }
  }
  return out;
}

/** Splits text at sentence ends into chunks of at most `max` characters (a longer sentence is cut at commas, then hard). */
function chunkBounds(text: string, max: number): Array<[number, number]> {
  if (text.length <= max) return [[0, text.length]];
  const cuts: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) cuts.push((m.index ?? 0) + m[0].length);
  const bounds: Array<[number, number]> = [];
  let start = 0;
  let lastCut = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut - start > max && lastCut > start) {
      bounds.push([start, lastCut]);
      start = lastCut;
    }
    lastCut = cut;
  }
  if (start < text.length) bounds.push([start, text.length]);
  // Sentences longer than `max` on their own: cut at commas, else hard.
  return bounds.flatMap(([s, e]) => {
    const out: Array<[number, number]> = [];
    let from = s;
    while (e - from > max) {
      const window = text.slice(from, from + max);
      const comma = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'));
      const to = comma > max / 2 ? from + comma + 1 : from + max;
      out.push([from, to]);
      from = to;
    }
    out.push([from, e]);
    return out;
  });
}

/**
 * Copies text[from, to) without its zero-width characters: nobody sees them, yet they split words for
 * search. The offset map keeps every character's place in the source.
 */
function copyVisible(built: MappedTextBuilder, text: string, from: number, to: number): void {
  let at = from;
  for (const m of text.slice(from, to).matchAll(ZERO_WIDTH)) {
    const zw = from + (m.index ?? 0);
    built.copy(text, at, zw);
    at = zw + m[0].length;
  }
  built.copy(text, at, to);
}

const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

function hash(text: string): string {
  // One-shot hashing: a Hash object per passage cost a fifth of this stage.
  return cryptoHash('sha256', text, 'hex').slice(0, 16);
}

/** A passage id from the document id and the passage content: stable across re-ingests. */
export function passageId(docId: string, text: string): string {
  return `${docId}-${hash(`${docId}\u0000${text}`)}`;
}

/** Cleans a document into passages. */
export function clean(source: SourceDoc, options: CleanOptions): Passage[] {
  const { text } = source;
  const script: Script = detectScript(text);
  const seen = new Set<string>();
  let dropped = false;
  const passages: Passage[] = [];
  for (const para of paragraphs(text, splitLines(text))) {
    const built = new MappedTextBuilder(source.map);
    let previous = '';
    for (const line of para.lines) {
      // Layout breaks vanish; between two Latin words they become a space.
      if (isLatin(previous.slice(-1)) && isLatin(text[line.start])) built.insert(' ', line.start - 1);
      copyVisible(built, text, line.start, line.end);
      previous = text.slice(line.start, line.end);
    }
    const paraText = built.toString();
    if (!HAS_CONTENT.test(paraText)) continue;
    // Repeated paragraphs (a common artefact of scraped news) are kept once: the first time they occur.
    const key = paraText.replace(/\s+/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    for (const [from, to] of chunkBounds(paraText, options.maxPassageChars)) {
      const passageText = paraText.slice(from, to);
      const map = sliceMap(built.map, from, to);
      passages.push({
        id: passageId(source.docId, passageText),
        doc: source.doc,
        docId: source.docId,
        index: passages.length,
        heading: para.heading,
        start: toSource(built.map, from),
        end: toSource(built.map, to - 1) + 1,
        text: passageText,
        map,
        script,
      });
    }
  }
  return passages;
}
