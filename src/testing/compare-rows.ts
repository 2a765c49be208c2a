/**
 * Expected rows against the rows a transform wrote, as sets: matched by primary key (or by every
 * column when there is none), each unmatched row missing or extra, each key whose other cells
 * differ a changed row. Floating-point cells compare to 12 significant digits, so a sum computed
 * in another order still matches; every other cell compares as the canonical text DuckDB wrote
 * for it (canonical-rows.ts). Differences are listed sorted by key, the first `limit` of them.
 * Pure.
 */
import type { ColumnKind } from '../engines/column-spec.js';
import type { CanonicalRow } from './canonical-rows.js';

/** What the comparison needs to know of a column. */
export interface ComparedColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly sqlType: string;
}

/** A row by column name. */
export type NamedRow = Readonly<Record<string, string | null>>;

export interface ChangedCell {
  readonly column: string;
  readonly expected: string | null;
  readonly actual: string | null;
}

export type RowDifference =
  /** Expected but not in the output. */
  | { readonly kind: 'missing'; readonly row: NamedRow }
  /** In the output but not expected. */
  | { readonly kind: 'extra'; readonly row: NamedRow }
  /** The key is in both; these cells differ. */
  | { readonly kind: 'changed'; readonly key: NamedRow; readonly cells: readonly ChangedCell[] };

export interface RowComparison {
  readonly equal: boolean;
  /** The columns rows were matched on. */
  readonly key: readonly string[];
  readonly missingRows: number;
  readonly extraRows: number;
  readonly changedRows: number;
  /** The first `limit` differences, sorted by key. */
  readonly differences: readonly RowDifference[];
  /** True when there were more differences than listed. */
  readonly truncated: boolean;
}

const FLOATING = /^(DOUBLE|FLOAT|FLOAT4|FLOAT8|REAL)$/i;
const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(['integer', 'number']);

/** The cell as compared: floating-point numbers rounded to 12 significant digits. */
export function comparableCell(column: ComparedColumn, value: string | null): string | null {
  if (value === null || !FLOATING.test(column.sqlType)) return value;
  const n = Number(value);
  return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : value;
}

/** Orders two cells of a column: NULL first, numbers by value, the rest by text. */
function compareCells(column: ComparedColumn, a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (NUMERIC_KINDS.has(column.kind)) {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Entry {
  readonly row: CanonicalRow;
  readonly comparable: CanonicalRow;
  readonly key: string;
  readonly whole: string;
}

/**
 * Compares `expected` with `actual` (both in `columns` order). `key` names the columns rows are
 * matched on; empty means every column.
 */
export function compareRows(
  columns: readonly ComparedColumn[],
  key: readonly string[],
  expected: readonly CanonicalRow[],
  actual: readonly CanonicalRow[],
  limit: number,
): RowComparison {
  const keyNames = key.length > 0 ? key : columns.map((c) => c.name);
  const keyIndexes = keyNames.map((k) => columns.findIndex((c) => c.name === k));
  const entry = (row: CanonicalRow): Entry => {
    const comparable = columns.map((c, i) => comparableCell(c, row[i] ?? null));
    return {
      row,
      comparable,
      key: JSON.stringify(keyIndexes.map((i) => comparable[i])),
      whole: JSON.stringify(comparable),
    };
  };
  const groups = new Map<string, { expected: Entry[]; actual: Entry[] }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (g === undefined) {
      g = { expected: [], actual: [] };
      groups.set(k, g);
    }
    return g;
  };
  for (const row of expected) {
    const e = entry(row);
    group(e.key).expected.push(e);
  }
  for (const row of actual) {
    const e = entry(row);
    group(e.key).actual.push(e);
  }

  const named = (row: CanonicalRow, indexes?: readonly number[]): NamedRow =>
    Object.fromEntries(
      (indexes ?? columns.map((_, i) => i)).map((i) => [columns[i]?.name ?? '', row[i] ?? null]),
    );
  const found: { sortKey: CanonicalRow; difference: RowDifference }[] = [];
  let missingRows = 0;
  let extraRows = 0;
  let changedRows = 0;
  for (const { expected: wanted, actual: got } of groups.values()) {
    // Identical rows match first; what is left of a key pairs up as changed rows.
    const pool = new Map<string, number>();
    for (const g of got) pool.set(g.whole, (pool.get(g.whole) ?? 0) + 1);
    const unmatched = wanted.filter((w) => {
      const n = pool.get(w.whole) ?? 0;
      if (n === 0) return true;
      pool.set(w.whole, n - 1);
      return false;
    });
    const left = got.filter((g) => {
      const n = pool.get(g.whole) ?? 0;
      if (n === 0) return false;
      pool.set(g.whole, n - 1);
      return true;
    });
    const pairs = Math.min(unmatched.length, left.length);
    for (let i = 0; i < pairs; i++) {
      const w = unmatched[i] as Entry;
      const g = left[i] as Entry;
      const cells = columns.flatMap((c, j) =>
        w.comparable[j] === g.comparable[j]
          ? []
          : [{ column: c.name, expected: w.row[j] ?? null, actual: g.row[j] ?? null }],
      );
      changedRows++;
      found.push({
        sortKey: w.comparable,
        difference: { kind: 'changed', key: named(w.row, keyIndexes), cells },
      });
    }
    for (const w of unmatched.slice(pairs)) {
      missingRows++;
      found.push({ sortKey: w.comparable, difference: { kind: 'missing', row: named(w.row) } });
    }
    for (const g of left.slice(pairs)) {
      extraRows++;
      found.push({ sortKey: g.comparable, difference: { kind: 'extra', row: named(g.row) } });
    }
  }
  const order = [...keyIndexes, ...columns.map((_, i) => i).filter((i) => !keyIndexes.includes(i))];
  found.sort((a, b) => {
    for (const i of order) {
      const column = columns[i] as ComparedColumn;
      const c = compareCells(column, a.sortKey[i] ?? null, b.sortKey[i] ?? null);
      if (c !== 0) return c;
    }
    return a.difference.kind < b.difference.kind ? -1 : a.difference.kind > b.difference.kind ? 1 : 0;
  });
  return {
    equal: found.length === 0,
    key: keyNames,
    missingRows,
    extraRows,
    changedRows,
    differences: found.slice(0, Math.max(0, limit)).map((f) => f.difference),
    truncated: found.length > limit,
  };
}
