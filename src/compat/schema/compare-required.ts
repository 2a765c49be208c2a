import { type CompareContext, type Found, found, type Sides } from './compare-context.js';
import { isObj, type Obj, stringsOf } from './json-values.js';
import { resolveOrAny } from './resolve-schema.js';
import type { SchemaDocument } from './schema-document.js';

/** Whether the reader's schema for a property gives a default, which fills it in when missing. */
export function hasDefault(ctx: CompareContext, schema: unknown, doc: SchemaDocument): boolean {
  if (isObj(schema) && Object.hasOwn(schema, 'default')) return true;
  const resolved = resolveOrAny(ctx, schema, doc);
  return isObj(resolved) && Object.hasOwn(resolved, 'default');
}

/**
 * A name the reader requires must be required by the writer too, unless the reader gives it a
 * default. Properties the reader adds are left to the property comparison, which knows the
 * writer's content model; a requirement the reader drops is always fine.
 */
export function compareRequired(ctx: CompareContext, reader: Obj, writer: Obj, sides: Sides): Found[] {
  const out: Found[] = [];
  const readerProps = isObj(reader.properties) ? reader.properties : {};
  const writerProps = isObj(writer.properties) ? writer.properties : {};
  const readerRequired = stringsOf(reader.required);
  const writerRequired = stringsOf(writer.required);
  for (const [i, name] of readerRequired.entries()) {
    if (writerRequired.includes(name) || readerRequired.indexOf(name) !== i) continue;
    if (Object.hasOwn(readerProps, name) && !Object.hasOwn(writerProps, name)) continue;
    out.push(
      hasDefault(ctx, readerProps[name], sides.reader)
        ? found(
            'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED',
            `/required/${i}`,
            `The reader requires "${name}" but gives it a default.`,
          )
        : found(
            'REQUIRED_ATTRIBUTE_ADDED',
            `/required/${i}`,
            `The reader requires "${name}", which the writer may leave out.`,
          ),
    );
  }
  for (const [i, name] of writerRequired.entries()) {
    if (readerRequired.includes(name) || writerRequired.indexOf(name) !== i) continue;
    if (Object.hasOwn(writerProps, name) && !Object.hasOwn(readerProps, name)) continue;
    out.push(
      found('REQUIRED_ATTRIBUTE_REMOVED', `/required/${i}`, `The reader no longer requires "${name}".`),
    );
  }
  return out;
}
