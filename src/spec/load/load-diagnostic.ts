import { CODES, type DiagnosticCode } from '../codes.js';
import { type Diagnostic, diagnostic, type JsonPath, type Position } from '../diagnostic.js';

/** Extra fields of a loader finding. */
export interface FindingDetails {
  readonly path?: JsonPath | undefined;
  readonly hint?: string | undefined;
}

/**
 * Builds a loader diagnostic with the catalog's severity for `code`, so a severity is never
 * chosen at the call site.
 */
export function loadDiagnostic(
  file: string,
  code: DiagnosticCode,
  message: string,
  at: Position,
  details: FindingDetails = {},
): Diagnostic {
  return diagnostic({
    code,
    severity: CODES[code].severity,
    message,
    file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    ...(details.path === undefined ? {} : { path: details.path }),
    hint: details.hint,
  });
}

/** The start of the file, where findings about the file as a whole point. */
export const FILE_START: Position = Object.freeze({ line: 1, column: 1 });
