import { isObj } from '../../spec/model/read-value.js';

/**
 * The value a document-local `$ref` (`#`, `#/definitions/address`, `#/$defs/a~1b`) points at, or
 * undefined when it is not local or leads nowhere. Pure.
 */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObj(current)) current = current[key];
    else return undefined;
  }
  return current;
}
