/** Checks a registration before it is written, so bad input is INVALID_INPUT with a clear message. */
import { MeshplaneError } from '../../errors/index.js';
import { requireOneOf, requireText, requireUnique } from '../input-checks.js';
import type { ProductRegistration } from '../model/product-model.js';

const SOURCE_KINDS = ['contract', 'product'] as const;

/** INVALID_INPUT for missing names, unknown source kinds, or ports and contracts listed twice. */
export function checkRegistration(r: ProductRegistration): void {
  requireText(r.domain, 'domain');
  requireText(r.name, 'name');
  requireText(r.status, 'status');
  if (!Array.isArray(r.tags) || r.tags.some((t) => typeof t !== 'string')) {
    throw new MeshplaneError('INVALID_INPUT', 'tags must be a list of strings');
  }
  for (const p of r.outputPorts) {
    requireText(p.name, 'output port name');
    requireText(p.version, `version of output port ${p.name}`);
  }
  for (const p of r.inputPorts) {
    requireText(p.name, 'input port name');
    requireText(p.version, `version of input port ${p.name}`);
    requireText(p.contractId, `contract of input port ${p.name}`);
    requireOneOf(p.source.kind, SOURCE_KINDS, `source kind of input port ${p.name}`);
    if (p.source.kind === 'product') {
      requireText(p.source.productId, `source product of input port ${p.name}`);
      requireText(p.source.port, `source port of input port ${p.name}`);
    }
  }
  for (const c of r.contracts) {
    requireText(c.id, 'contract id');
    requireText(c.version, `version of contract ${c.id}`);
    requireText(c.apiVersion, `apiVersion of contract ${c.id}`);
  }
  requireUnique(
    r.outputPorts.map((p) => `${p.name}@${p.version}`),
    'output ports',
  );
  requireUnique(
    r.inputPorts.map((p) => `${p.name}@${p.version}`),
    'input ports',
  );
  requireUnique(
    r.contracts.map((c) => `${c.id}@${c.version}`),
    'contracts',
  );
}
