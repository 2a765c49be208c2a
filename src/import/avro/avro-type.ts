import { arr, compact, isObj, num, type Obj, str } from '../../spec/model/read-value.js';
import type { ImportGap } from '../imported-table.js';
import type { LogicalType, OdcsProperty, OdcsQualityRule } from '../odcs-types.js';
import { validValuesRule } from '../valid-values-rule.js';

/** An Avro type in ODCS terms, before it is attached to a field name. */
export interface AvroMapped {
  readonly logicalType?: LogicalType;
  readonly logicalTypeOptions?: Readonly<Record<string, unknown>>;
  readonly physicalType?: string;
  readonly nullable?: boolean;
  readonly quality?: readonly OdcsQualityRule[];
  readonly properties?: readonly OdcsProperty[];
  readonly items?: OdcsProperty;
  readonly description?: string;
}

/** What mapping an Avro schema needs: named types seen so far, gaps, and the field mapper. */
export interface AvroContext {
  readonly named: Map<string, Obj>;
  readonly gaps: ImportGap[];
  /** Named types being expanded, to stop at a recursive one. */
  readonly expanding: readonly string[];
  readonly fields: (record: Obj, where: string, context: AvroContext) => OdcsProperty[];
}

const PRIMITIVES: Readonly<Record<string, AvroMapped>> = {
  string: { logicalType: 'string' },
  int: { logicalType: 'integer', logicalTypeOptions: { format: 'i32' } },
  long: { logicalType: 'integer', logicalTypeOptions: { format: 'i64' } },
  float: { logicalType: 'number', logicalTypeOptions: { format: 'f32' } },
  double: { logicalType: 'number', logicalTypeOptions: { format: 'f64' } },
  boolean: { logicalType: 'boolean' },
  bytes: { logicalType: 'string', logicalTypeOptions: { format: 'binary' } },
};

const LOGICAL: Readonly<Record<string, AvroMapped>> = {
  uuid: { logicalType: 'string', logicalTypeOptions: { format: 'uuid' } },
  date: { logicalType: 'date' },
  'time-millis': { logicalType: 'time' },
  'time-micros': { logicalType: 'time' },
  // Avro's timestamps are instants in UTC; the local-* ones carry no zone.
  'timestamp-millis': { logicalType: 'timestamp', logicalTypeOptions: { timezone: true } },
  'timestamp-micros': { logicalType: 'timestamp', logicalTypeOptions: { timezone: true } },
  'timestamp-nanos': { logicalType: 'timestamp', logicalTypeOptions: { timezone: true } },
  'local-timestamp-millis': { logicalType: 'timestamp', logicalTypeOptions: { timezone: false } },
  'local-timestamp-micros': { logicalType: 'timestamp', logicalTypeOptions: { timezone: false } },
  'local-timestamp-nanos': { logicalType: 'timestamp', logicalTypeOptions: { timezone: false } },
};

/** Registers a named type (record, enum, fixed) under its full and its short name. */
export function register(schema: Obj, namespace: string | undefined, context: AvroContext): void {
  const name = str(schema.name);
  if (name === undefined) return;
  const space = str(schema.namespace) ?? namespace;
  context.named.set(name, schema);
  if (space !== undefined && !name.includes('.')) context.named.set(`${space}.${name}`, schema);
}

function logical(schema: Obj, where: string, context: AvroContext): AvroMapped | undefined {
  const name = str(schema.logicalType);
  if (name === undefined) return undefined;
  if (name === 'decimal') {
    const precision = num(schema.precision);
    const scale = num(schema.scale) ?? 0;
    return {
      logicalType: 'number',
      ...(precision === undefined ? {} : { physicalType: `decimal(${precision},${scale})` }),
    };
  }
  const mapped = LOGICAL[name];
  if (mapped !== undefined) return { ...mapped, physicalType: name };
  context.gaps.push({
    where,
    message: `logical type '${name}' has no ODCS counterpart: read as its underlying type`,
  });
  return undefined;
}

function union(members: readonly unknown[], where: string, context: AvroContext): AvroMapped {
  const rest = members.filter((m) => m !== 'null' && !(isObj(m) && m.type === 'null'));
  const nullable = rest.length < members.length;
  if (rest.length > 1) {
    context.gaps.push({ where, message: `a union of ${rest.length} types: only the first is carried over` });
  }
  if (rest[0] === undefined) {
    context.gaps.push({ where, message: 'a field that is always null: no logicalType written' });
    return { nullable: true };
  }
  return { ...avroType(rest[0], where, context), nullable };
}

function named(name: string, where: string, context: AvroContext): AvroMapped {
  const primitive = PRIMITIVES[name];
  if (primitive !== undefined) return { ...primitive, physicalType: name };
  if (name === 'null') {
    context.gaps.push({ where, message: 'a field that is always null: no logicalType written' });
    return { nullable: true };
  }
  const schema = context.named.get(name);
  if (schema === undefined) {
    context.gaps.push({ where, message: `type '${name}' is not defined before its use: written as string` });
    return { logicalType: 'string', physicalType: name };
  }
  if (context.expanding.includes(name)) {
    context.gaps.push({
      where,
      message: `'${name}' contains itself: the recursion stops here (an object without properties)`,
    });
    return { logicalType: 'object', physicalType: 'record' };
  }
  return avroType(schema, where, { ...context, expanding: [...context.expanding, name] });
}

function complex(schema: Obj, where: string, context: AvroContext): AvroMapped {
  const type = schema.type;
  if (typeof type !== 'string') return avroType(type, where, context);
  const fromLogical = logical(schema, where, context);
  if (fromLogical !== undefined) return fromLogical;
  switch (type) {
    case 'record':
    case 'error':
      register(schema, undefined, context);
      return compact({
        logicalType: 'object' as const,
        physicalType: 'record',
        description: str(schema.doc),
        properties: context.fields(schema, where, {
          ...context,
          expanding: [...context.expanding, str(schema.name) ?? ''],
        }),
      });
    case 'enum': {
      register(schema, undefined, context);
      const symbols = arr(schema.symbols).filter((s): s is string => typeof s === 'string');
      return { logicalType: 'string', physicalType: 'enum', quality: [validValuesRule(symbols)] };
    }
    case 'array': {
      const items = avroType(schema.items, `${where}[]`, context);
      return { logicalType: 'array', physicalType: 'array', items: itemProperty(items) };
    }
    case 'map':
      context.gaps.push({ where, message: 'ODCS has no map type: written as an object without properties' });
      return { logicalType: 'object', physicalType: 'map' };
    case 'fixed':
      register(schema, undefined, context);
      return {
        logicalType: 'string',
        logicalTypeOptions: { format: 'binary' },
        physicalType: `fixed(${num(schema.size) ?? ''})`,
      };
    default:
      return named(type, where, context);
  }
}

/** An array's item type as an ODCS item property (no name; items are never null). */
function itemProperty(mapped: AvroMapped): OdcsProperty {
  const { nullable: _nullable, description: _description, ...rest } = mapped;
  return rest;
}

/**
 * One Avro type (a name, a union or a complex type) in ODCS terms: primitives to logical types
 * (int/long as integer i32/i64, float/double as number f32/f64, bytes as binary strings), logical
 * types decimal / date / time / timestamp / uuid, records as objects with properties, arrays with
 * items, enums as allowed values, unions with null as nullable. Maps are objects (reported).
 */
export function avroType(type: unknown, where: string, context: AvroContext): AvroMapped {
  if (typeof type === 'string') return named(type, where, context);
  if (Array.isArray(type)) return union(type, where, context);
  if (isObj(type)) return complex(type, where, context);
  context.gaps.push({
    where,
    message: 'the type is neither a name, a union nor a schema: written as string',
  });
  return { logicalType: 'string' };
}
