// A character trie for longest-match dictionary lookup. Chinese names are short (≤ ~20 chars), so walking
// the trie from each position is linear in practice and simpler than Aho-Corasick.

interface Node<V> {
  next: Map<string, Node<V>>;
  value?: V;
}

export interface TrieMatch<V> {
  end: number;
  value: V;
}

export class Trie<V> {
  private readonly root: Node<V> = { next: new Map() };
  size = 0;

  add(word: string, value: V): void {
    let node = this.root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (node.value === undefined) this.size++;
    node.value = value;
  }

  /** Every dictionary word starting at `start` in `text`, shortest first (ends are UTF-16 indices). */
  matchesAt(text: string, start: number): TrieMatch<V>[] {
    const out: TrieMatch<V>[] = [];
    let node: Node<V> | undefined = this.root;
    let i = start;
    while (i < text.length) {
      const code = text.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(code);
      node = node.next.get(ch);
      if (!node) break;
      i += ch.length;
      if (node.value !== undefined) out.push({ end: i, value: node.value });
    }
    return out;
  }
}
