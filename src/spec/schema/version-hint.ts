import { validatorFor } from './compiled-schemas.js';
import { isRecord } from './is-record.js';
import { newerSchemas, type StandardSchema } from './standard-schemas.js';

/**
 * The oldest newer version of the same standard under which `value` would be valid if its
 * `apiVersion` said so, or undefined. Official ODCS examples declare v3.0.2 but use v3.1.0 fields;
 * this turns a page of errors into "update apiVersion to v3.1.0".
 */
export function newerValidVersion(schema: StandardSchema, value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  for (const newer of newerSchemas(schema)) {
    if (validatorFor(newer)({ ...value, apiVersion: newer.apiVersion })) return newer.apiVersion;
  }
  return undefined;
}

/** The hint every schema finding of such a document carries. */
export function versionHint(apiVersion: string): string {
  return `valid under ${apiVersion}; update apiVersion to ${apiVersion}`;
}
