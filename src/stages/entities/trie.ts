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

/** Shared result of the (most common) lookups that match nothing; never mutated. */
const NO_MATCHES: readonly TrieMatch<never>[] = Object.freeze([]);

export class Trie<V> {
  private readonly root: Node<V> = { next: new Map() };
  /**
   * The root's children for characters below the surrogates, by code: most characters of a text open no word
   * and skip with one array read, and the others start their walk without a Map lookup.
   */
  private readonly rootChildren: (Node<V> | undefined)[] = new Array<Node<V> | undefined>(0xd800).fill(undefined);
  size = 0;

  add(word: string, value: V): void {
    let node = this.root;
    for (const ch of word) {
      const code = ch.codePointAt(0) ?? 0;
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
        if (node === this.root && code < 0xd800) this.rootChildren[code] = child;
      }
      node = child;
    }
    if (node.value === undefined) this.size++;
    node.value = value;
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
      node = this.rootChildren[first];
      if (!node) return NO_MATCHES;
      i++;
      if (node.value !== undefined && i - start >= minLength) out = [{ end: i, value: node.value }];
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
