import type { DiagnosticCode } from '../codes.js';
import { formatPath, type JsonPath } from '../diagnostic.js';

/** The codes of JSON Schema findings. */
export type SchemaCode = Extract<DiagnosticCode, `schema-${string}`>;

/** A schema finding before it is located in the source text and given a severity. */
export interface Finding {
  readonly code: SchemaCode;
  readonly path: JsonPath;
  /** Point at the mapping key (unknown or missing fields) or at the value. */
  readonly target: 'key' | 'value';
  readonly message: string;
  readonly hint?: string | undefined;
}

/** "`schema[0].name`", or "the document" for the root. */
export function fieldName(path: JsonPath): string {
  return path.length === 0 ? 'the document' : `\`${formatPath(path)}\``;
}

/** Capitalizes the first letter, for a field name that starts a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A finding located at the value. */
export function valueFinding(code: SchemaCode, path: JsonPath, message: string, hint?: string): Finding {
  return { code, path, target: 'value', message, hint };
}

/** A field of a mapping is located at its key; a list item or the document at its value. */
export function keyOrValue(path: JsonPath): 'key' | 'value' {
  return typeof path.at(-1) === 'string' ? 'key' : 'value';
}
