import type { Diagnostic } from '../spec/diagnostic.js';
import { decodeText } from '../spec/load/decode-text.js';
import { DEFAULT_LOAD_LIMITS } from '../spec/load/limits.js';
import { loadDiagnostic } from '../spec/load/load-diagnostic.js';
import { loadDocument } from '../spec/load/load-document.js';

/** A source file read for import: its value (or text), or the located findings that refuse it. */
export type LoadedSource<T> =
  | { readonly ok: true; readonly value: T; readonly text: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly text: string | undefined };

/**
 * Parses a JSON or YAML source file with Meshplane's loader, so the same size, depth and alias
 * limits apply as to any document, and a syntax error comes back located (`file:line:column`).
 * The loader picks JSON by the `.json` suffix; a JSON file named otherwise (`.avsc`) is loaded
 * under a `.json` name and its findings are given back their real name. Pure.
 */
export function loadStructured(
  file: string,
  bytes: Uint8Array,
  format: 'json' | 'yaml',
): LoadedSource<unknown> {
  const asJson = format === 'json' && !/\.json$/i.test(file);
  const loaded = loadDocument(asJson ? `${file}.json` : file, bytes);
  const diagnostics = loaded.diagnostics.map((d) => (asJson ? { ...d, file } : d));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (loaded.value === undefined || errors.length > 0) {
    return { ok: false, diagnostics: errors.length > 0 ? errors : diagnostics, text: loaded.text };
  }
  return { ok: true, value: loaded.value, text: loaded.text ?? '' };
}

/** A text source (a SQL script): decoded as UTF-8 within the loader's size limit, or refused. Pure. */
export function loadText(file: string, bytes: Uint8Array): LoadedSource<string> {
  const decoded = decodeText(file, bytes, DEFAULT_LOAD_LIMITS.maxBytes);
  if (decoded.refusal !== undefined) return { ok: false, diagnostics: [decoded.refusal], text: undefined };
  return { ok: true, value: decoded.text, text: decoded.text };
}

/** A syntax error found after loading (a SQL parser's), as a located diagnostic. */
export function syntaxDiagnostic(
  file: string,
  error: { readonly message: string; readonly line: number; readonly column: number; readonly hint?: string },
): Diagnostic {
  return loadDiagnostic(
    file,
    'syntax-error',
    error.message,
    { line: error.line, column: error.column },
    { hint: error.hint },
  );
}
