import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../../spec/validate/index.js';
import { renderYaml } from '../render-yaml.js';
import { sqlDdlToOdcs } from './sql-ddl-to-odcs.js';

const SCRIPT = `
CREATE TABLE customers (
  id integer PRIMARY KEY,
  email varchar(200) NOT NULL UNIQUE,
  kind varchar(10) DEFAULT 'retail'
);
COMMENT ON COLUMN customers.email IS 'Login e-mail';
CREATE TABLE orders (
  id bigint NOT NULL,
  line int NOT NULL,
  customer_id integer REFERENCES customers (id),
  placed_at timestamptz NOT NULL,
  PRIMARY KEY (id, line),
  UNIQUE (customer_id, placed_at)
);
`;

describe('sqlDdlToOdcs', () => {
  const result = sqlDdlToOdcs(SCRIPT, { dialect: 'postgres', name: 'shop' });
  if (!result.ok) throw new Error(result.error.message);
  const { document } = result;

  it('writes one schema object per table and validates against ODCS v3.1.0', () => {
    expect(document.schema.map((o) => o.name)).toEqual(['customers', 'orders']);
    const report = validateWorkspace([
      { file: 'shop.odcs.yaml', bytes: new TextEncoder().encode(renderYaml(document, [])) },
    ]);
    expect(report.files[0]?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.files[0]).toMatchObject({ kind: 'DataContract', apiVersion: 'v3.1.0', valid: true });
  });

  it('maps NOT NULL, keys, unique, defaults and comments', () => {
    expect(document.schema[0]?.properties).toEqual([
      {
        name: 'id',
        physicalName: 'id',
        logicalType: 'integer',
        logicalTypeOptions: { format: 'i32' },
        physicalType: 'integer',
        required: true,
        unique: true,
        primaryKey: true,
        primaryKeyPosition: 1,
      },
      {
        name: 'email',
        physicalName: 'email',
        logicalType: 'string',
        logicalTypeOptions: { maxLength: 200 },
        physicalType: 'varchar(200)',
        required: true,
        unique: true,
        description: 'Login e-mail',
      },
      {
        name: 'kind',
        physicalName: 'kind',
        logicalType: 'string',
        logicalTypeOptions: { maxLength: 10 },
        physicalType: 'varchar(10)',
        customProperties: [{ property: 'defaultValue', value: "'retail'" }],
      },
    ]);
    const orders = document.schema[1];
    expect(orders?.properties.filter((p) => p.primaryKey).map((p) => [p.name, p.primaryKeyPosition])).toEqual(
      [
        ['id', 1],
        ['line', 2],
      ],
    );
    expect(orders?.properties.some((p) => p.unique)).toBe(false);
  });

  it('keeps composite unique keys as duplicateValues rules and foreign keys as relationships', () => {
    expect(document.schema[1]).toMatchObject({
      quality: [
        {
          type: 'library',
          metric: 'duplicateValues',
          arguments: { properties: ['customer_id', 'placed_at'] },
          mustBe: 0,
          dimension: 'uniqueness',
        },
      ],
      relationships: [{ type: 'foreignKey', from: 'orders.customer_id', to: 'customers.id' }],
    });
  });

  it('gives the syntax error instead of a document', () => {
    expect(sqlDdlToOdcs('CREATE TABLE (', { dialect: 'mysql', name: 'x' })).toMatchObject({
      ok: false,
      error: { line: 1 },
    });
  });
});
