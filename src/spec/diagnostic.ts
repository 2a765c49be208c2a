/**
 * A located finding about a user-authored document. Validators return these; they never throw
 * for bad input. Lines and columns are 1-based; `path` is the JSON path of the offending node
 * (empty for the document itself).
 */
export type Severity = 'error' | 'warning' | 'info';

export type JsonPath = readonly (string | number)[];

export interface Diagnostic {
  /** Stable kebab-case identifier documented in docs/rules.md, e.g. `schema-unknown-property`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** End of the offending span, when known (same line and column as the start otherwise). */
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly path: JsonPath;
  /** A suggestion that helps fix the problem ("did you mean `logicalType`?"). */
  readonly hint?: string;
}

export interface Position {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** Builds a diagnostic; `hint` is omitted when undefined so objects stay tidy under exactOptionalPropertyTypes. */
export function diagnostic(
  fields: Omit<Diagnostic, 'hint' | 'endLine' | 'endColumn' | 'path'> & {
    path?: JsonPath;
    hint?: string | undefined;
    endLine?: number | undefined;
    endColumn?: number | undefined;
  },
): Diagnostic {
  const { hint, endLine, endColumn, path, ...rest } = fields;
  return {
    ...rest,
    path: path ?? [],
    ...(endLine === undefined ? {} : { endLine }),
    ...(endColumn === undefined ? {} : { endColumn }),
    ...(hint === undefined ? {} : { hint }),
  };
}

/** Orders diagnostics by file, then line, then column, then code, so output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** Renders a JSON path the way users read it: `schema[0].properties[2].logicalType`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
