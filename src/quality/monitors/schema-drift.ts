/**
 * Schema drift at a source: the columns an input port's contract expects against the columns the
 * source has now. Removed columns and changed types break ingestion; added ones are reported but
 * do not (the port reads the contract's columns only).
 */
import type { SchemaObject } from '../../spec/model/data-contract.js';
import { columnTypeFamily, normalizeColumnType } from './column-type-family.js';

/** A column by name and type, as a contract declares it or a source's catalog lists it. */
export interface ColumnShape {
  readonly name: string;
  /** Absent when unknown: the type is then not compared. */
  readonly type?: string;
}

export interface ColumnTypeChange {
  readonly name: string;
  readonly expected: string;
  readonly actual: string;
}

export interface SchemaDrift {
  /** At the source, not in the contract; in source order. */
  readonly added: readonly ColumnShape[];
  /** In the contract, gone from the source; in contract order. */
  readonly removed: readonly ColumnShape[];
  readonly typeChanged: readonly ColumnTypeChange[];
  /** Anything differs. */
  readonly drifted: boolean;
  /** Something the port reads is gone or changed type. */
  readonly breaking: boolean;
  readonly message: string;
}

export interface SchemaDriftOptions {
  /** Match names case-sensitively; default false (SQL folds unquoted names). An exact match always wins. */
  readonly caseSensitive?: boolean;
  /** `family` (default): `int4` and `integer` agree; `exact`: the normalized text must agree; `ignore`: names only. */
  readonly types?: 'family' | 'exact' | 'ignore';
}

function sameType(expected: string, actual: string, mode: 'family' | 'exact'): boolean {
  const a = normalizeColumnType(expected);
  const b = normalizeColumnType(actual);
  if (a === b) return true;
  if (mode === 'exact') return false;
  const familyA = columnTypeFamily(a);
  return familyA !== undefined && familyA === columnTypeFamily(b);
}

const names = (columns: readonly { readonly name: string }[]) => columns.map((c) => c.name).join(', ');

/** The columns a port's contract expects of its source: physical names, physical type else logical type. */
export function contractColumns(schema: Pick<SchemaObject, 'properties'>): ColumnShape[] {
  return schema.properties.map((p) => {
    const type = p.physicalType ?? p.logicalType;
    return type === undefined ? { name: p.physicalName } : { name: p.physicalName, type };
  });
}

/** Compares the expected columns with the source's. Pure and total. */
export function schemaDrift(
  expected: readonly ColumnShape[],
  actual: readonly ColumnShape[],
  options: SchemaDriftOptions = {},
): SchemaDrift {
  const mode = options.types ?? 'family';
  const fold = (name: string) => (options.caseSensitive === true ? name : name.toLowerCase());
  const unmatched = new Set(actual.map((_, i) => i));
  const take = (test: (column: ColumnShape) => boolean): ColumnShape | undefined => {
    for (const i of unmatched) {
      const column = actual[i];
      if (column !== undefined && test(column)) {
        unmatched.delete(i);
        return column;
      }
    }
    return undefined;
  };
  const removed: ColumnShape[] = [];
  const typeChanged: ColumnTypeChange[] = [];
  const pairs: [ColumnShape, ColumnShape][] = [];
  // Exact names first, so `Id` and `id` at one source pair with themselves.
  const exact = expected.map((column) => take((c) => c.name === column.name));
  expected.forEach((column, i) => {
    const match = exact[i] ?? take((c) => fold(c.name) === fold(column.name));
    if (match === undefined) removed.push(column);
    else pairs.push([column, match]);
  });
  if (mode !== 'ignore') {
    for (const [want, have] of pairs) {
      if (want.type !== undefined && have.type !== undefined && !sameType(want.type, have.type, mode)) {
        typeChanged.push({ name: want.name, expected: want.type, actual: have.type });
      }
    }
  }
  const added = actual.filter((_, i) => unmatched.has(i));
  const parts = [
    removed.length > 0 ? `removed: ${names(removed)}` : '',
    typeChanged.length > 0
      ? `type changed: ${typeChanged.map((t) => `${t.name} ${t.expected} → ${t.actual}`).join(', ')}`
      : '',
    added.length > 0 ? `added: ${names(added)}` : '',
  ].filter((p) => p !== '');
  return {
    added,
    removed,
    typeChanged,
    drifted: parts.length > 0,
    breaking: removed.length > 0 || typeChanged.length > 0,
    message:
      parts.length === 0
        ? 'the source has the expected columns'
        : `the source's columns drifted: ${parts.join('; ')}`,
  };
}
