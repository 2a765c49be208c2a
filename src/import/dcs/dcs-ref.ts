import { isObj, type Obj } from '../../spec/model/read-value.js';
import type { DcsContext } from './dcs-context.js';

/** Keys a definition has for its own bookkeeping, not for the fields that use it. */
const DEFINITION_ONLY = new Set(['domain', 'name']);

/**
 * A field with its `$ref` to `#/definitions/<name>` resolved: the definition's keys, overridden by
 * the field's own. A definition may refer to another; a cycle or an external reference stops the
 * resolution and is reported. Fields without `$ref` come back unchanged.
 */
export function resolveRef(
  field: Obj,
  where: string,
  context: DcsContext,
  seen: readonly string[] = [],
): Obj {
  const ref = field.$ref;
  if (typeof ref !== 'string') return field;
  const { $ref: _ref, ...own } = field;
  const match = /^#\/definitions\/(.+)$/.exec(ref);
  const name = match?.[1];
  if (name === undefined) {
    context.gaps.push({
      where,
      message: `$ref '${ref}' is not a reference to this document's definitions: not resolved`,
    });
    return own;
  }
  if (seen.includes(name)) {
    context.gaps.push({
      where,
      message: `$ref '${ref}' refers to itself through ${seen.join(' -> ')}: not resolved`,
    });
    return own;
  }
  const definition = context.definitions[name];
  if (!isObj(definition)) {
    context.gaps.push({ where, message: `$ref '${ref}' names no definition: not resolved` });
    return own;
  }
  context.usedDefinitions.add(name);
  const resolved = resolveRef(definition, where, context, [...seen, name]);
  const inherited = Object.fromEntries(Object.entries(resolved).filter(([k]) => !DEFINITION_ONLY.has(k)));
  return { ...inherited, ...own };
}
