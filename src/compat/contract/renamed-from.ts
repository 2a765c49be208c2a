import type { CustomProperty } from '../../spec/model/data-contract.js';

/**
 * The custom property that declares a rename: on the new property or schema object,
 * `customProperties: [{ property: meshplane.renamedFrom, value: <old name> }]`.
 */
export const RENAMED_FROM = 'meshplane.renamedFrom';

/** The old name a node declares it was renamed from; undefined when it declares none. */
export function renamedFrom(customProperties: readonly CustomProperty[]): string | undefined {
  const value = customProperties.find((c) => c.property === RENAMED_FROM)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
