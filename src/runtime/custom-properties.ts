import type { CustomProperty } from '../spec/model/data-contract.js';

/** The value of the custom property `name` (e.g. `meshplane.refresh`), if declared. */
export function customProperty(list: readonly CustomProperty[], name: string): unknown {
  return list.find((p) => p.property === name)?.value;
}

export function customText(list: readonly CustomProperty[], name: string): string | undefined {
  const value = customProperty(list, name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function customObject(
  list: readonly CustomProperty[],
  name: string,
): Record<string, unknown> | undefined {
  const value = customProperty(list, name);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
