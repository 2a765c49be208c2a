import type { Diagnostic } from '../diagnostic.js';
import type { Property, SchemaObject } from '../model/data-contract.js';
import { report } from './report.js';
import type { ContractEntry, RuleContext } from './rule.js';

function names(properties: readonly Property[]): Set<string> {
  return new Set(properties.flatMap((p) => [p.name, p.physicalName]));
}

/** The property names a rule's `arguments` refer to, each with its path inside `arguments`. */
function argumentProperties(
  args: Readonly<Record<string, unknown>> | undefined,
): { name: string; path: (string | number)[] }[] {
  if (args === undefined) return [];
  const out: { name: string; path: (string | number)[] }[] = [];
  for (const key of ['properties', 'property', 'columns', 'column']) {
    const value = args[key];
    if (typeof value === 'string') out.push({ name: value, path: [key] });
    else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (typeof v === 'string') out.push({ name: v, path: [key, i] });
      });
    }
  }
  return out;
}

/** Quality rules on a schema object that name properties in `arguments` must name real ones. */
function* qualityReferences(entry: ContractEntry, object: SchemaObject): Iterable<Diagnostic> {
  const known = names(object.properties);
  for (const rule of object.quality) {
    for (const { name, path } of argumentProperties(rule.arguments)) {
      if (known.has(name)) continue;
      yield report(
        'quality-unknown-property',
        entry.doc,
        [...rule.path, 'arguments', ...path],
        `quality rule${rule.name ? ` '${rule.name}'` : ''} names property '${name}', which '${object.name}' does not have`,
        { hint: `known properties: ${[...known].slice(0, 12).join(', ')}` },
      );
    }
  }
}

/** SLA `element` is `object.property` or `object` (comma-separated when several). */
function* slaReferences(entry: ContractEntry): Iterable<Diagnostic> {
  const objects = new Map(entry.model.schema.map((o) => [o.name, o] as const));
  for (const o of entry.model.schema) objects.set(o.physicalName, o);
  for (const sla of entry.model.slaProperties) {
    if (sla.element === undefined || objects.size === 0) continue;
    for (const element of sla.element.split(',').map((e) => e.trim())) {
      const [objectName, propertyName] = element.split('.', 2) as [string, string | undefined];
      const object = objects.get(objectName);
      const ok =
        propertyName === undefined
          ? object !== undefined || objects.size === 1
          : object !== undefined && names(object.properties).has(propertyName);
      if (!ok) {
        yield report(
          'sla-unknown-element',
          entry.doc,
          [...sla.path, 'element'],
          `SLA '${sla.property}' refers to '${element}', which is not an object or property of this contract`,
        );
      }
    }
  }
}

/** Primary key positions must be unique, and set only on primary key properties. */
function* primaryKeyPositions(entry: ContractEntry, object: SchemaObject): Iterable<Diagnostic> {
  const seen = new Map<number, string>();
  for (const p of object.properties) {
    if (p.primaryKeyPosition === undefined) continue;
    if (!p.primaryKey) {
      yield report(
        'primary-key-position',
        entry.doc,
        [...p.path, 'primaryKeyPosition'],
        `'${p.name}' has a primaryKeyPosition but is not a primary key`,
        { hint: 'add `primaryKey: true` or remove primaryKeyPosition' },
      );
      continue;
    }
    const other = seen.get(p.primaryKeyPosition);
    if (other !== undefined) {
      yield report(
        'primary-key-position',
        entry.doc,
        [...p.path, 'primaryKeyPosition'],
        `'${p.name}' and '${other}' both have primaryKeyPosition ${p.primaryKeyPosition}`,
      );
    }
    seen.set(p.primaryKeyPosition, p.name);
  }
}

/** Rules that read one contract at a time; they hold for any ODCS document, in a workspace or not. */
export function* contractRules(context: RuleContext): Iterable<Diagnostic> {
  for (const entry of context.contracts) {
    for (const object of entry.model.schema) {
      yield* qualityReferences(entry, object);
      yield* primaryKeyPositions(entry, object);
    }
    yield* slaReferences(entry);
  }
}
