/**
 * A prefix table over HS digits: one walk along a code finds every list item the code starts with.
 * Nodes are rows of ten child slots in one growable Int32Array.
 */
export class HsPrefixIndex {
  private children = new Int32Array(10 * 64);
  private nodes = 1;
  // Entries ending at each node (the item is the code's prefix of that node's depth).
  private readonly ends: (number[] | undefined)[] = [undefined];

  /** Adds `item` (2 to 10 digits) with an entry id. */
  add(item: string, entry: number): void {
    let node = 0;
    for (let i = 0; i < item.length; i++) {
      const d = item.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return;
      const slot = node * 10 + d;
      let child = this.children[slot] as number;
      if (child === 0) {
        child = this.nodes++;
        if (child * 10 + 10 > this.children.length) {
          const grown = new Int32Array(this.children.length * 2);
          grown.set(this.children);
          this.children = grown;
        }
        this.children[slot] = child;
        this.ends.push(undefined);
      }
      node = child;
    }
    const list = this.ends[node];
    if (list === undefined) this.ends[node] = [entry];
    else if (!list.includes(entry)) list.push(entry);
  }

  /**
   * The table itself, for the engine's hot path to walk without a callback per hit: row `node` holds the
   * ten children of a node (0: none), and `ends[node]` the entries ending there. Valid until the next add.
   */
  table(): { readonly children: Int32Array; readonly ends: readonly (readonly number[] | undefined)[] } {
    return { children: this.children, ends: this.ends };
  }

  /** Calls `found(entry, prefixLength)` for every item `code` starts with, shortest first. */
  lookup(code: string, found: (entry: number, prefixLength: number) => void): void {
    let node = 0;
    for (let i = 0; i < code.length; i++) {
      const d = code.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return;
      node = this.children[node * 10 + d] as number;
      if (node === 0) return;
      const list = this.ends[node];
      if (list !== undefined) for (const e of list) found(e, i + 1);
    }
  }
}
