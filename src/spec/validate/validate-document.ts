import type { Diagnostic } from '../diagnostic.js';
import { type DetectedKind, detectKind } from '../kind/detect-kind.js';
import type { LoadLimits } from '../load/limits.js';
import { loadDocument } from '../load/load-document.js';
import { normalizeContract } from '../model/normalize-contract.js';
import { normalizeDomain, normalizeMesh } from '../model/normalize-mesh.js';
import { normalizeProduct } from '../model/normalize-product.js';
import type { ModelOf, WorkspaceEntry } from '../rules/rule.js';
import { validateSchema } from '../schema/validate-schema.js';

export interface ValidateOptions {
  /** Schema findings that leave a document usable become warnings. */
  readonly lenient?: boolean;
  readonly limits?: Partial<LoadLimits>;
}

export interface DocumentResult {
  readonly detected: DetectedKind;
  /** Findings of reading, parsing and the standard's JSON Schema (semantic rules come later). */
  readonly diagnostics: readonly Diagnostic[];
  readonly entry: WorkspaceEntry;
}

function baseName(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(slash + 1);
}

/** Refusals that mean the document cannot be read as its kind at all, so it has no model. */
const UNUSABLE = new Set(['kind-unknown', 'legacy-format', 'api-version-unsupported']);

function model(detected: DetectedKind, value: unknown): ModelOf | undefined {
  switch (detected.kind) {
    case 'DataContract':
      return { kind: 'DataContract', model: normalizeContract(value) };
    case 'DataProduct':
      return { kind: 'DataProduct', model: normalizeProduct(value) };
    case 'Mesh':
      return { kind: 'Mesh', model: normalizeMesh(value) };
    case 'Domain':
      return { kind: 'Domain', model: normalizeDomain(value) };
    default:
      return undefined;
  }
}

/**
 * Reads one document: load (bounded), detect its kind, validate it against its standard's schema
 * for its own apiVersion, and normalize it. Pure and total: bad input yields diagnostics.
 */
export function validateDocument(
  file: string,
  bytes: Uint8Array,
  options: ValidateOptions = {},
): DocumentResult {
  const doc = loadDocument(file, bytes, options.limits);
  if (doc.value === undefined) {
    return { detected: { kind: 'Unknown' }, diagnostics: doc.diagnostics, entry: { doc, parsed: undefined } };
  }
  const detected = detectKind(doc.value, baseName(file));
  const schemaDiagnostics = validateSchema(doc, detected, { lenient: options.lenient ?? false });
  const usable = !schemaDiagnostics.some((d) => UNUSABLE.has(d.code));
  return {
    detected,
    diagnostics: [...doc.diagnostics, ...schemaDiagnostics],
    entry: { doc, parsed: usable ? model(detected, doc.value) : undefined },
  };
}
