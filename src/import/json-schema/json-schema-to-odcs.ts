import { MeshplaneError } from '../../errors/index.js';
import { compact, isObj, type Obj, str } from '../../spec/model/read-value.js';
import { suggestName } from '../../workspace/names.js';
import type { ImportGap } from '../imported-table.js';
import { newContract } from '../new-contract.js';
import type { Conversion, OdcsSchemaObject } from '../odcs-types.js';
import { flattenSchema } from './flatten-schema.js';
import { objectProperties, type PropertyContext } from './json-schema-property.js';

export interface JsonSchemaImportOptions {
  /** The contract's id and name, and the schema object's name (the CLI uses the file name). */
  readonly name: string;
}

function schemaObject(name: string, schema: Obj, where: string, context: PropertyContext): OdcsSchemaObject {
  return compact({
    name,
    physicalName: name,
    logicalType: 'object' as const,
    businessName: str(schema.title),
    description: str(schema.description),
    properties: objectProperties(schema, where, context),
  });
}

function definitions(root: Obj): [string, unknown][] {
  const defs = isObj(root.$defs) ? root.$defs : isObj(root.definitions) ? root.definitions : {};
  return Object.entries(defs).filter(([, s]) => isObj(s) && (s.type === 'object' || isObj(s.properties)));
}

/**
 * A JSON Schema (draft 4 to 2020-12) as one ODCS v3.1.0 contract. The root object schema becomes
 * one schema object (a root array: its items); a root that only holds object `definitions` /
 * `$defs` gives one schema object per definition. Properties keep types (nullable unions as
 * optional), formats date / date-time / time, enums, string, number and array constraints,
 * nesting and descriptions; document-local `$ref`s are resolved. Pure; throws INVALID_INPUT when
 * the document describes no object.
 */
export function jsonSchemaToOdcs(value: unknown, options: JsonSchemaImportOptions): Conversion {
  if (!isObj(value)) throw new MeshplaneError('INVALID_INPUT', 'a JSON Schema is an object');
  const gaps: ImportGap[] = [];
  const context: PropertyContext = { root: value, gaps, depth: 0, refs: [] };
  const flat = flattenSchema(value, '$', context);
  let root = flat?.schema ?? {};
  let where = '$';
  if (root.type === 'array' && isObj(root.items)) {
    gaps.push({ where, message: 'the root is an array: its items describe the records' });
    root = flattenSchema(root.items, '$.items', context)?.schema ?? {};
    where = '$.items';
  }
  let schema: OdcsSchemaObject[];
  if (isObj(root.properties)) {
    schema = [schemaObject(options.name, root, where, context)];
  } else {
    const defs = definitions(value);
    if (defs.length === 0) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        'the JSON Schema describes no object: it has no properties and no object definitions',
      );
    }
    gaps.push({
      where,
      message: 'the root has no properties: each object definition becomes a schema object',
    });
    schema = defs.map(([name, def]) => {
      const flatDef = flattenSchema(def, `$.definitions.${name}`, context)?.schema ?? {};
      return schemaObject(suggestName(name, '_') || name, flatDef, `$.definitions.${name}`, context);
    });
  }
  const head = {
    id: options.name,
    name: str(value.title) ?? options.name,
    description: str(value.description),
  };
  return { document: newContract(head, schema), gaps };
}
