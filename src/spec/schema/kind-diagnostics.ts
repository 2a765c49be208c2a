import { CODES, type DiagnosticCode } from '../codes.js';
import { type Diagnostic, diagnostic, type JsonPath } from '../diagnostic.js';
import type { DetectedKind } from '../kind/detect-kind.js';
import type { LoadedDocument } from '../load/loaded-document.js';
import { isRecord } from './is-record.js';
import { type SchemaKind, supportedApiVersions } from './standard-schemas.js';

const KIND_LABELS: Readonly<Record<SchemaKind, string>> = {
  DataContract: 'an ODCS data contract (`kind: DataContract`)',
  DataProduct: 'an ODPS data product (`kind: DataProduct`)',
  Mesh: 'a mesh.yaml (`kind: Mesh`)',
  Domain: 'a domain.yaml (`kind: Domain`)',
};

/** `kind-unknown`: the document is none of the kinds Meshplane reads. */
export function unknownKindDiagnostic(doc: LoadedDocument): Diagnostic {
  const kind = isRecord(doc.value) ? doc.value.kind : undefined;
  const said =
    kind === undefined
      ? 'This document has no `kind`, and its fields do not tell what it is'
      : `\`kind: ${String(kind)}\` is not a kind Meshplane reads`;
  return located(doc, 'kind-unknown', kind === undefined ? [] : ['kind'], {
    message: `${said}; expected ${Object.values(KIND_LABELS).join(', ')}.`,
    hint: 'set `kind` to DataContract, DataProduct, Mesh or Domain',
  });
}

/** `legacy-format`: a Data Contract Specification document, which Meshplane does not read. */
export function legacyFormatDiagnostic(doc: LoadedDocument, detected: DetectedKind): Diagnostic {
  const version = detected.apiVersion === undefined ? '' : ` ${detected.apiVersion}`;
  return located(
    doc,
    'legacy-format',
    ['dataContractSpecification'],
    {
      message: `This is a Data Contract Specification${version} document; Meshplane reads data contracts in ODCS v3.x (Open Data Contract Standard).`,
      hint: 'convert it with datacontract-cli: `datacontract export --format odcs <file>`',
    },
    'key',
  );
}

/** `api-version-unsupported`: `apiVersion` is missing or not one Meshplane validates for the kind. */
export function unsupportedApiVersionDiagnostic(
  doc: LoadedDocument,
  kind: SchemaKind,
  apiVersion: string | undefined,
): Diagnostic {
  const versions = supportedApiVersions(kind);
  const latest = versions.at(-1) ?? '';
  const said =
    apiVersion === undefined ? '`apiVersion` is missing' : `\`apiVersion: ${apiVersion}\` is not supported`;
  const hasField = isRecord(doc.value) && 'apiVersion' in doc.value;
  return located(doc, 'api-version-unsupported', hasField ? ['apiVersion'] : [], {
    message: `${said} for ${KIND_LABELS[kind]}; Meshplane reads ${versions.join(', ')}.`,
    hint: `set \`apiVersion: ${latest}\``,
  });
}

function located(
  doc: LoadedDocument,
  code: DiagnosticCode,
  path: JsonPath,
  text: { message: string; hint: string },
  target: 'key' | 'value' = 'value',
): Diagnostic {
  const position = doc.sourceMap.locate(path, target);
  return diagnostic({ code, severity: CODES[code].severity, file: doc.file, path, ...position, ...text });
}
