import type { JsonPath } from '../../spec/diagnostic.js';
import type { SchemaObject } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';
import { fieldAt } from './change-recorder.js';
import { diffAnnotations } from './diff-annotations.js';
import { diffPropertyList } from './diff-properties.js';
import { diffQuality } from './diff-quality.js';
import { pairByName } from './pair-by-name.js';
import { primaryKey } from './primary-key.js';
import { renameHint } from './rename-hint.js';
import { renamedFrom } from './renamed-from.js';

const OBJECT_ANNOTATIONS = [
  'description',
  'businessName',
  'dataGranularityDescription',
  'physicalType',
  'tags',
  'authoritativeDefinitions',
  'customProperties',
] as const;

const naming = {
  name: (o: SchemaObject) => o.name,
  renamedFrom: (o: SchemaObject) => renamedFrom(o.customProperties),
};

const alike = (a: SchemaObject, b: SchemaObject): boolean => a.physicalType === b.physicalType;

/**
 * Compares the schema objects (tables, topics, ...) and everything in them. `emitFor` tags each
 * change with the object it belongs to.
 */
export function diffSchemaObjects(
  olds: readonly SchemaObject[],
  news: readonly SchemaObject[],
  emitFor: (object: string) => Emit,
): void {
  const pairs = pairByName(olds, news, naming);
  for (const pair of pairs) {
    if (pair.kind === 'added') {
      const name = pair.new.name;
      emitFor(name)({
        type: 'object-added',
        path: name,
        breaking: false,
        message: `schema object ${name} added${renameHint(pairs, pair, alike)}`,
        newAt: pair.new.path,
      });
    } else if (pair.kind === 'removed') {
      const name = pair.old.name;
      emitFor(name)({
        type: 'object-removed',
        path: name,
        breaking: true,
        message: `schema object ${name} removed: consumers that read it break${renameHint(pairs, pair, alike)}`,
        oldAt: pair.old.path,
      });
    } else {
      const emit = emitFor(pair.new.name);
      if (pair.kind === 'renamed')
        emit({
          type: 'object-renamed',
          path: pair.new.name,
          breaking: true,
          message: `schema object ${pair.old.name} renamed to ${pair.new.name}: consumers that read the old name break`,
          oldAt: pair.old.path,
          newAt: pair.new.path,
        });
      diffSchemaObject(pair.old, pair.new, emit, pair.kind === 'renamed');
    }
  }
}

function diffSchemaObject(old: SchemaObject, next: SchemaObject, emit: Emit, renamed: boolean): void {
  const path = next.name;
  const followsName = old.physicalName === old.name && next.physicalName === next.name;
  if (old.physicalName !== next.physicalName && !(renamed && followsName))
    emit({
      type: 'physical-name-changed',
      path,
      breaking: true,
      message: `physical name of ${path} changed from ${old.physicalName} to ${next.physicalName}: queries on the stored table break`,
      oldAt: fieldAt(old.path, 'physicalName', old.physicalName !== old.name),
      newAt: fieldAt(next.path, 'physicalName', next.physicalName !== next.name),
    });
  // Properties first, silently, to learn renames; their changes are emitted after the object's own.
  const deferred: Parameters<Emit>[0][] = [];
  const names = diffPropertyList(old.properties, next.properties, path, (c) => deferred.push(c));
  diffPrimaryKey(old, next, names, emit);
  diffQuality(old.quality, next.quality, path, emit, false);
  diffAnnotations(old, next, OBJECT_ANNOTATIONS, path, emit);
  for (const change of deferred) emit(change);
}

/** Where a key is written: its first column, else the object. */
function keyAt(object: SchemaObject, key: readonly { path: JsonPath }[]): JsonPath {
  const first = key[0];
  return first === undefined ? object.path : [...first.path, 'primaryKey'];
}

/** A different key (columns or their order) changes what identifies a row: breaking. */
function diffPrimaryKey(
  old: SchemaObject,
  next: SchemaObject,
  names: ReadonlyMap<string, string>,
  emit: Emit,
): void {
  const oldKey = primaryKey(old.properties);
  const newKey = primaryKey(next.properties);
  const before = oldKey.map((p) => names.get(p.name) ?? p.name);
  const after = newKey.map((p) => p.name);
  if (before.join('\u0000') === after.join('\u0000')) return;
  const show = (key: readonly string[]) => (key.length === 0 ? 'none' : `(${key.join(', ')})`);
  emit({
    type: 'primary-key-changed',
    path: next.name,
    breaking: true,
    message: `primary key of ${next.name} changed from ${show(oldKey.map((p) => p.name))} to ${show(after)}: what identifies a row changed, so upserts and joins on it break`,
    oldAt: keyAt(old, oldKey),
    newAt: keyAt(next, newKey),
  });
}
