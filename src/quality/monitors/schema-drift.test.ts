import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeContract } from '../../spec/model/normalize-contract.js';
import { columnTypeFamily } from './column-type-family.js';
import { contractColumns, schemaDrift } from './schema-drift.js';

const expected = [
  { name: 'order_id', type: 'integer' },
  { name: 'customer', type: 'string' },
  { name: 'amount', type: 'DECIMAL(10,2)' },
  { name: 'placed_at', type: 'timestamp' },
];

describe('schemaDrift', () => {
  it('finds nothing when the source has the expected columns under other spellings', () => {
    const actual = [
      { name: 'ORDER_ID', type: 'int4' },
      { name: 'customer', type: 'character varying(255)' },
      { name: 'amount', type: 'numeric( 12 , 2 )' },
      { name: 'placed_at', type: 'timestamp with time zone' },
    ];
    expect(schemaDrift(expected, actual)).toEqual({
      added: [],
      removed: [],
      typeChanged: [],
      drifted: false,
      breaking: false,
      message: 'the source has the expected columns',
    });
  });

  it('reports added, removed and type-changed columns, in order', () => {
    const actual = [
      { name: 'order_id', type: 'varchar' },
      { name: 'channel', type: 'text' },
      { name: 'amount', type: 'double' },
      { name: 'placed_at', type: 'date' },
      { name: 'note', type: 'longtext' },
    ];
    const drift = schemaDrift(expected, actual);
    expect(drift.removed).toEqual([{ name: 'customer', type: 'string' }]);
    expect(drift.added).toEqual([
      { name: 'channel', type: 'text' },
      { name: 'note', type: 'longtext' },
    ]);
    expect(drift.typeChanged).toEqual([
      { name: 'order_id', expected: 'integer', actual: 'varchar' },
      { name: 'placed_at', expected: 'timestamp', actual: 'date' },
    ]);
    expect(drift).toMatchObject({ drifted: true, breaking: true });
    expect(drift.message).toBe(
      "the source's columns drifted: removed: customer; type changed: order_id integer → varchar, placed_at timestamp → date; added: channel, note",
    );
  });

  it('counts only added columns as drift that does not break', () => {
    const drift = schemaDrift(
      [{ name: 'id', type: 'bigint' }],
      [{ name: 'id', type: 'int8' }, { name: 'extra' }],
    );
    expect(drift).toMatchObject({ drifted: true, breaking: false, added: [{ name: 'extra' }] });
  });

  it('honours case sensitivity and type modes', () => {
    const actual = [{ name: 'Id', type: 'INT' }];
    const want = [{ name: 'id', type: 'integer' }];
    expect(schemaDrift(want, actual).drifted).toBe(false);
    expect(schemaDrift(want, actual, { caseSensitive: true })).toMatchObject({
      removed: want,
      added: actual,
    });
    expect(schemaDrift(want, actual, { types: 'exact' }).typeChanged).toEqual([
      { name: 'id', expected: 'integer', actual: 'INT' },
    ]);
    expect(
      schemaDrift([{ name: 'id', type: 'integer' }], [{ name: 'id', type: 'TEXT' }], { types: 'ignore' })
        .drifted,
    ).toBe(false);
  });

  it('pairs exact names first when a source has names differing only by case', () => {
    const drift = schemaDrift(
      [{ name: 'id', type: 'integer' }],
      [
        { name: 'ID', type: 'text' },
        { name: 'id', type: 'int' },
      ],
    );
    expect(drift.typeChanged).toEqual([]);
    expect(drift.added).toEqual([{ name: 'ID', type: 'text' }]);
  });

  it('compares unknown types as text and skips missing types', () => {
    expect(schemaDrift([{ name: 'g', type: 'geometry' }], [{ name: 'g', type: 'GEOMETRY' }]).drifted).toBe(
      false,
    );
    expect(schemaDrift([{ name: 'g', type: 'geometry' }], [{ name: 'g', type: 'geography' }]).breaking).toBe(
      true,
    );
    expect(schemaDrift([{ name: 'g' }], [{ name: 'g', type: 'text' }]).drifted).toBe(false);
  });

  it("reads a contract's expected columns: physical names, physical type else logical", () => {
    const contract = normalizeContract(
      parse(`apiVersion: v3.1.0
kind: DataContract
id: x
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - name: id
        physicalName: order_id
        logicalType: integer
        physicalType: BIGINT
      - name: note
        logicalType: string
      - name: blob
`),
    );
    const [orders] = contract.schema;
    if (orders === undefined) throw new Error('no schema object');
    expect(contractColumns(orders)).toEqual([
      { name: 'order_id', type: 'BIGINT' },
      { name: 'note', type: 'string' },
      { name: 'blob' },
    ]);
  });
});

describe('columnTypeFamily', () => {
  it.each([
    ['integer', 'integer'],
    ['INT8', 'integer'],
    ['serial', 'integer'],
    ['mediumint(8)', 'integer'],
    ['varchar(20)', 'string'],
    ['uuid', 'string'],
    ['double precision', 'number'],
    ['DECIMAL(10,2)', 'number'],
    ['timestamptz', 'timestamp'],
    ['jsonb', 'object'],
    ['STRUCT(a INT)', 'object'],
    ['INTEGER[]', 'array'],
    ['bytea', 'binary'],
    ['geometry', undefined],
  ])('%s is %s', (type, family) => {
    expect(columnTypeFamily(type)).toBe(family);
  });
});
