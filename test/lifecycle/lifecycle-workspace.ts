/**
 * A small mesh for the contract lifecycle tests: an `orders` domain whose product serves
 * `order_lines` from a CSV input, written in whatever versions a test step needs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ColumnDef {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number';
  readonly required?: boolean;
  readonly primaryKey?: number;
  readonly renamedFrom?: string;
  readonly classification?: string;
}

export interface PortVersion {
  readonly version: string;
  readonly columns: readonly ColumnDef[];
  readonly status?: string;
  /** Custom properties of the contract (meshplane.transform, meshplane.viewOf, meshplane.sunset, ...). */
  readonly custom?: Readonly<Record<string, string>>;
}

export const V1_COLUMNS: readonly ColumnDef[] = [
  { name: 'order_id', type: 'string', required: true, primaryKey: 1 },
  { name: 'line_number', type: 'integer', required: true, primaryKey: 2 },
  { name: 'sku', type: 'string', required: true },
  { name: 'quantity', type: 'integer', required: true },
  { name: 'unit_price', type: 'number' },
];

export function meshYaml(webhookUrl?: string): string {
  return `apiVersion: meshplane/v1
kind: Mesh
name: lifecycle
teams:
  - name: orders-team
    members:
      - username: carla@example.com
        role: owner
domains:
  - name: orders
    ownerTeam: orders-team
${webhookUrl === undefined ? '' : `notifications:\n  webhooks:\n    - url: ${webhookUrl}\n      events: [dev.meshplane.contract.deprecated, dev.meshplane.contract.retired]\n`}`;
}

function property(c: ColumnDef): string {
  const logical = c.type;
  const physical = c.type === 'string' ? 'varchar' : c.type === 'integer' ? 'integer' : 'decimal(10,2)';
  const lines = [
    `      - name: ${c.name}`,
    `        logicalType: ${logical}`,
    `        physicalType: ${physical}`,
    `        required: ${c.required === true}`,
  ];
  if (c.primaryKey !== undefined)
    lines.push('        primaryKey: true', `        primaryKeyPosition: ${c.primaryKey}`);
  if (c.classification !== undefined) lines.push(`        classification: ${c.classification}`);
  if (c.renamedFrom !== undefined) {
    lines.push(
      '        customProperties:',
      '          - property: meshplane.renamedFrom',
      `            value: ${c.renamedFrom}`,
    );
  }
  return lines.join('\n');
}

export function contractYaml(id: string, table: string, v: PortVersion): string {
  const custom = Object.entries(v.custom ?? {});
  return `apiVersion: v3.1.0
kind: DataContract
id: ${id}
name: ${table}
version: ${v.version}
status: ${v.status ?? 'active'}
domain: orders
dataProduct: orders
${custom.length === 0 ? '' : `customProperties:\n${custom.map(([k, val]) => `  - property: ${k}\n    value: ${val}`).join('\n')}\n`}schema:
  - name: ${table}
    physicalName: ${table}
    physicalType: table
    properties:
${v.columns.map(property).join('\n')}
`;
}

const INPUT_CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: orders.orders.shop_lines.v1
name: shop_lines
version: 1.0.0
status: active
domain: orders
dataProduct: orders
servers:
  - server: export
    type: local
    format: csv
    path: data/*.csv
    customProperties:
      - property: meshplane.port
        value:
          kind: files
          header: true
schema:
  - name: shop_lines
    physicalName: shop_lines
    physicalType: file
    properties:
      - name: order_id
        logicalType: string
        required: true
      - name: line_number
        logicalType: integer
        required: true
      - name: sku
        logicalType: string
        required: true
      - name: quantity
        logicalType: integer
        required: true
      - name: unit_price
        logicalType: number
      - name: discount
        logicalType: number
`;

export interface ProductSpec {
  readonly version: string;
  /** Output port versions of `order_lines`, each with its contract and, unless it is a view, its SQL. */
  readonly ports: readonly (PortVersion & { readonly sql?: string })[];
}

/** Writes (or rewrites) the whole workspace for one product version. */
export function writeLifecycleMesh(root: string, spec: ProductSpec, webhookUrl?: string): string {
  const dir = path.join(root, 'domains/orders/orders');
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(root, 'mesh.yaml'), meshYaml(webhookUrl));
  writeFileSync(path.join(dir, 'shop_lines.odcs.yaml'), INPUT_CONTRACT);
  writeFileSync(
    path.join(dir, 'data/2026-11.csv'),
    'order_id,line_number,sku,quantity,unit_price,discount\nO-1,1,SKU-A,2,9.50,0\nO-1,2,SKU-B,1,20.00,2.5\nO-2,1,SKU-A,5,9.50,0\n',
  );
  const outputs = spec.ports.map((p) => {
    const major = Number(p.version.split('.')[0]);
    const id = `orders.orders.order_lines.v${major}`;
    const file = `order_lines_v${major}`;
    const custom = {
      ...(p.custom ?? {}),
      ...(p.sql === undefined ? {} : { 'meshplane.transform': `${file}.sql` }),
    };
    writeFileSync(path.join(dir, `${file}.odcs.yaml`), contractYaml(id, 'order_lines', { ...p, custom }));
    if (p.sql !== undefined) writeFileSync(path.join(dir, `${file}.sql`), p.sql);
    return `  - name: order_lines
    version: ${p.version}
    type: tables
    contractId: ${id}`;
  });
  writeFileSync(
    path.join(dir, 'product.odps.yaml'),
    `apiVersion: v1.0.0
kind: DataProduct
id: orders.orders
name: orders
version: ${spec.version}
status: active
domain: orders
team:
  name: orders-team
inputPorts:
  - name: shop_lines
    version: 1.0.0
    contractId: orders.orders.shop_lines.v1
outputPorts:
${outputs.join('\n')}
`,
  );
  return dir;
}
