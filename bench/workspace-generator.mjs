// Generates an in-memory workspace of realistic documents for the benchmarks. Deterministic:
// the same size always gives the same bytes.
import { stringify } from 'yaml';

const TYPES = ['string', 'integer', 'number', 'date', 'timestamp', 'boolean'];

function contract(id, domain, product, table, columns) {
  const properties = [];
  for (let c = 0; c < columns; c++) {
    const logicalType = TYPES[c % TYPES.length];
    properties.push({
      name: c === 0 ? `${table}_id` : `${table}_col_${c}`,
      logicalType,
      physicalType: logicalType === 'string' ? 'VARCHAR' : logicalType.toUpperCase(),
      description: `Column ${c} of ${table}.`,
      required: c < 3,
      ...(c === 0 ? { primaryKey: true, primaryKeyPosition: 1, unique: true } : {}),
      ...(c % 7 === 3 ? { classification: 'confidential' } : {}),
      ...(c % 5 === 1
        ? {
            quality: [
              { metric: 'nullValues', mustBe: 0, description: 'never empty', dimension: 'completeness' },
            ],
          }
        : {}),
    });
  }
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id,
    name: table,
    version: '1.0.0',
    status: 'active',
    domain,
    dataProduct: product,
    description: { purpose: `The ${table} table of ${product}.` },
    schema: [
      {
        name: table,
        physicalName: table,
        physicalType: 'table',
        logicalType: 'object',
        description: `Rows of ${table}.`,
        properties,
        quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }],
      },
    ],
    servers: [{ server: 'local', type: 'duckdb', database: `${product}.duckdb`, schema: 'main' }],
    slaProperties: [
      { property: 'latency', value: 4, unit: 'h' },
      { property: 'retention', value: 3, unit: 'y' },
    ],
  };
}

/** A workspace of `products` products in `domains` domains: 3 documents per product plus mesh.yaml. */
export function generateWorkspace({ products = 200, domains = 8, columns = 25 } = {}) {
  const encoder = new TextEncoder();
  const files = [];
  const domainNames = Array.from({ length: domains }, (_, d) => `domain_${d}`);
  files.push({
    file: 'mesh.yaml',
    text: stringify({
      apiVersion: 'meshplane/v1',
      kind: 'Mesh',
      name: 'bench',
      teams: domainNames.map((d) => ({ name: `${d}-team`, members: [{ username: `${d}@example.com` }] })),
      domains: domainNames.map((d) => ({ name: d, ownerTeam: `${d}-team` })),
    }),
  });
  for (let p = 0; p < products; p++) {
    const domain = domainNames[p % domains];
    const product = `product_${p}`;
    const outId = `${domain}.${product}.out.v1`;
    const inId =
      p > 0 && p % 3 === 0
        ? `${domainNames[(p - 1) % domains]}.product_${p - 1}.out.v1`
        : `${domain}.${product}.in.v1`;
    const dir = `domains/${domain}/${product}`;
    files.push({
      file: `${dir}/out.odcs.yaml`,
      text: stringify(contract(outId, domain, product, `${product}_out`, columns)),
    });
    if (inId.endsWith('.in.v1')) {
      files.push({
        file: `${dir}/in.odcs.yaml`,
        text: stringify(contract(inId, domain, product, `${product}_in`, columns)),
      });
    }
    files.push({
      file: `${dir}/product.odps.yaml`,
      text: stringify({
        apiVersion: 'v1.0.0',
        kind: 'DataProduct',
        id: `${domain}.${product}`,
        name: product,
        version: '1.0.0',
        status: 'active',
        domain,
        team: { name: `${domain}-team` },
        inputPorts: [{ name: 'source', version: '1.0.0', contractId: inId }],
        outputPorts: [{ name: 'out', version: '1.0.0', contractId: outId, type: 'tables' }],
      }),
    });
  }
  return files.map((f) => ({ ...f, bytes: encoder.encode(f.text) }));
}
