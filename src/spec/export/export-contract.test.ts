import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeContract } from '../model/normalize-contract.js';
import {
  contractToAvro,
  contractToJsonSchema,
  contractToSqlDdl,
  EXPORT_FORMATS,
  exportContract,
  isExportFormat,
  SQL_DIALECT_NAMES,
} from './index.js';

const EXAMPLES = fileURLToPath(new URL('../../../test/fixtures/standards/odcs/examples', import.meta.url));
const contract = normalizeContract(parse(readFileSync(join(EXAMPLES, 'full-example.odcs.yaml'), 'utf8')));

describe('exportContract', () => {
  it('writes JSON Schema and Avro as indented JSON text ending in a newline', () => {
    const jsonSchema = exportContract(contract, 'jsonschema', {
      schemaObject: 'receivers',
      contentModel: 'closed',
    });
    expect(JSON.parse(jsonSchema)).toEqual(
      contractToJsonSchema(contract, { schemaObject: 'receivers', contentModel: 'closed' }),
    );
    expect(jsonSchema).toMatch(/^\{\n {2}"\$schema"/);
    expect(jsonSchema.endsWith('}\n')).toBe(true);
    const avro = exportContract(contract, 'avro', { namespace: 'acme' });
    expect(JSON.parse(avro)).toEqual(contractToAvro(contract, { namespace: 'acme' }));
  });

  it('writes SQL DDL for DuckDB unless told otherwise', () => {
    expect(exportContract(contract, 'sql-ddl')).toBe(contractToSqlDdl(contract, { dialect: 'duckdb' }));
    expect(exportContract(contract, 'sql-ddl', { dialect: 'postgres' })).toBe(
      contractToSqlDdl(contract, { dialect: 'postgres' }),
    );
  });

  it('names its formats and dialects for a CLI', () => {
    expect(EXPORT_FORMATS).toEqual(['jsonschema', 'avro', 'sql-ddl']);
    expect(SQL_DIALECT_NAMES).toEqual(['duckdb', 'postgres']);
    expect(isExportFormat('avro')).toBe(true);
    expect(isExportFormat('protobuf')).toBe(false);
  });
});
