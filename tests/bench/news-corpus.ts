// A bench corpus that reads like real news, built at run time (never copied into the repo) from the People's
// Daily NER corpus in ../shared/bench/ner-peoples-daily (example.dev + example.test: one character and its tag
// per line, a blank line between sentences) and the bundled corpus/. Sentences are joined into documents of
// ~20 sentences. Asked for more than the real text holds, further rounds regroup the same sentences (shifted
// windows, every other round in traditional script): more bytes, no new words — the distinct-token count says so.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cut } from '../../src/stages/segment.js';
import { toScript } from '../../src/text/script.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NER_DIR = path.resolve(ROOT, '../shared/bench/ner-peoples-daily');
const MB = 1024 * 1024;
const SENTENCES_PER_DOC = 20;

/** The NER splits' sentences, characters joined. */
function nerSentences(): string[] {
  const sentences: string[] = [];
  for (const split of ['example.dev', 'example.test']) {
    let chars = '';
    for (const line of readFileSync(path.join(NER_DIR, split), 'utf8').split('\n')) {
      const ch = line.split(' ')[0] ?? '';
      if (line.trim() === '') {
        if (chars) sentences.push(chars);
        chars = '';
      } else chars += ch;
    }
    if (chars) sentences.push(chars);
  }
  return sentences;
}

/** The bundled articles as plain text (the JSONL sample's rows one article each). */
function bundledArticles(): string[] {
  const dir = path.join(ROOT, 'corpus');
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      if (!f.endsWith('.jsonl')) return [text];
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const row = JSON.parse(l) as { title?: string; content?: string };
          return `${row.title ?? ''}\n${row.content ?? ''}`;
        });
    });
}

/** Sentences as paragraphs of four, as a news article runs. */
const paragraphs = (sentences: string[]) =>
  Array.from({ length: Math.ceil(sentences.length / 4) }, (_, k) => sentences.slice(k * 4, k * 4 + 4).join('')).join('\n');

export interface NewsCorpus {
  dir: string;
  files: number;
  bytes: number;
  /** Bytes of distinct real text (one round); the rest regroups it. */
  realBytes: number;
  rounds: number;
}

/** Writes about `mb` MB of documents into `dir` (at least one full round of the real text). */
export function writeNewsCorpus(dir: string, mb: number): NewsCorpus {
  mkdirSync(dir, { recursive: true });
  const sentences = nerSentences();
  const articles = bundledArticles();
  let bytes = 0;
  let realBytes = 0;
  let files = 0;
  let round = 0;
  const write = (text: string) => {
    const buf = Buffer.from(text);
    writeFileSync(path.join(dir, `n${String(files++).padStart(6, '0')}.txt`), buf);
    bytes += buf.length;
    if (round === 0) realBytes += buf.length;
  };
  for (; round === 0 || bytes < mb * MB; round++) {
    // Round r starts its windows r*7 sentences later, so its documents differ from every other round's.
    const shift = (round * 7) % SENTENCES_PER_DOC;
    const docs: string[] = [];
    if (shift) docs.push(paragraphs(sentences.slice(0, shift)));
    for (let i = shift; i < sentences.length; i += SENTENCES_PER_DOC) docs.push(paragraphs(sentences.slice(i, i + SENTENCES_PER_DOC)));
    docs.push(...articles);
    for (const doc of docs) {
      if (round > 0 && bytes >= mb * MB) break;
      write(round % 2 === 1 ? toScript(doc, 'traditional') : doc);
    }
  }
  return { dir, files, bytes, realBytes, rounds: round };
}

/** Distinct tokens of the corpus, by raw nodejieba cut. */
export function distinctTokens(dir: string): number {
  const seen = new Set<string>();
  for (const f of readdirSync(dir)) for (const t of cut(readFileSync(path.join(dir, f), 'utf8'))) seen.add(t);
  return seen.size;
}
