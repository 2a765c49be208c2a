import type { Diagnostic } from '../diagnostic.js';
import type { LoadedDocument } from '../load/loaded-document.js';
import { report } from './report.js';
import type { RuleContext } from './rule.js';

/** Ids are unique across the workspace, whatever the kind of document. */
export function* duplicateIds(context: RuleContext): Iterable<Diagnostic> {
  const first = new Map<string, LoadedDocument>();
  const all = [...context.contracts, ...context.products];
  for (const { doc, model } of all) {
    if (model.id === '') continue;
    const earlier = first.get(model.id);
    if (earlier === undefined) {
      first.set(model.id, doc);
      continue;
    }
    yield report('duplicate-id', doc, ['id'], `id '${model.id}' is already used by ${earlier.file}`, {
      hint: 'ids must be unique across the workspace; give this document its own id',
    });
  }
}

/** Every output port names a contract that the workspace holds. */
export function* outputPortContracts(context: RuleContext): Iterable<Diagnostic> {
  for (const product of context.products) {
    for (const port of product.model.outputPorts) {
      if (port.contractId === undefined) {
        yield report(
          'contract-not-found',
          product.doc,
          port.path,
          `output port '${port.name}' has no contractId`,
          {
            hint: 'every output port is served under a data contract: add `contractId: <id of its .odcs.yaml>`',
          },
        );
      } else if (!context.contractsById.has(port.contractId)) {
        yield report(
          'contract-not-found',
          product.doc,
          [...port.path, 'contractId'],
          `output port '${port.name}' names contract '${port.contractId}', which is not in the workspace`,
          { hint: 'create the contract file (`<port>.odcs.yaml`) with this id, or fix the id' },
        );
      }
    }
  }
}

/** Every input port resolves to an input contract or to another product's output port. */
export function* inputPortReferences(context: RuleContext): Iterable<Diagnostic> {
  for (const product of context.products) {
    for (const port of product.model.inputPorts) {
      const publisher = context.outputPortsByContractId.get(port.contractId);
      if (publisher !== undefined && publisher.product.model.id === product.model.id) {
        yield report(
          'input-port-unresolved',
          product.doc,
          [...port.path, 'contractId'],
          `input port '${port.name}' reads the product's own output port '${publisher.port}'`,
        );
        continue;
      }
      if (publisher !== undefined || context.contractsById.has(port.contractId)) continue;
      yield report(
        'input-port-unresolved',
        product.doc,
        [...port.path, 'contractId'],
        `input port '${port.name}' names '${port.contractId}', which is neither a contract in the workspace nor another product's output port`,
        {
          hint: "use the contractId of another product's output port, or add an input contract with this id",
        },
      );
    }
  }
}

/** A table of an output port contract declares a primary key (needed for merges and deduplication). */
export function* outputPrimaryKeys(context: RuleContext): Iterable<Diagnostic> {
  for (const [contractId, { port }] of context.outputPortsByContractId) {
    for (const contract of context.contractsById.get(contractId) ?? []) {
      for (const object of contract.model.schema) {
        if (object.properties.length === 0 || object.properties.some((p) => p.primaryKey)) continue;
        yield report(
          'primary-key-missing',
          contract.doc,
          [...object.path, 'name'],
          `table '${object.name}' of output port '${port}' declares no primary key`,
          { hint: 'mark the key column(s) with `primaryKey: true`' },
        );
      }
    }
  }
}
