import { CODES, type DiagnosticCode } from '../codes.js';
import { type Diagnostic, diagnostic, type JsonPath } from '../diagnostic.js';
import type { LoadedDocument } from '../load/loaded-document.js';

/** Builds a located diagnostic for a rule, taking the severity from the code catalog. */
export function report(
  code: DiagnosticCode,
  doc: LoadedDocument,
  path: JsonPath,
  message: string,
  options: { target?: 'value' | 'key'; hint?: string } = {},
): Diagnostic {
  const position = doc.sourceMap.locate(path, options.target ?? 'value');
  return diagnostic({
    code,
    severity: CODES[code].severity,
    message,
    file: doc.file,
    line: position.line,
    column: position.column,
    endLine: position.endLine,
    endColumn: position.endColumn,
    path,
    hint: options.hint,
  });
}
