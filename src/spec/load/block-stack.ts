/**
 * The block collections open at the current line of a YAML text, as columns (0-based), for the
 * depth pre-scan. It models the indentation rules of the `yaml` package's lexer closely enough that
 * `indentNext()` matches the lexer's own "indentation a continuation line must reach", which
 * decides where quoted, plain and block scalars end.
 */
export class BlockStack {
  private readonly columns: number[] = [];
  /** Per level: a key (`key:` with nothing after it) whose value may be a sequence at its own column. */
  private readonly awaiting: boolean[] = [];

  get depth(): number {
    return this.columns.length;
  }

  /** One past the innermost open collection's column, or 0 at the top level. */
  indentNext(): number {
    const top = this.columns.at(-1);
    return top === undefined ? 0 : top + 1;
  }

  /**
   * Closes the collections that a line starting at `indent` ends: every level at a column
   * greater or equal, except a key still waiting for its value when the line starts a sequence
   * at that key's column (`key:\n- a` nests the sequence inside the key).
   */
  closeFor(indent: number, startsSequence: boolean): void {
    for (let top = this.columns.length - 1; top >= 0; top--) {
      const column = this.columns[top] ?? -1;
      if (column < indent) {
        // The line is deeper than the innermost level: the waiting key got a nested block value.
        this.awaiting[top] = false;
        return;
      }
      if (column === indent && startsSequence && this.awaiting[top] === true) return;
      this.columns.pop();
      this.awaiting.pop();
    }
  }

  push(column: number): void {
    this.columns.push(column);
    this.awaiting.push(false);
  }

  /** The innermost level is a key whose line ended right after its `:`. */
  markAwaiting(): void {
    const top = this.awaiting.length - 1;
    if (top >= 0) this.awaiting[top] = true;
  }

  clear(): void {
    this.columns.length = 0;
    this.awaiting.length = 0;
  }
}
