/** The kinds of document Meshplane recognizes. */
export type DocumentKind =
  | 'DataContract'
  | 'DataProduct'
  | 'Mesh'
  | 'Domain'
  | 'LegacyDataContract'
  | 'Unknown';

/**
 * What a document says it is. `apiVersion` is the declared version as text (a YAML number such as
 * `3.1` becomes `"3.1"`); for `LegacyDataContract` it is the value of `dataContractSpecification`.
 */
export interface DetectedKind {
  readonly kind: DocumentKind;
  readonly apiVersion?: string;
}

const KINDS_BY_NAME: ReadonlyMap<string, DocumentKind> = new Map([
  ['datacontract', 'DataContract'],
  ['dataproduct', 'DataProduct'],
  ['mesh', 'Mesh'],
  ['domain', 'Domain'],
]);

/**
 * Tells what a parsed document is, from its fields first and its file name second. Pure: it
 * never reads the file system. A `kind` written in the wrong case (`datacontract`) still counts,
 * so the schema can say exactly what to fix instead of "unknown document".
 */
export function detectKind(value: unknown, fileName: string): DetectedKind {
  if (!isRecord(value)) return { kind: 'Unknown' };
  if ('dataContractSpecification' in value) {
    return withVersion('LegacyDataContract', versionText(value.dataContractSpecification));
  }
  const apiVersion = versionText(value.apiVersion);
  if (typeof value.kind === 'string') {
    return withVersion(KINDS_BY_NAME.get(value.kind.trim().toLowerCase()) ?? 'Unknown', apiVersion);
  }
  if (value.kind !== undefined && value.kind !== null) return withVersion('Unknown', apiVersion);
  return withVersion(kindWithoutKindField(value, apiVersion, baseName(fileName)), apiVersion);
}

/** Guesses the kind of a document that has no `kind` field. */
function kindWithoutKindField(
  value: Record<string, unknown>,
  apiVersion: string | undefined,
  name: string,
): DocumentKind {
  if (/^mesh\.(ya?ml|json)$/.test(name)) return 'Mesh';
  if (/^domain\.(ya?ml|json)$/.test(name)) return 'Domain';
  if (/\.odcs\.(ya?ml|json)$/.test(name)) return 'DataContract';
  if (/\.odps\.(ya?ml|json)$/.test(name)) return 'DataProduct';
  if (apiVersion === undefined) return 'Unknown';
  if (/^v?3\./.test(apiVersion) && (Array.isArray(value.schema) || ('id' in value && 'status' in value))) {
    return 'DataContract';
  }
  if (
    /^v?(0\.9|1)\./.test(apiVersion) &&
    (Array.isArray(value.outputPorts) || Array.isArray(value.inputPorts))
  ) {
    return 'DataProduct';
  }
  return 'Unknown';
}

function withVersion(kind: DocumentKind, apiVersion: string | undefined): DetectedKind {
  return apiVersion === undefined ? { kind } : { kind, apiVersion };
}

function versionText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') return String(raw);
  return undefined;
}

/** The last segment of a path with either separator; `node:path` is not available here. */
function baseName(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(cut + 1).toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
