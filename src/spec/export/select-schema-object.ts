import { MeshplaneError } from '../../errors/index.js';
import type { DataContract, SchemaObject } from '../model/data-contract.js';

/**
 * The schema object a single-record export describes: the one named `name`, else the first.
 * Throws NOT_FOUND when the contract has no schema object or none with that name; the message
 * lists the names there are, so a CLI user can correct `--schema-object`.
 */
export function selectSchemaObject(contract: DataContract, name?: string): SchemaObject {
  const found = name === undefined ? contract.schema[0] : contract.schema.find((s) => s.name === name);
  if (found !== undefined) return found;
  const available = contract.schema.map((s) => s.name);
  const message =
    name === undefined
      ? `Data contract ${contract.id} has no schema object to export.`
      : `Data contract ${contract.id} has no schema object named "${name}" (it has: ${available.join(', ') || 'none'}).`;
  return notFound(message, name, available);
}

function notFound(message: string, requested: string | undefined, available: readonly string[]): never {
  throw new MeshplaneError('NOT_FOUND', message, {
    details: requested === undefined ? { available } : { requested, available },
  });
}
