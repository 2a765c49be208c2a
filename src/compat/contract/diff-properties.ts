import { effectiveLogicalType, isRequired } from '../../spec/export/property-facts.js';
import type { Property } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';
import { fieldAt } from './change-recorder.js';
import { diffAnnotations } from './diff-annotations.js';
import { diffClassification } from './diff-classification.js';
import { diffConstraints } from './diff-constraints.js';
import { diffEnum } from './diff-enum.js';
import { diffQuality } from './diff-quality.js';
import { pairByName } from './pair-by-name.js';
import { renameHint } from './rename-hint.js';
import { renamedFrom } from './renamed-from.js';
import { describeType, typeVerdict } from './type-change.js';

const PROPERTY_ANNOTATIONS = [
  'description',
  'businessName',
  'tags',
  'examples',
  'authoritativeDefinitions',
  'criticalDataElement',
  'partitioned',
  'customProperties',
] as const;

const naming = {
  name: (p: Property) => p.name,
  renamedFrom: (p: Property) => renamedFrom(p.customProperties),
};

/** Same logical and physical type: what makes an unpaired removal and addition look like a rename. */
const sameShape = (a: Property, b: Property): boolean => describeType(a) === describeType(b);

/**
 * Compares two lists of properties under `parent` (a schema object's name or a property's path)
 * and everything below them. Returns how old names map to new ones, for the primary key.
 */
export function diffPropertyList(
  olds: readonly Property[],
  news: readonly Property[],
  parent: string,
  emit: Emit,
): ReadonlyMap<string, string> {
  const pairs = pairByName(olds, news, naming);
  const names = new Map<string, string>();
  for (const pair of pairs) {
    if (pair.kind === 'added') {
      const path = `${parent}.${pair.new.name}`;
      const required = isRequired(pair.new);
      emit({
        type: 'property-added',
        path,
        breaking: required,
        message: required
          ? `required property ${path} added: rows written before lack it and fail the new contract${renameHint(pairs, pair, sameShape)}`
          : `optional property ${path} added${renameHint(pairs, pair, sameShape)}`,
        newAt: pair.new.path,
      });
    } else if (pair.kind === 'removed') {
      const path = `${parent}.${pair.old.name}`;
      emit({
        type: 'property-removed',
        path,
        breaking: true,
        message: `property ${path} removed: consumers that read it break${renameHint(pairs, pair, sameShape)}`,
        oldAt: pair.old.path,
      });
    } else {
      names.set(pair.old.name, pair.new.name);
      const path = `${parent}.${pair.new.name}`;
      if (pair.kind === 'renamed')
        emit({
          type: 'property-renamed',
          path,
          breaking: true,
          message: `property ${parent}.${pair.old.name} renamed to ${path}: consumers that read the old name break`,
          oldAt: pair.old.path,
          newAt: pair.new.path,
        });
      diffProperty(pair.old, pair.new, path, emit, pair.kind === 'renamed');
    }
  }
  return names;
}

/** Compares one property that exists on both sides (same name, or declared renamed). */
export function diffProperty(old: Property, next: Property, path: string, emit: Emit, renamed = false): void {
  diffPhysicalName(old, next, path, emit, renamed);
  diffType(old, next, path, emit);
  diffRequired(old, next, path, emit);
  diffUnique(old, next, path, emit);
  diffEnum(old, next, path, emit);
  diffConstraints(old, next, path, emit);
  diffClassification(old, next, path, emit);
  diffQuality(old.quality, next.quality, path, emit, true);
  diffAnnotations(old, next, PROPERTY_ANNOTATIONS, path, emit);
  // Once the type itself changed (object -> string), its nested fields are part of that change.
  const sameType = effectiveLogicalType(old) === effectiveLogicalType(next);
  if (sameType) diffPropertyList(old.properties, next.properties, path, emit);
  if (sameType) diffItems(old, next, path, emit);
}

function diffPhysicalName(old: Property, next: Property, path: string, emit: Emit, renamed: boolean): void {
  if (old.physicalName === next.physicalName) return;
  // A rename moves a physical name that followed the name; the rename already says so.
  if (renamed && old.physicalName === old.name && next.physicalName === next.name) return;
  emit({
    type: 'physical-name-changed',
    path,
    breaking: true,
    message: `physical name of ${path} changed from ${old.physicalName} to ${next.physicalName}: queries on the stored column break`,
    oldAt: fieldAt(old.path, 'physicalName', old.physicalName !== old.name),
    newAt: fieldAt(next.path, 'physicalName', next.physicalName !== next.name),
  });
}

function typeField(property: Property, logicalChanged: boolean): ReturnType<typeof fieldAt> {
  if (logicalChanged && property.logicalType !== undefined) return [...property.path, 'logicalType'];
  if (property.physicalType !== undefined) return [...property.path, 'physicalType'];
  return fieldAt(property.path, 'logicalType', property.logicalType !== undefined);
}

function diffType(old: Property, next: Property, path: string, emit: Emit): void {
  const verdict = typeVerdict(old, next);
  if (verdict === 'same') return;
  const logicalChanged = effectiveLogicalType(old) !== effectiveLogicalType(next);
  const transition = `from ${describeType(old)} to ${describeType(next)}`;
  emit({
    type: verdict === 'widened' ? 'type-widened' : 'type-changed',
    path,
    breaking: verdict === 'changed',
    message:
      verdict === 'widened'
        ? `type of ${path} widened ${transition}: every value written before still fits`
        : `type of ${path} changed ${transition}: consumers that read the old type break`,
    oldAt: typeField(old, logicalChanged),
    newAt: typeField(next, logicalChanged),
  });
}

const requiredAt = (p: Property) =>
  p.required ? [...p.path, 'required'] : p.primaryKey ? [...p.path, 'primaryKey'] : p.path;

/**
 * Both directions break: a newly required value may be missing in rows written before; a value
 * no longer required may now be null where consumers relied on it.
 */
function diffRequired(old: Property, next: Property, path: string, emit: Emit): void {
  const was = isRequired(old);
  const is = isRequired(next);
  if (was === is) return;
  emit({
    type: is ? 'required-added' : 'required-removed',
    path,
    breaking: true,
    message: is
      ? `${path} is now required: rows written before may hold nulls and fail the new contract`
      : `${path} is no longer required: consumers may now receive nulls`,
    oldAt: requiredAt(old),
    newAt: requiredAt(next),
  });
}

/** Both directions break: old rows may hold duplicates; without it, joins on the column may fan out. */
function diffUnique(old: Property, next: Property, path: string, emit: Emit): void {
  if (old.unique === next.unique) return;
  emit({
    type: 'unique-changed',
    path,
    breaking: true,
    message: next.unique
      ? `${path} is now unique: rows written before may hold duplicates and fail the new contract`
      : `${path} is no longer unique: consumers may now receive duplicates, and joins on it may multiply rows`,
    oldAt: fieldAt(old.path, 'unique', old.unique),
    newAt: fieldAt(next.path, 'unique', next.unique),
  });
}

/** Array elements compare as a property `<path>[]`; elements gaining or losing a type change the type. */
function diffItems(old: Property, next: Property, path: string, emit: Emit): void {
  const itemsPath = `${path}[]`;
  if (old.items !== undefined && next.items !== undefined) {
    diffProperty(old.items, next.items, itemsPath, emit);
    return;
  }
  if (old.items === undefined && next.items === undefined) return;
  emit({
    type: 'type-changed',
    path: itemsPath,
    breaking: true,
    message:
      next.items === undefined
        ? `element type of ${path} no longer declared: consumers may receive elements of any type`
        : `element type of ${path} now declared: elements written before may not match it`,
    oldAt: old.items?.path ?? old.path,
    newAt: next.items?.path ?? next.path,
  });
}
