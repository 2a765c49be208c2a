import type { Diagnostic } from '../../spec/diagnostic.js';
import type { DataContract, LogicalType, Property, SchemaObject } from '../../spec/model/data-contract.js';
import { detectByName, type NameMatch } from './detect-by-name.js';
import { detectByValues, type SampleStats, type ValueMatch } from './detect-by-values.js';
import { type Confidence, maxConfidence, type PiiKind, SUGGESTED_CLASSIFICATION } from './pii-kind.js';
import { type PiiOptions, resolvePiiOptions } from './pii-options.js';
import { type PiiLocation, piiFinding } from './pii-policy.js';
import type { PropertyPii } from './property-pii.js';

/** Sampled values per property, keyed by physical name (or name); dotted for nested properties. */
export type PiiSamples = Readonly<Record<string, readonly unknown[]>>;

export type DetectPiiOptions = Partial<PiiOptions> & PiiLocation;

/** The properties that look like personal data, and one policy finding for each. */
export interface PiiReport {
  readonly properties: readonly PropertyPii[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Finds the properties of one schema object (nested ones included) that hold personal data, by
 * their names and, when given, by a sample of their values, and reports each against the policy:
 * an error when such a property is unclassified or `public`. Pure and total: it does no I/O and
 * never throws for any schema or sample (bad options throw MeshplaneError INVALID_INPUT).
 */
export function detectPii(
  schemaObject: SchemaObject,
  samples?: PiiSamples,
  options: DetectPiiOptions = {},
): PiiReport {
  const resolved = resolvePiiOptions(pick(options));
  const properties: PropertyPii[] = [];
  const walk = (list: readonly Property[], namePrefix: string, physicalPrefix: string): void => {
    for (const property of list) {
      const name = namePrefix + property.name;
      const physicalName = physicalPrefix + property.physicalName;
      const found = inspect(property, name, physicalName, samples, resolved);
      if (found !== undefined) properties.push(found);
      walk(property.properties, `${name}.`, `${physicalName}.`);
      if (property.items !== undefined) walk(property.items.properties, `${name}.`, `${physicalName}.`);
    }
  };
  walk(schemaObject.properties, '', '');
  const where: PiiLocation = {
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.locate === undefined ? {} : { locate: options.locate }),
  };
  return { properties, diagnostics: properties.map((p) => piiFinding(p, where)) };
}

/**
 * `detectPii` over every schema object of a contract. Samples are keyed by the schema object's
 * physical name (or name), then by property.
 */
export function detectContractPii(
  contract: DataContract,
  samples?: Readonly<Record<string, PiiSamples>>,
  options: DetectPiiOptions = {},
): PiiReport {
  const reports = contract.schema.map((schemaObject) =>
    detectPii(schemaObject, lookup(samples, schemaObject.physicalName, schemaObject.name), options),
  );
  return {
    properties: reports.flatMap((r) => r.properties),
    diagnostics: reports.flatMap((r) => r.diagnostics),
  };
}

function inspect(
  property: Property,
  name: string,
  physicalName: string,
  samples: PiiSamples | undefined,
  options: PiiOptions,
): PropertyPii | undefined {
  const declaration = declaredPii(property);
  if (declaration === false) return undefined;
  const declared = declaration === true;
  const type: LogicalType | undefined =
    property.logicalType === 'array' ? property.items?.logicalType : property.logicalType;
  const byName = bestPerKind(
    [
      property.name,
      ...(property.physicalName === property.name ? [] : [property.physicalName]),
      property.businessName,
    ]
      .filter((n): n is string => n !== undefined && n !== '')
      .flatMap((n) => detectByName(n, type)),
  );
  const values = lookup(samples, physicalName, name);
  let byValues: ValueMatch[] = [];
  let sample: SampleStats | undefined;
  if (values !== undefined) {
    ({ matches: byValues, stats: sample } = detectByValues(
      flattenArrays(values, options.maxValues),
      options,
    ));
  }
  if (!declared && byName.length === 0 && byValues.length === 0) return undefined;
  const { kinds, confidence } = combine(byName, byValues, declared);
  return {
    property: name,
    physicalName,
    path: property.path,
    kinds,
    byName,
    byValues,
    declared,
    ...(sample === undefined ? {} : { sample }),
    confidence,
    suggestedClassification: kinds.some((k) => SUGGESTED_CLASSIFICATION[k] === 'restricted')
      ? 'restricted'
      : 'confidential',
    ...(property.classification === undefined ? {} : { classification: property.classification }),
  };
}

/** Kinds by strength, and the overall confidence: name and values agreeing on a kind is `high`. */
function combine(
  byName: readonly NameMatch[],
  byValues: readonly ValueMatch[],
  declared: boolean,
): { kinds: PiiKind[]; confidence: Confidence } {
  const strength = new Map<PiiKind, Confidence>();
  for (const match of [...byName, ...byValues]) {
    const before = strength.get(match.kind);
    const agreed =
      before !== undefined &&
      byName.some((n) => n.kind === match.kind) &&
      byValues.some((v) => v.kind === match.kind);
    strength.set(
      match.kind,
      agreed ? 'high' : before === undefined ? match.confidence : maxConfidence(before, match.confidence),
    );
  }
  const order: Readonly<Record<Confidence, number>> = { high: 0, medium: 1, low: 2 };
  const kinds = [...strength].sort((a, b) => order[a[1]] - order[b[1]]).map(([kind]) => kind);
  let confidence: Confidence = declared ? 'high' : 'low';
  for (const c of strength.values()) confidence = maxConfidence(confidence, c);
  return { kinds, confidence };
}

function bestPerKind(matches: readonly NameMatch[]): NameMatch[] {
  const best = new Map<PiiKind, NameMatch>();
  for (const match of matches) {
    const before = best.get(match.kind);
    if (before === undefined || maxConfidence(before.confidence, match.confidence) !== before.confidence) {
      best.set(match.kind, match);
    }
  }
  return [...best.values()];
}

/**
 * true for a `pii` tag or `pii: true` custom property, false for `pii: false` (the owner's word
 * that a look-alike is not personal data), undefined otherwise.
 */
function declaredPii(property: Property): boolean | undefined {
  const custom = property.customProperties.find((c) => c.property.trim().toLowerCase() === 'pii');
  if (custom !== undefined) {
    const value = typeof custom.value === 'string' ? custom.value.trim().toLowerCase() : custom.value;
    if (value === false || value === 'false' || value === 'no') return false;
    if (value === true || value === 'true' || value === 'yes') return true;
  }
  return property.tags.some((t) => t.trim().toLowerCase() === 'pii') ? true : undefined;
}

/** Own keys only, so a property named `constructor` never reads Object.prototype. */
function lookup<T>(record: Readonly<Record<string, T>> | undefined, ...keys: string[]): T | undefined {
  if (record === undefined || record === null || typeof record !== 'object') return undefined;
  for (const key of keys) {
    if (Object.hasOwn(record, key)) {
      const value = record[key];
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** Array-valued samples (a list of e-mails per row) read element by element, up to `limit`. */
function flattenArrays(values: unknown, limit: number): unknown[] {
  if (!Array.isArray(values)) return [];
  const out: unknown[] = [];
  for (const value of values) {
    if (out.length >= limit) {
      out.push(undefined); // marks the sample as truncated without reading further
      break;
    }
    if (Array.isArray(value)) {
      for (const element of value) {
        if (out.length >= limit) break;
        out.push(element);
      }
    } else out.push(value);
  }
  return out;
}

function pick(options: DetectPiiOptions): Partial<PiiOptions> {
  const { threshold, maxValues, maxValueLength, minValues } = options;
  return { threshold, maxValues, maxValueLength, minValues } as Partial<PiiOptions>;
}
