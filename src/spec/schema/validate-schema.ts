import { compareDiagnostics, type Diagnostic, diagnostic } from '../diagnostic.js';
import type { DetectedKind } from '../kind/detect-kind.js';
import type { LoadedDocument } from '../load/loaded-document.js';
import { validatorFor } from './compiled-schemas.js';
import type { Finding } from './finding.js';
import { isRecord } from './is-record.js';
import {
  legacyFormatDiagnostic,
  unknownKindDiagnostic,
  unsupportedApiVersionDiagnostic,
} from './kind-diagnostics.js';
import { schemaFindings } from './schema-findings.js';
import { schemaSeverity } from './schema-severity.js';
import { schemaFor } from './standard-schemas.js';
import { newerValidVersion, versionHint } from './version-hint.js';

/** How schema findings are graded. */
export interface SchemaValidationOptions {
  /** Findings that leave the document usable become warnings (see schema-severity.ts). */
  readonly lenient: boolean;
}

/**
 * Validates a loaded document against the JSON Schema of its standard at its own `apiVersion`
 * and returns located, plain-English diagnostics in source order. Never throws. A document that
 * did not parse (`value` undefined, or not a mapping) gets nothing here: the loader reported it.
 */
export function validateSchema(
  doc: LoadedDocument,
  detected: DetectedKind,
  options: SchemaValidationOptions,
): Diagnostic[] {
  if (!isRecord(doc.value)) return [];
  switch (detected.kind) {
    case 'Unknown':
      return [unknownKindDiagnostic(doc)];
    case 'LegacyDataContract':
      return [legacyFormatDiagnostic(doc, detected)];
  }
  const schema =
    detected.apiVersion === undefined ? undefined : schemaFor(detected.kind, detected.apiVersion);
  if (schema === undefined) return [unsupportedApiVersionDiagnostic(doc, detected.kind, detected.apiVersion)];
  const validate = validatorFor(schema);
  if (validate(doc.value)) return [];
  const findings = schemaFindings(validate, doc.value, schema.schema);
  const newer = newerValidVersion(schema, doc.value);
  return dedupe(findings.map((finding) => toDiagnostic(doc, finding, options.lenient, newer))).sort(
    compareDiagnostics,
  );
}

/** Different subschemas can report the same mistake in the same words; say it once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.line}:${d.column}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toDiagnostic(
  doc: LoadedDocument,
  finding: Finding,
  lenient: boolean,
  newer: string | undefined,
): Diagnostic {
  const position = doc.sourceMap.locate(finding.path, finding.target);
  return diagnostic({
    code: finding.code,
    severity: schemaSeverity(finding.code, lenient, newer !== undefined),
    message: finding.message,
    file: doc.file,
    path: finding.path,
    ...position,
    // Under a newer version the document is valid, so "did you mean" would mislead.
    hint: newer === undefined ? finding.hint : versionHint(newer),
  });
}
