import { describe, expect, it } from 'vitest';
import { columnType } from './column-type.js';

describe('columnType', () => {
  it.each([
    ['character varying(40)', 'string', { maxLength: 40 }],
    ['varchar(200)', 'string', { maxLength: 200 }],
    ['char(2)', 'string', { maxLength: 2 }],
    ['text', 'string', undefined],
    ['longtext', 'string', undefined],
    ['uuid', 'string', { format: 'uuid' }],
    ['numeric(10,2)', 'number', undefined],
    ['decimal(12,4) unsigned', 'number', { minimum: 0 }],
    ['numeric', 'number', undefined],
    ['smallint', 'integer', { format: 'i16' }],
    ['integer', 'integer', { format: 'i32' }],
    ['int(10) unsigned', 'integer', { format: 'u32' }],
    ['serial', 'integer', { format: 'i32' }],
    ['bigint', 'integer', { format: 'i64' }],
    ['bigserial', 'integer', { format: 'i64' }],
    ['tinyint(4)', 'integer', { format: 'i8' }],
    ['tinyint(1)', 'boolean', undefined],
    ['boolean', 'boolean', undefined],
    ['bit(1)', 'boolean', undefined],
    ['real', 'number', { format: 'f32' }],
    ['double precision', 'number', { format: 'f64' }],
    ['date', 'date', undefined],
    ['timestamp without time zone', 'timestamp', { timezone: false }],
    ['timestamp(3) without time zone', 'timestamp', { timezone: false }],
    ['timestamp with time zone', 'timestamp', { timezone: true }],
    ['timestamptz', 'timestamp', { timezone: true }],
    ['datetime(6)', 'timestamp', { timezone: false }],
    ['time without time zone', 'time', undefined],
    ['json', 'object', undefined],
    ['jsonb', 'object', undefined],
    ['bytea', 'string', { format: 'binary' }],
    ['longblob', 'string', { format: 'binary' }],
  ])('%s is %s', (dataType, logicalType, options) => {
    const type = columnType(dataType);
    expect(type.logicalType).toBe(logicalType);
    expect(type.logicalTypeOptions).toEqual(options);
    expect(type.physicalType).toBe(dataType);
    expect(type.gap).toBeUndefined();
  });

  it('reads a MySQL timestamp as an instant and a PostgreSQL one as local time', () => {
    expect(columnType('timestamp', { engine: 'mysql' }).logicalTypeOptions).toEqual({ timezone: true });
    expect(columnType('timestamp', { engine: 'postgres' }).logicalTypeOptions).toEqual({ timezone: false });
  });

  it('maps arrays in each spelling to their element type', () => {
    expect(columnType('integer[]')).toMatchObject({
      logicalType: 'array',
      items: { logicalType: 'integer', physicalType: 'integer' },
    });
    expect(columnType('_text')).toMatchObject({ logicalType: 'array', items: { logicalType: 'string' } });
    expect(columnType('ARRAY')).toEqual({ logicalType: 'array', physicalType: 'ARRAY' });
  });

  it('reads enums from MySQL type text and from catalog values', () => {
    expect(columnType("enum('new','it''s paid')")).toMatchObject({
      logicalType: 'string',
      validValues: ['new', "it's paid"],
    });
    expect(columnType('mood', { enumValues: ['sad', 'ok'] })).toEqual({
      logicalType: 'string',
      physicalType: 'mood',
      validValues: ['sad', 'ok'],
    });
  });

  it('writes unknown and approximated types as strings with a gap', () => {
    expect(columnType('geometry(Point,4326)')).toMatchObject({
      logicalType: 'string',
      gap: "unknown type 'geometry(Point,4326)': written as string",
    });
    expect(columnType('interval').gap).toContain('no interval type');
    expect(columnType("set('a','b')").gap).toContain('set');
    expect(columnType('point[]').gap).toContain('unknown type');
  });
});
