import type { JsonPath } from '../../spec/diagnostic.js';
import type { CustomProperty } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';
import { RENAMED_FROM } from './renamed-from.js';

/** A node with the fields `diffAnnotations` may compare. */
interface Annotated {
  readonly path: JsonPath;
  readonly customProperties?: readonly CustomProperty[];
}

/**
 * The comparable form of a field. A rename declaration is not an annotation (it is reported as
 * the rename), so it is left out of `customProperties`.
 */
function comparable(node: Annotated, field: string): string {
  const value =
    field === 'customProperties'
      ? node.customProperties?.filter((c) => c.property !== RENAMED_FROM)
      : (node as unknown as Readonly<Record<string, unknown>>)[field];
  return JSON.stringify(value) ?? '';
}

function isSet(node: Annotated, field: string): boolean {
  const value = (node as unknown as Readonly<Record<string, unknown>>)[field];
  return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

/**
 * Reports, as one non-breaking `annotation-changed`, every field among `fields` that differs
 * between the two nodes (descriptions, names for people, tags, examples, ...), so the diff is
 * complete without drowning the changes that matter. Locations point at the first changed field.
 */
export function diffAnnotations<T extends Annotated>(
  old: T,
  next: T,
  fields: readonly (keyof T & string)[],
  path: string,
  emit: Emit,
): void {
  const changed = fields.filter((f) => comparable(old, f) !== comparable(next, f));
  const first = changed[0];
  if (first === undefined) return;
  emit({
    type: 'annotation-changed',
    path,
    breaking: false,
    message: `${changed.join(', ')} of ${path} changed`,
    oldAt: isSet(old, first) ? [...old.path, first] : old.path,
    newAt: isSet(next, first) ? [...next.path, first] : next.path,
  });
}
