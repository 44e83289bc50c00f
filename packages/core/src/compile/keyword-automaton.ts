/**
 * One Aho–Corasick automaton over the folded form of every keyword of every rule set in a scorer. A scan
 * reads the folded text once, whatever the number of keywords; a match counts only when bounded by spaces
 * or the ends of the text (folded text separates words with single spaces), so keywords match whole words.
 */
export class KeywordAutomaton {
  // Transitions keyed by node * 65536 + UTF-16 code unit.
  private readonly next = new Map<number, number>();
  private fail: Int32Array = new Int32Array(0);
  private dict: Int32Array = new Int32Array(0);
  private depth: number[] = [0];
  private keyword: number[] = [-1];
  private firstChild: number[] = [-1];
  private sibling: number[] = [-1];
  private code: number[] = [0];
  private built = false;
  /** Distinct folded keywords, by keyword id. */
  readonly keywords: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Adds a folded keyword; returns its id (the same id for the same folded text). */
  add(folded: string): number {
    const known = this.ids.get(folded);
    if (known !== undefined) return known;
    this.built = false;
    let node = 0;
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      const key = node * 65536 + c;
      let child = this.next.get(key);
      if (child === undefined) {
        child = this.depth.length;
        this.depth.push((this.depth[node] as number) + 1);
        this.keyword.push(-1);
        this.code.push(c);
        this.firstChild.push(-1);
        this.sibling.push(this.firstChild[node] as number);
        this.firstChild[node] = child;
        this.next.set(key, child);
      }
      node = child;
    }
    const id = this.keywords.length;
    this.keywords.push(folded);
    this.ids.set(folded, id);
    this.keyword[node] = id;
    return id;
  }

  /** Computes failure and dictionary links (breadth first). Called once, after the last add. */
  build(): void {
    const n = this.depth.length;
    this.fail = new Int32Array(n);
    this.dict = new Int32Array(n);
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let ch = this.firstChild[0] as number; ch !== -1; ch = this.sibling[ch] as number) queue[tail++] = ch;
    while (head < tail) {
      const u = queue[head++] as number;
      for (let v = this.firstChild[u] as number; v !== -1; v = this.sibling[v] as number) {
        const c = this.code[v] as number;
        let f = this.fail[u] as number;
        let target = this.next.get(f * 65536 + c);
        while (target === undefined && f !== 0) {
          f = this.fail[f] as number;
          target = this.next.get(f * 65536 + c);
        }
        const fv = target ?? 0;
        this.fail[v] = fv;
        this.dict[v] = (this.keyword[fv] as number) >= 0 ? fv : (this.dict[fv] as number);
        queue[tail++] = v;
      }
    }
    this.built = true;
  }

  /** Calls `found(keywordId)` for each whole-word occurrence in folded `text` (a keyword may repeat). */
  scan(text: string, found: (keywordId: number) => void): void {
    if (!this.built) this.build();
    const next = this.next;
    const fail = this.fail;
    const dict = this.dict;
    const depth = this.depth;
    const keyword = this.keyword;
    const len = text.length;
    let state = 0;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      let target = next.get(state * 65536 + c);
      while (target === undefined && state !== 0) {
        state = fail[state] as number;
        target = next.get(state * 65536 + c);
      }
      state = target ?? 0;
      if (state === 0) continue;
      // A keyword ends here only at a word end.
      if (i + 1 < len && text.charCodeAt(i + 1) !== 32) continue;
      for (let n = (keyword[state] as number) >= 0 ? state : (dict[state] as number); n > 0; n = dict[n] as number) {
        const start = i + 1 - (depth[n] as number);
        if (start === 0 || text.charCodeAt(start - 1) === 32) found(keyword[n] as number);
      }
    }
  }
}
