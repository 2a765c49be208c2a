import path from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import type { DataContract, Server } from '../spec/model/data-contract.js';
import type { DataProduct, InputPort, OutputPort } from '../spec/model/data-product.js';
import { columnSpecs, portSchema, primaryKey } from './contract-columns.js';
import { customObject, customText } from './custom-properties.js';
import { arrangeOutputVersions, lifecycleOf } from './output-versions.js';
import { majorOf, portKey } from './port-version.js';
import type {
  RefreshMode,
  RuntimeInputPort,
  RuntimeOutputPort,
  RuntimeProduct,
  StoredInputKind,
} from './runtime-product.js';

/** What resolution needs to know about the rest of the mesh. */
export interface MeshLookup {
  contract(id: string): DataContract | undefined;
  /** The product and output port that publish contract `id`, if any. */
  publisher(id: string): { readonly productId: string; readonly port: string } | undefined;
}

const STORED_KINDS: readonly StoredInputKind[] = [
  'files',
  'http-push',
  'nats',
  'postgres-cdc',
  'sql-table',
  'http-pull',
];
const REFRESH_MODES: readonly RefreshMode[] = ['full', 'append', 'merge'];

function invalid(product: DataProduct, port: string, message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', `${product.id}/${port}: ${message}`);
}

/** The server entry with `meshplane.port` settings, else the first `local` one, else the first. */
function inputServer(contract: DataContract): Server | undefined {
  return (
    contract.servers.find((s) => customObject(s.customProperties, 'meshplane.port') !== undefined) ??
    contract.servers.find((s) => s.type === 'local') ??
    contract.servers[0]
  );
}

function resolveInput(product: DataProduct, port: InputPort, lookup: MeshLookup): RuntimeInputPort {
  const upstream = lookup.publisher(port.contractId);
  if (upstream !== undefined) {
    if (upstream.productId === product.id)
      throw invalid(product, port.name, 'reads an output port of its own');
    return { kind: 'product', name: port.name, contractId: port.contractId, ...upstream };
  }
  const contract = lookup.contract(port.contractId);
  if (contract === undefined) throw invalid(product, port.name, `no contract with id ${port.contractId}`);
  const server = inputServer(contract);
  if (server === undefined) throw invalid(product, port.name, `contract ${contract.id} has no servers entry`);
  const settings = customObject(server.customProperties, 'meshplane.port') ?? {};
  const kind = settings.kind ?? (server.type === 'local' ? 'files' : undefined);
  if (!STORED_KINDS.includes(kind as StoredInputKind)) {
    throw invalid(product, port.name, `meshplane.port kind must be one of ${STORED_KINDS.join(', ')}`);
  }
  const schema = portSchema(contract, port.name);
  return {
    kind: kind as StoredInputKind,
    name: port.name,
    contract,
    schema,
    columns: columnSpecs(schema),
    server,
    settings,
  };
}

function resolveOutput(
  product: DataProduct,
  port: OutputPort,
  dir: string,
  lookup: MeshLookup,
): RuntimeOutputPort {
  if (port.contractId === undefined) throw invalid(product, port.name, 'the output port has no contractId');
  const contract = lookup.contract(port.contractId);
  if (contract === undefined) throw invalid(product, port.name, `no contract with id ${port.contractId}`);
  const props = contract.customProperties;
  const refresh = customText(props, 'meshplane.refresh') ?? 'full';
  if (!REFRESH_MODES.includes(refresh as RefreshMode)) {
    throw invalid(product, port.name, `meshplane.refresh must be one of ${REFRESH_MODES.join(', ')}`);
  }
  const schema = portSchema(contract, port.name);
  const keys = primaryKey(schema);
  if (refresh === 'merge' && keys.length === 0) {
    throw invalid(product, port.name, 'meshplane.refresh merge needs a primary key in the contract');
  }
  const transform = customText(props, 'meshplane.transform');
  const major = majorOf(port.version, `${product.id}/${port.name}`);
  return {
    name: portKey(port.name, major),
    portName: port.name,
    version: port.version,
    major,
    lifecycle: lifecycleOf(contract, `${product.id}/${port.name}`),
    contract,
    schema,
    columns: columnSpecs(schema),
    primaryKey: keys,
    transform: transform === undefined ? undefined : path.resolve(dir, transform),
    refresh: refresh as RefreshMode,
    schedule: customText(props, 'meshplane.schedule'),
  };
}

/** The product's name in SQL: its id without `<domain>.`, lower-cased. */
export function productSqlName(product: DataProduct): string {
  const domain = (product.domain ?? '').toLowerCase();
  const id = product.id.toLowerCase();
  return domain !== '' && id.startsWith(`${domain}.`) ? id.slice(domain.length + 1) : id;
}

/**
 * Resolves every port of `product` (whose folder is `dir`) against the mesh. Throws
 * INVALID_INPUT naming the product and port when a reference or a platform setting is wrong.
 */
export function resolveProduct(product: DataProduct, dir: string, lookup: MeshLookup): RuntimeProduct {
  if (product.domain === undefined || product.domain === '') {
    throw new MeshplaneError('INVALID_INPUT', `${product.id}: the product has no domain`);
  }
  return {
    id: product.id,
    domain: product.domain.toLowerCase(),
    sqlName: productSqlName(product),
    dir: path.resolve(dir),
    product,
    inputs: product.inputPorts.map((p) => resolveInput(product, p, lookup)),
    ...arrangeOutputVersions(
      product.id,
      product.outputPorts.map((p) => resolveOutput(product, p, dir, lookup)),
    ),
  };
}
