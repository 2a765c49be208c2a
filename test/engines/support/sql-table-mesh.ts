/**
 * A workspace holding one imported-style product, `crm.customers`, whose input port `source` is a
 * `sql-table` on a PostgreSQL or MariaDB server, and whose output `customers` selects every
 * column from it (the shape `meshplane import` writes).
 */
import { stringify } from 'yaml';
import { meshYaml } from '../../runtime/support/workspace.js';

export const PRODUCT_DIR = 'domains/crm/customers';

export interface SourceServer {
  readonly type: 'postgres' | 'mysql';
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** PostgreSQL only. */
  readonly schema?: string;
  readonly table: string;
  readonly user: string;
  readonly batchRows?: number;
}

/** The contract's columns: what the source tables of the suites hold, with checks the source lacks. */
export const PROPERTIES: readonly Record<string, unknown>[] = [
  { name: 'customer_id', logicalType: 'integer', required: true, primaryKey: true, primaryKeyPosition: 1 },
  // The source does not check e-mails or require names; the contract does.
  { name: 'email', logicalType: 'string', required: true, logicalTypeOptions: { pattern: '^[^@]+@[^@]+$' } },
  { name: 'name', logicalType: 'string', required: true },
  { name: 'balance', logicalType: 'number', physicalType: 'DECIMAL(12,2)' },
  { name: 'big', logicalType: 'integer', physicalType: 'BIGINT' },
  { name: 'ratio', logicalType: 'number', physicalType: 'DOUBLE' },
  { name: 'active', logicalType: 'boolean' },
  { name: 'birthday', logicalType: 'date' },
  { name: 'created_at', logicalType: 'timestamp', physicalType: 'TIMESTAMP' },
  {
    name: 'seen_at',
    logicalType: 'timestamp',
    physicalType: 'TIMESTAMPTZ',
    logicalTypeOptions: { timezone: true },
  },
  { name: 'tags', logicalType: 'array', items: { name: 'tag', logicalType: 'string' } },
  { name: 'profile', logicalType: 'object' },
];

function contract(id: string, table: Record<string, unknown>, extra: Record<string, unknown>): string {
  return stringify({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id,
    name: String(table.name),
    version: '1.0.0',
    status: 'active',
    domain: 'crm',
    dataProduct: 'customers',
    team: { name: 'crm-team' },
    ...extra,
    schema: [{ ...table, logicalType: 'object', properties: PROPERTIES }],
  });
}

/** The workspace's files (relative path → content). */
export function sqlTableMesh(source: SourceServer): Record<string, string> {
  const server = {
    server: 'source',
    type: source.type,
    host: source.host,
    port: source.port,
    database: source.database,
    ...(source.schema === undefined ? {} : { schema: source.schema }),
    customProperties: [
      {
        property: 'meshplane.port',
        value: {
          kind: 'sql-table',
          table: source.table,
          user: source.user,
          ...(source.batchRows === undefined ? {} : { batchRows: source.batchRows }),
        },
      },
    ],
  };
  return {
    'mesh.yaml': meshYaml(['crm']),
    [`${PRODUCT_DIR}/product.odps.yaml`]: stringify({
      apiVersion: 'v1.0.0',
      kind: 'DataProduct',
      id: 'crm.customers',
      name: 'customers',
      version: '1.0.0',
      status: 'active',
      domain: 'crm',
      inputPorts: [{ name: 'source', version: '1.0.0', contractId: 'crm.customers.source.v1' }],
      outputPorts: [
        {
          name: 'customers',
          version: '1.0.0',
          type: 'tables',
          contractId: 'crm.customers.customers.v1',
          inputContracts: [{ id: 'crm.customers.source.v1', version: '1.0.0' }],
        },
      ],
      team: { name: 'crm-team', members: [{ username: 'owner@example.com', role: 'owner' }] },
    }),
    [`${PRODUCT_DIR}/source.odcs.yaml`]: contract(
      'crm.customers.source.v1',
      { name: 'source', physicalName: source.table, physicalType: 'table' },
      { servers: [server] },
    ),
    [`${PRODUCT_DIR}/customers.odcs.yaml`]: contract(
      'crm.customers.customers.v1',
      { name: 'customers', physicalName: 'customers', physicalType: 'table' },
      { customProperties: [{ property: 'meshplane.transform', value: 'customers.sql' }] },
    ),
    [`${PRODUCT_DIR}/customers.sql`]:
      'select customer_id, email, name, balance, big, ratio, active, birthday, created_at, seen_at, tags, profile\nfrom source\n',
  };
}
