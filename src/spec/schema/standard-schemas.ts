import domainV1 from './meshplane/domain-v1.schema.json' with { type: 'json' };
import meshV1 from './meshplane/mesh-v1.schema.json' with { type: 'json' };
import odcs300 from './standards/odcs/odcs-json-schema-v3.0.0.json' with { type: 'json' };
import odcs301 from './standards/odcs/odcs-json-schema-v3.0.1.json' with { type: 'json' };
import odcs302 from './standards/odcs/odcs-json-schema-v3.0.2.json' with { type: 'json' };
import odcs302strict from './standards/odcs/odcs-json-schema-v3.0.2-strict.json' with { type: 'json' };
import odcs310 from './standards/odcs/odcs-json-schema-v3.1.0.json' with { type: 'json' };
import odps090 from './standards/odps/odps-json-schema-v0.9.0.json' with { type: 'json' };
import odps100 from './standards/odps/odps-json-schema-v1.0.0.json' with { type: 'json' };

/** The kinds whose documents have a JSON Schema. */
export type SchemaKind = 'DataContract' | 'DataProduct' | 'Mesh' | 'Domain';

/** One JSON Schema (draft 2019-09) of a standard at one version. */
export interface StandardSchema {
  /** Stable key, e.g. `odcs-v3.1.0` or `odcs-v3.0.2-strict`; also the compile-cache key. */
  readonly id: string;
  readonly kind: SchemaKind;
  /** The `apiVersion` a document declares to be validated by this schema. */
  readonly apiVersion: string;
  readonly schema: object;
}

function entry(id: string, kind: SchemaKind, apiVersion: string, schema: object): StandardSchema {
  return Object.freeze({ id, kind, apiVersion, schema });
}

/**
 * The schema used for each supported `apiVersion`, oldest first within a kind. The order matters:
 * "valid under a newer version" walks it forward from the declared version.
 */
export const STANDARD_SCHEMAS: readonly StandardSchema[] = Object.freeze([
  entry('odcs-v3.0.0', 'DataContract', 'v3.0.0', odcs300),
  entry('odcs-v3.0.1', 'DataContract', 'v3.0.1', odcs301),
  entry('odcs-v3.0.2', 'DataContract', 'v3.0.2', odcs302),
  entry('odcs-v3.1.0', 'DataContract', 'v3.1.0', odcs310),
  entry('odps-v0.9.0', 'DataProduct', 'v0.9.0', odps090),
  entry('odps-v1.0.0', 'DataProduct', 'v1.0.0', odps100),
  entry('meshplane-mesh-v1', 'Mesh', 'meshplane/v1', meshV1),
  entry('meshplane-domain-v1', 'Domain', 'meshplane/v1', domainV1),
]);

/**
 * ODCS publishes a stricter v3.0.2 schema (`unevaluatedProperties: false` throughout). No document
 * is validated against it by default; it is here for callers that opt in.
 */
export const ODCS_V302_STRICT: StandardSchema = entry(
  'odcs-v3.0.2-strict',
  'DataContract',
  'v3.0.2',
  odcs302strict,
);

/** The `apiVersion`s Meshplane validates for `kind`, oldest first. */
export function supportedApiVersions(kind: SchemaKind): readonly string[] {
  return STANDARD_SCHEMAS.filter((s) => s.kind === kind).map((s) => s.apiVersion);
}

/** The schema for a declared `apiVersion`, or undefined when Meshplane does not support it. */
export function schemaFor(kind: SchemaKind, apiVersion: string): StandardSchema | undefined {
  return STANDARD_SCHEMAS.find((s) => s.kind === kind && s.apiVersion === apiVersion);
}

/** The schemas of the same kind that are newer than `schema`, oldest first. */
export function newerSchemas(schema: StandardSchema): readonly StandardSchema[] {
  const sameKind = STANDARD_SCHEMAS.filter((s) => s.kind === schema.kind);
  const at = sameKind.findIndex((s) => s.apiVersion === schema.apiVersion);
  return at < 0 ? [] : sameKind.slice(at + 1);
}
