/**
 * The flow collections (`[`, `{`) open at the current point of a YAML text, for the depth
 * pre-scan. Besides one level per bracket it counts the single-pair mappings `yaml` nests inside a
 * flow entry: `[a: b]` and `[? a]` are sequences holding a mapping, and `[a: b: c]` or `{a: b: c}`
 * nest one mapping per extra pair. A `,` ends the entry and with it those mappings.
 */
export class FlowStack {
  /** Levels plus the implicit mappings of their current entries. */
  depth = 0;
  private readonly isMap: boolean[] = [];
  /** Pairs begun in the current entry of each level, and whether a `?` still waits for its `:`. */
  private readonly pairs: number[] = [];
  private readonly explicit: boolean[] = [];
  private readonly implicit: number[] = [];

  get levels(): number {
    return this.isMap.length;
  }

  open(isMap: boolean): void {
    this.isMap.push(isMap);
    this.pairs.push(0);
    this.explicit.push(false);
    this.implicit.push(0);
    this.depth++;
  }

  close(): void {
    this.isMap.pop();
    this.pairs.pop();
    this.explicit.pop();
    this.depth -= 1 + (this.implicit.pop() ?? 0);
  }

  /** A `,` ends the current entry. */
  separator(): void {
    const top = this.isMap.length - 1;
    if (top < 0) return;
    this.depth -= this.implicit[top] ?? 0;
    this.implicit[top] = 0;
    this.pairs[top] = 0;
    this.explicit[top] = false;
  }

  /** A `?` explicit key indicator: it begins a pair. Returns whether that nests a mapping. */
  explicitKey(): boolean {
    const top = this.isMap.length - 1;
    if (top < 0) return false;
    this.explicit[top] = true;
    return this.beginPair(top);
  }

  /** A `:` value indicator: it begins a pair unless it completes a `?`. Returns whether that nests a mapping. */
  colon(): boolean {
    const top = this.isMap.length - 1;
    if (top < 0) return false;
    if (this.explicit[top] === true) {
      this.explicit[top] = false;
      return false;
    }
    return this.beginPair(top);
  }

  /** The first pair of a map entry is the map's own; any other pair is a mapping nested in the entry. */
  private beginPair(top: number): boolean {
    const pairs = (this.pairs[top] ?? 0) + 1;
    this.pairs[top] = pairs;
    if (this.isMap[top] === true && pairs === 1) return false;
    this.implicit[top] = (this.implicit[top] ?? 0) + 1;
    this.depth++;
    return true;
  }

  clear(): void {
    this.depth = 0;
    this.isMap.length = 0;
    this.pairs.length = 0;
    this.explicit.length = 0;
    this.implicit.length = 0;
  }
}
