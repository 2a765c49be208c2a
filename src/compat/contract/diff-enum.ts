import type { JsonPath } from '../../spec/diagnostic.js';
import { type AllowedValues, allowedValues } from '../../spec/export/allowed-values.js';
import type { Property } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';

const key = (value: unknown): string => JSON.stringify(value) ?? 'undefined';
const list = (values: readonly unknown[]): string => values.map(key).join(', ');

/** Where the allowed values are written: the rule's `arguments.validValues`. */
function valuesAt(property: Property, allowed: AllowedValues | undefined): JsonPath {
  const rule = property.quality.find((r) => r.arguments?.validValues === allowed?.values);
  return rule === undefined || allowed === undefined
    ? property.path
    : [...rule.path, 'arguments', 'validValues'];
}

/**
 * Compares the allowed values (ODCS `invalidValues` rules with `arguments.validValues`). Both
 * directions break: a new value is one consumers do not know how to handle; a removed one may
 * still be in rows written before, which then fail the new contract.
 */
export function diffEnum(old: Property, next: Property, path: string, emit: Emit): void {
  const from = allowedValues(old);
  const to = allowedValues(next);
  if (from === undefined && to === undefined) return;
  const oldAt = valuesAt(old, from);
  const newAt = valuesAt(next, to);
  if (from === undefined || to === undefined) {
    const introduced = from === undefined;
    emit({
      type: introduced ? 'constraint-tightened' : 'constraint-loosened',
      path,
      breaking: true,
      message: introduced
        ? `allowed values (${list(to?.values ?? [])}) introduced on ${path}: rows written before may hold other values`
        : `allowed values of ${path} dropped (were ${list(from?.values ?? [])}): consumers may now receive any value`,
      oldAt,
      newAt,
    });
    return;
  }
  const oldKeys = new Set(from.values.map(key));
  const newKeys = new Set(to.values.map(key));
  const added = to.values.filter((v) => !oldKeys.has(key(v)));
  const removed = from.values.filter((v) => !newKeys.has(key(v)));
  if (removed.length > 0)
    emit({
      type: 'enum-value-removed',
      path,
      breaking: true,
      message: `${list(removed)} removed from the allowed values of ${path}: rows written before may hold ${removed.length === 1 ? 'it' : 'them'} and fail the new contract`,
      oldAt,
      newAt,
    });
  if (added.length > 0)
    emit({
      type: 'enum-value-added',
      path,
      breaking: true,
      message: `${list(added)} added to the allowed values of ${path}: consumers may receive values they do not handle`,
      oldAt,
      newAt,
    });
}
