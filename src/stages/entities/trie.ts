// A character trie for longest-match dictionary lookup. Chinese names are short (≤ ~20 chars), so walking
// the trie from each position is linear in practice and simpler than Aho-Corasick.
// Nodes are keyed by code point, not by one-character strings: the tagger walks it from every character of
// every passage, and building a string per step was a measurable share of the entities stage.

interface Node<V> {
  next: Map<number, Node<V>>;
  value?: V;
}

export interface TrieMatch<V> {
  end: number;
  value: V;
}

/** Bits of the first-two-characters filter: 2^19, 64 kB, small enough to stay in cache (some 8 000 pairs set). */
const PAIR_BITS = 1 << 19;

function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> 13;
}

/** Shared result of the (most common) lookups that match nothing; never mutated. */
const NO_MATCHES: readonly TrieMatch<never>[] = Object.freeze([]);

export class Trie<V> {
  private readonly root: Node<V> = { next: new Map() };
  /**
   * The root's children for characters below the surrogates, by code: most characters of a text open no word
   * and skip with one array read, and the others start their walk without a Map lookup.
   */
  private readonly rootChildren: (Node<V> | undefined)[] = new Array<Node<V> | undefined>(0xd800).fill(undefined);
  /** The same characters as bytes: a table small enough to stay in cache, read at every character of a text. */
  private readonly opens = new Uint8Array(0xd800);
  /**
   * A filter of the words' first two characters (both below the surrogates), one bit per hash: a clear bit
   * says no word goes on from the first character to the second, and the walk stops without a Map lookup.
   */
  private readonly pairs = new Uint32Array(PAIR_BITS >>> 5);
  size = 0;

  add(word: string, value: V): void {
    const first = word.charCodeAt(0);
    const second = word.charCodeAt(1);
    if (first < 0xd800 && second < 0xd800) {
      const h = pairHash(first, second);
      this.pairs[h >>> 5] = (this.pairs[h >>> 5] as number) | (1 << (h & 31));
    }
    let node = this.root;
    for (const ch of word) {
      const code = ch.codePointAt(0) ?? 0;
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
        if (node === this.root && code < 0xd800) {
          this.rootChildren[code] = child;
          this.opens[code] = 1;
        }
      }
      node = child;
    }
    if (node.value === undefined) this.size++;
    node.value = value;
  }

  /** Some word may start with these two characters (false: surely none). */
  private pairMayStart(first: number, second: number): boolean {
    const h = pairHash(first, second);
    return (((this.pairs[h >>> 5] as number) >>> (h & 31)) & 1) === 1;
  }

  /**
   * Every dictionary word starting at `start` in `text` of at least `minLength` UTF-16 units, shortest first
   * (ends are UTF-16 indices).
   */
  matchesAt(text: string, start: number, minLength = 1): readonly TrieMatch<V>[] {
    const first = text.charCodeAt(start);
    let node: Node<V> | undefined = this.root;
    let out: TrieMatch<V>[] | undefined;
    let i = start;
    if (first < 0xd800) {
      // The first step by array; the walk below goes on from there.
      if (!this.opens[first]) return NO_MATCHES;
      const second = text.charCodeAt(start + 1);
      const longer = !(second < 0xd800) || this.pairMayStart(first, second);
      if (!longer && minLength > 1) return NO_MATCHES;
      node = this.rootChildren[first] as Node<V>;
      i++;
      if (node.value !== undefined && i - start >= minLength) out = [{ end: i, value: node.value }];
      if (!longer) return out ?? NO_MATCHES;
    }
    while (i < text.length) {
      const code = text.codePointAt(i) ?? 0;
      node = node.next.get(code);
      if (!node) break;
      i += code > 0xffff ? 2 : 1;
      if (node.value !== undefined && i - start >= minLength) (out ??= []).push({ end: i, value: node.value });
    }
    return out ?? NO_MATCHES;
  }
}
