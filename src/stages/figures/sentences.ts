// Sentence bounds for figures: a sentence ends at 。！？!? (with closing quotes) or a line break.

export interface Sentences {
  /** Sorted start offsets of the sentences. */
  starts: number[];
  ends: number[];
}

const END = new Set([...'。！？!?\n\r'].map((c) => c.charCodeAt(0)));
const CLOSER = new Set([...'”’」』）)"\'】'].map((c) => c.charCodeAt(0)));

export function splitSentences(text: string): Sentences {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (END.has(text.charCodeAt(i))) {
      let e = i + 1;
      while (e < n && (END.has(text.charCodeAt(e)) || CLOSER.has(text.charCodeAt(e)))) e++;
      starts.push(start);
      ends.push(e);
      start = e;
      i = e;
    } else i++;
  }
  if (start < n || starts.length === 0) {
    starts.push(start);
    ends.push(n);
  }
  return { starts, ends };
}

/** Index of the sentence holding offset `pos`. */
export function sentenceAt(s: Sentences, pos: number): number {
  let lo = 0;
  let hi = s.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s.starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
