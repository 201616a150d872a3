// The k best (key, doc) pairs seen: higher key first, ties by a caller's order of docs. A binary
// heap with the worst kept at the root, so most offers are rejected by one comparison.
export class TopK {
  private readonly docs: Int32Array;
  private readonly keys: Float64Array;
  size = 0;

  /** `tie(a, b) < 0` when doc a goes before doc b at equal keys; it must be a total order. */
  constructor(
    readonly k: number,
    private readonly tie: (a: number, b: number) => number,
  ) {
    this.docs = new Int32Array(k);
    this.keys = new Float64Array(k);
  }

  offer(key: number, doc: number): void {
    const { k, keys } = this;
    if (this.size < k) {
      this.docs[this.size] = doc;
      keys[this.size] = key;
      this.up(this.size++);
    } else if (
      k > 0 &&
      (key > keys[0]! || (key === keys[0]! && this.tie(doc, this.docs[0]!) < 0))
    ) {
      this.docs[0] = doc;
      keys[0] = key;
      this.down(0);
    }
  }

  /** Whether `doc` would go before the worst kept doc at an equal key (the heap is not empty). */
  winsTieWithWorst(doc: number): boolean {
    return this.tie(doc, this.docs[0]!) < 0;
  }

  /** The lowest key kept (the heap must not be empty). */
  worstKey(): number {
    return this.keys[0]!;
  }

  /** The pairs kept, best first. */
  sorted(): { doc: number; key: number }[] {
    const out = Array.from({ length: this.size }, (_, i) => ({
      doc: this.docs[i]!,
      key: this.keys[i]!,
    }));
    return out.sort((a, b) => b.key - a.key || this.tie(a.doc, b.doc));
  }

  /** Whether slot i ranks below slot j (worse). */
  private worse(i: number, j: number): boolean {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a < b || (a === b && this.tie(this.docs[i]!, this.docs[j]!) > 0);
  }

  private swap(i: number, j: number): void {
    const d = this.docs[i]!;
    this.docs[i] = this.docs[j]!;
    this.docs[j] = d;
    const key = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = key;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && this.worse(l, worst)) worst = l;
      if (r < this.size && this.worse(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
