import { quoteIdentifier } from '../spec/export/sql-identifier.js';
import { DUCKDB_KEYWORDS } from '../spec/export/sql-keywords.js';
import type { NamingConvention } from '../spec/model/mesh.js';
import { followsConvention } from '../spec/rules/naming-convention.js';
import { parseProductName } from '../workspace/names.js';
import type { TemplateFile } from '../workspace/render-template.js';
import { columnNames, productNames } from './import-names.js';
import type { ImportedTable, ImportGap } from './imported-table.js';
import type { OdcsSchemaObject } from './odcs-types.js';
import { renderYaml } from './render-yaml.js';
import { describeConnection, type SourceConnection } from './source-connection.js';
import { tableSchema } from './table-schema.js';

/** What turning tables into products needs. */
export interface ProductImportRequest {
  readonly tables: readonly ImportedTable[];
  readonly connection: SourceConnection;
  readonly domain: string;
  /** The domain's owner team from mesh.yaml, written as each product's and contract's team. */
  readonly team?: string;
  /** The mesh's naming convention for physical names (default snake_case). */
  readonly convention?: NamingConvention;
}

/** The files of one imported product, relative to the workspace root. */
export interface ImportedProduct {
  readonly table: string;
  readonly productId: string;
  /** `domains/<domain>/<product>`. */
  readonly folder: string;
  readonly files: readonly TemplateFile[];
  readonly gaps: readonly ImportGap[];
}

/** The input port every imported product reads its table through. */
export const SOURCE_PORT = 'source';
const VERSION = '1.0.0';

function engineName(connection: SourceConnection): string {
  return connection.engine === 'postgres' ? 'PostgreSQL' : 'MySQL / MariaDB';
}

function qualified(table: ImportedTable, connection: SourceConnection): string {
  return connection.schema === undefined
    ? `${connection.database}.${table.name}`
    : `${connection.schema}.${table.name}`;
}

function header(table: ImportedTable, connection: SourceConnection, what: string): string[] {
  return [
    `${what}`,
    `Imported by \`meshplane import ${connection.engine === 'postgres' ? 'postgres' : 'mariadb'}\` from table ${qualified(table, connection)}`,
    `of ${describeConnection(connection)}. Review it, then edit freely: the import never rewrites it.`,
  ];
}

function sourceServer(table: ImportedTable, connection: SourceConnection) {
  const port = {
    kind: 'sql-table',
    table: table.name,
    ...(connection.user === undefined ? {} : { user: connection.user }),
    ...(connection.passwordEnv === undefined ? {} : { password: { env: connection.passwordEnv } }),
  };
  return {
    server: SOURCE_PORT,
    type: connection.engine === 'postgres' ? 'postgres' : 'mysql',
    host: connection.host,
    port: connection.port,
    database: connection.database,
    // ODCS's mysql server has no schema: the database is the schema there.
    ...(connection.engine === 'postgres' && connection.schema !== undefined
      ? { schema: connection.schema }
      : {}),
    customProperties: [{ property: 'meshplane.port', value: port }],
  };
}

function team(request: ProductImportRequest) {
  return request.team === undefined || request.team === '' ? {} : { team: { name: request.team } };
}

interface Names {
  readonly domain: string;
  readonly product: string;
  readonly id: string;
  readonly sourceId: string;
  readonly outputId: string;
}

function sourceContract(
  request: ProductImportRequest,
  table: ImportedTable,
  names: Names,
  gaps: ImportGap[],
) {
  const { connection } = request;
  const schema: OdcsSchemaObject = tableSchema(
    table,
    { engine: connection.engine, objectName: SOURCE_PORT, tableName: () => undefined },
    gaps,
  );
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: names.sourceId,
    name: `${names.product} source`,
    version: VERSION,
    status: 'active',
    domain: names.domain,
    description: {
      purpose: `The table ${qualified(table, connection)} of the ${engineName(connection)} database, as the \`${SOURCE_PORT}\` input port reads it.`,
      usage: `Read by the ${names.product} transform only.`,
      limitations:
        'Each run replaces the previous snapshot with the whole table; rows that break this contract go to the quarantine.',
    },
    ...team(request),
    servers: [sourceServer(table, connection)],
    schema: [schema],
  };
}

function outputContract(
  request: ProductImportRequest,
  table: ImportedTable,
  names: Names,
  columns: ReadonlyMap<string, string>,
  products: ReadonlyMap<string, string>,
  gaps: ImportGap[],
) {
  const schema = tableSchema(
    table,
    {
      engine: request.connection.engine,
      objectName: names.product,
      columnName: (c) => columns.get(c) ?? c,
      tableName: (t) => products.get(t),
    },
    // Type gaps were reported once, for the source contract.
    [],
  );
  for (const fk of table.foreignKeys) {
    if (!products.has(fk.referencedTable)) {
      gaps.push({
        where: `${table.name}(${fk.columns.join(', ')})`,
        message: `references ${fk.referencedTable}, which is not imported: no relationship written`,
      });
    }
  }
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: names.outputId,
    name: names.product,
    version: VERSION,
    status: 'active',
    domain: names.domain,
    description: {
      purpose:
        table.comment ?? `Every row of ${qualified(table, request.connection)}, served as a data product.`,
      usage: `Query the \`${names.product}\` output port with SQL.`,
      limitations: 'A full copy of the source table as of the last run.',
    },
    ...team(request),
    servers: [
      {
        server: 'local',
        type: 'duckdb',
        environment: 'dev',
        database: `.meshplane/products/${names.domain}/${names.product}.duckdb`,
        schema: 'main',
        description: "The product's embedded DuckDB database, managed by the Meshplane runtime.",
      },
    ],
    schema: [{ ...schema, physicalName: names.product }],
    customProperties: [{ property: 'meshplane.transform', value: `${names.product}.sql` }],
  };
}

function product(request: ProductImportRequest, table: ImportedTable, names: Names) {
  return {
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id: names.id,
    name: names.product,
    version: VERSION,
    status: 'active',
    domain: names.domain,
    description: {
      purpose:
        table.comment ??
        `The ${table.name} table of the ${engineName(request.connection)} database, as a data product.`,
    },
    ...team(request),
    inputPorts: [{ name: SOURCE_PORT, version: VERSION, contractId: names.sourceId }],
    outputPorts: [
      {
        name: names.product,
        version: VERSION,
        type: 'tables',
        contractId: names.outputId,
        inputContracts: [{ id: names.sourceId, version: VERSION }],
      },
    ],
  };
}

function transform(
  table: ImportedTable,
  names: Names,
  columns: ReadonlyMap<string, string>,
  connection: SourceConnection,
): string {
  const select = table.columns.map((c) => {
    const source = quoteIdentifier(c.name, DUCKDB_KEYWORDS);
    const target = columns.get(c.name) ?? c.name;
    return target === c.name ? source : `${source} as ${quoteIdentifier(target, DUCKDB_KEYWORDS)}`;
  });
  return [
    `-- ${names.product}: every column of ${qualified(table, connection)}, as imported.`,
    `-- DuckDB SQL. The input port \`${SOURCE_PORT}\` is a snapshot of the source table taken on each run.`,
    'select',
    select.map((s, i) => `  ${s}${i < select.length - 1 ? ',' : ''}`).join('\n'),
    `from ${SOURCE_PORT}`,
    '',
  ].join('\n');
}

function namingGap(table: ImportedTable, convention: NamingConvention): ImportGap[] {
  const off = [table.name, ...table.columns.map((c) => c.name)].filter(
    (n) => !followsConvention(n, convention),
  );
  if (off.length === 0) return [];
  return [
    {
      where: table.name,
      message: `source names ${off.map((n) => `'${n}'`).join(', ')} are not ${convention}: the output contract renames them, but ${SOURCE_PORT}.odcs.yaml must keep them and \`meshplane validate\` reports them (set conventions.physicalNames in mesh.yaml to accept them)`,
    },
  ];
}

/**
 * One data product per table, in the agreed shape the runtime reads (see docs/import.md): under
 * `domains/<domain>/<product>/`, `product.odps.yaml` (input port `source`, one output port named
 * after the product), `source.odcs.yaml` (the table where it is, with a `meshplane.port` of kind
 * `sql-table`), `<product>.odcs.yaml` (the same columns, names following the mesh's convention,
 * foreign keys to other imported tables as relationships) and `<product>.sql` (select every
 * column from the source). YAML files start with a comment saying where they came from. Pure.
 */
export function tablesToProducts(request: ProductImportRequest): ImportedProduct[] {
  const convention = request.convention ?? 'snake_case';
  const products = productNames(request.tables);
  return request.tables.map((table) => {
    const gaps: ImportGap[] = [];
    const parsed = parseProductName(`${request.domain}/${products.get(table.name) ?? table.name}`);
    const names: Names = {
      domain: parsed.domain,
      product: parsed.product,
      id: parsed.id,
      sourceId: `${parsed.id}.${SOURCE_PORT}.v1`,
      outputId: `${parsed.id}.${parsed.product}.v1`,
    };
    const columns = convention === 'any' ? new Map<string, string>() : columnNames(table, convention);
    const connection = request.connection;
    const source = sourceContract(request, table, names, gaps);
    gaps.push(...namingGap(table, convention));
    const output = outputContract(request, table, names, columns, products, gaps);
    const files: TemplateFile[] = [
      {
        path: `${parsed.path}/product.odps.yaml`,
        text: renderYaml(
          product(request, table, names),
          header(table, connection, `Data product ${names.id}.`),
        ),
      },
      {
        path: `${parsed.path}/${SOURCE_PORT}.odcs.yaml`,
        text: renderYaml(
          source,
          header(table, connection, `Input contract of ${names.id}: the source table.`),
        ),
      },
      {
        path: `${parsed.path}/${names.product}.odcs.yaml`,
        text: renderYaml(output, header(table, connection, `Output port contract of ${names.id}.`)),
      },
      { path: `${parsed.path}/${names.product}.sql`, text: transform(table, names, columns, connection) },
    ];
    return { table: table.name, productId: names.id, folder: parsed.path, files, gaps };
  });
}
