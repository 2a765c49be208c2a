import type { OdcsDocument, OdcsSchemaObject } from './odcs-types.js';

/** What a schema-only conversion knows about the contract it writes. */
export interface ContractHead {
  readonly id: string;
  readonly name: string;
  readonly description?: string | undefined;
}

/**
 * An ODCS v3.1.0 contract around converted schema objects: version 1.0.0 and status `draft`,
 * because a converted schema is a proposal a person reviews before it becomes a promise.
 */
export function newContract(head: ContractHead, schema: readonly OdcsSchemaObject[]): OdcsDocument {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: head.id,
    name: head.name,
    version: '1.0.0',
    status: 'draft',
    ...(head.description === undefined ? {} : { description: { purpose: head.description } }),
    schema,
  };
}
