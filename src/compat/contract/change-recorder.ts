import type { JsonPath } from '../../spec/diagnostic.js';
import { formatPath } from '../../spec/diagnostic.js';
import type { ChangeLocation, ContractChange, ContractChangeType } from './contract-change.js';
import type { ContractSide } from './contract-side.js';

/** A change as the diff functions see it: JSON paths instead of resolved locations. */
export interface PendingChange {
  readonly type: ContractChangeType;
  readonly path: string;
  readonly breaking: boolean;
  readonly governance?: boolean;
  readonly message: string;
  /** The node in the old document; absent for additions. */
  readonly oldAt?: JsonPath;
  /** The node in the new document; absent for removals. */
  readonly newAt?: JsonPath;
}

/** Records one change; bound to the schema object it belongs to, if any. */
export type Emit = (change: PendingChange) => void;

/** The changes of one diff, and the way to add to them. */
export interface ChangeRecorder {
  /** Changes in the order they were emitted. */
  readonly changes: readonly ContractChange[];
  /** An Emit that tags changes with `object` (undefined for contract-level sections). */
  emitFor(object: string | undefined): Emit;
}

function locate(side: ContractSide, path: JsonPath): ChangeLocation {
  const position = side.locate?.(path);
  return position === undefined
    ? { file: side.file, path: formatPath(path) }
    : { file: side.file, line: position.line, column: position.column, path: formatPath(path) };
}

/** Collects changes and resolves their locations in the two files. */
export function changeRecorder(oldSide: ContractSide, newSide: ContractSide): ChangeRecorder {
  const changes: ContractChange[] = [];
  return {
    changes,
    emitFor: (object) => (change) => {
      const { oldAt, newAt, governance, ...rest } = change;
      changes.push({
        ...rest,
        ...(object === undefined ? {} : { object }),
        governance: governance ?? false,
        ...(oldAt === undefined ? {} : { old: locate(oldSide, oldAt) }),
        ...(newAt === undefined ? {} : { new: locate(newSide, newAt) }),
      });
    },
  };
}

/** The path of `field` under `node` when the field is set on that side, else the node itself. */
export function fieldAt(node: JsonPath, field: string, present: boolean): JsonPath {
  return present ? [...node, field] : node;
}
