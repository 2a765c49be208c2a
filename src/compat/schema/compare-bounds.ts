import type { Found } from './compare-context.js';
import { found } from './compare-context.js';
import type { DifferenceType } from './difference-types.js';

/** The four difference types of one bound keyword (`MAX_LENGTH_ADDED`, ...). */
export interface BoundTypes {
  readonly added: DifferenceType;
  readonly removed: DifferenceType;
  readonly increased: DifferenceType;
  readonly decreased: DifferenceType;
}

/**
 * A lower (`min`) or upper (`max`) bound on a count or a number. The reader breaks when its bound
 * is tighter than the writer's or when only it has one; a zero lower bound on a count is none.
 */
export function compareBound(
  kind: 'min' | 'max',
  keyword: string,
  reader: number | undefined,
  writer: number | undefined,
  types: BoundTypes,
  unit: string,
): Found[] {
  const path = `/${keyword}`;
  const limit = kind === 'min' ? 'at least' : 'at most';
  if (reader === undefined && writer === undefined) return [];
  if (reader === undefined)
    return [found(types.removed, path, `The reader drops the writer's ${keyword} of ${writer}.`)];
  if (writer === undefined)
    return [
      found(
        types.added,
        path,
        `The reader requires ${limit} ${reader} ${unit}; the writer sets no ${keyword}.`,
      ),
    ];
  if (reader === writer) return [];
  const increased = reader > writer;
  const tighter = kind === 'min' ? increased : !increased;
  const than = tighter ? 'tighter' : 'looser';
  return [
    found(
      increased ? types.increased : types.decreased,
      path,
      `The reader requires ${limit} ${reader} ${unit}, ${than} than the writer's ${writer}.`,
    ),
  ];
}

type BoundPrefix =
  | 'MAX_LENGTH'
  | 'MIN_LENGTH'
  | 'MAXIMUM'
  | 'MINIMUM'
  | 'EXCLUSIVE_MAXIMUM'
  | 'EXCLUSIVE_MINIMUM'
  | 'MAX_PROPERTIES'
  | 'MIN_PROPERTIES'
  | 'MAX_ITEMS'
  | 'MIN_ITEMS'
  | 'MAX_CONTAINS'
  | 'MIN_CONTAINS';

export function boundTypes(prefix: BoundPrefix): BoundTypes {
  return {
    added: `${prefix}_ADDED`,
    removed: `${prefix}_REMOVED`,
    increased: `${prefix}_INCREASED`,
    decreased: `${prefix}_DECREASED`,
  };
}
