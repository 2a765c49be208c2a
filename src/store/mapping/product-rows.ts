/** Pure mapping between the registry's rows and products. */
import type { Insertable, Selectable } from 'kysely';
import type {
  ContractRecord,
  InputPortRecord,
  InputPortSource,
  OutputPortRecord,
  ProductDetail,
  ProductRegistration,
  ProductSummary,
  ProductVersionRecord,
} from '../model/product-model.js';
import type {
  ContractsTable,
  InputPortsTable,
  OutputPortsTable,
  ProductsTable,
  ProductVersionsTable,
} from '../schema/control-database.js';
import { groupBy } from './group-by.js';
import { fromJsonStringArray, fromJsonText, toJsonText } from './json-text.js';
import { nullable, optional } from './optional.js';

/** Which deploy registers a product version, and when. */
export interface RegisteredBy {
  readonly productId: string;
  readonly version: string;
  readonly digest: string;
  readonly deployId: string;
  readonly at: string;
}

/** The rows a registration writes. */
export interface RegistrationRows {
  readonly product: Insertable<ProductsTable>;
  readonly version: Insertable<ProductVersionsTable>;
  readonly outputPorts: Insertable<OutputPortsTable>[];
  readonly inputPorts: Insertable<InputPortsTable>[];
  readonly contracts: Insertable<ContractsTable>[];
}

/** A registration as rows; `product.created_at` is `by.at` and is kept on update. */
export function registrationToRows(by: RegisteredBy, r: ProductRegistration): RegistrationRows {
  const key = { product_id: by.productId, product_version: by.version };
  return {
    product: {
      id: by.productId,
      domain: r.domain,
      name: r.name,
      title: nullable(r.title),
      status: r.status,
      owner_team: nullable(r.ownerTeam),
      description: nullable(r.description),
      tags: toJsonText(r.tags, 'product tags'),
      current_version: by.version,
      created_at: by.at,
      updated_at: by.at,
    },
    version: {
      product_id: by.productId,
      version: by.version,
      digest: by.digest,
      deploy_id: by.deployId,
      deployed_at: by.at,
      descriptor: toJsonText(r.descriptor, 'product descriptor'),
    },
    outputPorts: r.outputPorts.map((p) => ({
      ...key,
      name: p.name,
      port_version: p.version,
      contract_id: nullable(p.contractId),
    })),
    inputPorts: r.inputPorts.map((p) => ({
      ...key,
      name: p.name,
      port_version: p.version,
      contract_id: p.contractId,
      source_kind: p.source.kind,
      source_product_id: p.source.kind === 'product' ? p.source.productId : null,
      source_port: p.source.kind === 'product' ? p.source.port : null,
    })),
    contracts: r.contracts.map((c) => ({
      ...key,
      contract_id: c.id,
      contract_version: c.version,
      port: nullable(c.port),
      api_version: c.apiVersion,
      document: toJsonText(c.document, `contract ${c.id}`),
    })),
  };
}

/** An output port row as a record. */
export function outputPortFromRow(row: Selectable<OutputPortsTable>): OutputPortRecord {
  return { name: row.name, version: row.port_version, ...optional('contractId', row.contract_id) };
}

function sourceFromRow(row: Selectable<InputPortsTable>): InputPortSource {
  return row.source_kind === 'product'
    ? { kind: 'product', productId: row.source_product_id ?? '', port: row.source_port ?? '' }
    : { kind: 'contract' };
}

/** An input port row as a record. */
export function inputPortFromRow(row: Selectable<InputPortsTable>): InputPortRecord {
  return {
    name: row.name,
    version: row.port_version,
    contractId: row.contract_id,
    source: sourceFromRow(row),
  };
}

/** A contract row as a record, its document parsed. */
export function contractFromRow(row: Selectable<ContractsTable>): ContractRecord {
  return {
    id: row.contract_id,
    version: row.contract_version,
    ...optional('port', row.port),
    apiVersion: row.api_version,
    document: fromJsonText(row.document, `contract ${row.contract_id}`),
  };
}

/** A product version row as a record. */
export function versionFromRow(
  row: Pick<Selectable<ProductVersionsTable>, 'version' | 'digest' | 'deployed_at' | 'deploy_id'>,
): ProductVersionRecord {
  return { version: row.version, digest: row.digest, deployedAt: row.deployed_at, deployId: row.deploy_id };
}

/** A product row as a summary without ports. */
function productSummaryFromRow(row: Selectable<ProductsTable>): Omit<ProductSummary, 'outputPorts'> {
  return {
    id: row.id,
    domain: row.domain,
    name: row.name,
    ...optional('title', row.title),
    status: row.status,
    ...optional('ownerTeam', row.owner_team),
    ...optional('currentVersion', row.current_version),
    ...optional('description', row.description),
    tags: fromJsonStringArray(row.tags, `tags of ${row.id}`),
    updatedAt: row.updated_at,
  };
}

/** A product row left-joined with one output port of its current version (nulls when it has none). */
export interface ProductPortJoinRow extends Selectable<ProductsTable> {
  readonly port_name: string | null;
  readonly port_version: string | null;
  readonly port_contract_id: string | null;
}

/** Joined product and port rows as summaries, in the order the rows come. */
export function productSummariesFromJoinedRows(rows: readonly ProductPortJoinRow[]): ProductSummary[] {
  return [...groupBy(rows, (r) => r.id).values()].map((group) => {
    const [first] = group as [ProductPortJoinRow, ...ProductPortJoinRow[]];
    const ports = group.flatMap((r) =>
      r.port_name === null || r.port_version === null
        ? []
        : [{ name: r.port_name, version: r.port_version, ...optional('contractId', r.port_contract_id) }],
    );
    return { ...productSummaryFromRow(first), outputPorts: ports };
  });
}

/** Everything `getProduct` read, as one product. */
export interface ProductDetailRows {
  readonly product: Selectable<ProductsTable>;
  readonly versions: readonly Selectable<ProductVersionsTable>[];
  readonly outputPorts: readonly Selectable<OutputPortsTable>[];
  readonly inputPorts: readonly Selectable<InputPortsTable>[];
  readonly contracts: readonly Selectable<ContractsTable>[];
}

/** A product's rows as its detail; the descriptor is the current version's. */
export function productDetailFromRows(rows: ProductDetailRows): ProductDetail {
  const current = rows.versions.find((v) => v.version === rows.product.current_version);
  return {
    ...productSummaryFromRow(rows.product),
    outputPorts: rows.outputPorts.map(outputPortFromRow),
    versions: rows.versions.map(versionFromRow),
    inputPorts: rows.inputPorts.map(inputPortFromRow),
    contracts: rows.contracts.map(contractFromRow),
    descriptor:
      current === undefined ? null : fromJsonText(current.descriptor, `descriptor of ${rows.product.id}`),
  };
}
