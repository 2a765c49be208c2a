import type { RuntimeProduct } from '../runtime/index.js';
import type { ProductRegistration } from '../store/index.js';
import type { AnalyzedMesh } from './workspace-context.js';

/** What the registry records of a product that deployed successfully. */
export function registrationOf(product: RuntimeProduct, mesh: AnalyzedMesh): ProductRegistration {
  const p = product.product;
  const contractIds = new Set([
    ...p.outputPorts.flatMap((o) => o.contractId ?? []),
    ...product.inputs.flatMap((i) => (i.kind === 'product' ? [] : [i.contract.id])),
  ]);
  const portOf = new Map(
    p.outputPorts.flatMap((o) => (o.contractId === undefined ? [] : [[o.contractId, o.name] as const])),
  );
  return {
    domain: product.domain,
    name: p.name ?? product.sqlName,
    status: p.status,
    ...(p.team.name === undefined ? {} : { ownerTeam: p.team.name }),
    ...(p.description.purpose === undefined ? {} : { description: p.description.purpose }),
    tags: p.tags,
    descriptor: p,
    outputPorts: p.outputPorts.map((o) => ({
      name: o.name,
      version: o.version,
      ...(o.contractId === undefined ? {} : { contractId: o.contractId }),
    })),
    inputPorts: product.inputs.map((i) => {
      const declared = p.inputPorts.find((d) => d.name === i.name);
      return {
        name: i.name,
        version: declared?.version ?? '',
        contractId: declared?.contractId ?? '',
        source:
          i.kind === 'product'
            ? { kind: 'product', productId: i.productId, port: i.port }
            : { kind: 'contract' },
      };
    }),
    contracts: [...contractIds].flatMap((id) => {
      const contract = mesh.contracts.get(id);
      if (contract === undefined) return [];
      const port = portOf.get(id);
      return [
        {
          id,
          version: contract.version,
          apiVersion: contract.apiVersion,
          document: contract,
          ...(port === undefined ? {} : { port }),
        },
      ];
    }),
  };
}
