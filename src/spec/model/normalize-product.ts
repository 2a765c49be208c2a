import type { DataProduct, InputPort, OutputPort } from './data-product.js';
import { authoritativeDefinitions, customProperties, description, team } from './normalize-common.js';
import { arr, compact, obj, str, strings } from './read-value.js';

function inputPort(value: unknown, index: number): InputPort {
  const o = obj(value);
  return {
    name: str(o.name) ?? '',
    version: str(o.version) ?? '',
    contractId: str(o.contractId) ?? '',
    tags: strings(o.tags),
    customProperties: customProperties(o.customProperties),
    path: ['inputPorts', index],
  };
}

function outputPort(value: unknown, index: number): OutputPort {
  const o = obj(value);
  return compact({
    name: str(o.name) ?? '',
    version: str(o.version) ?? '',
    contractId: str(o.contractId),
    type: str(o.type),
    description: str(o.description),
    inputContracts: arr(o.inputContracts).flatMap((c) => {
      const ref = obj(c);
      const id = str(ref.id);
      return id === undefined ? [] : [{ id, version: str(ref.version) ?? '' }];
    }),
    tags: strings(o.tags),
    customProperties: customProperties(o.customProperties),
    path: ['outputPorts', index],
  });
}

/** Reads an ODPS document (v0.9.0 or v1.0.0) into the normalized DataProduct; total, never throws. */
export function normalizeProduct(value: unknown): DataProduct {
  const o = obj(value);
  return compact({
    kind: 'DataProduct' as const,
    apiVersion: str(o.apiVersion) ?? '',
    id: str(o.id) ?? '',
    name: str(o.name),
    version: str(o.version),
    status: str(o.status) ?? '',
    domain: str(o.domain),
    tenant: str(o.tenant),
    description: description(o.description),
    tags: strings(o.tags),
    inputPorts: arr(o.inputPorts).map(inputPort),
    outputPorts: arr(o.outputPorts).map(outputPort),
    team: team(o.team),
    customProperties: customProperties(o.customProperties),
    authoritativeDefinitions: authoritativeDefinitions(o.authoritativeDefinitions),
  });
}
