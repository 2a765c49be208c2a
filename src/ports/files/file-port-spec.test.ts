import { describe, expect, it } from 'vitest';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { filePortSpec, readOptionsFor } from './file-port-spec.js';

function port(settings: Record<string, unknown>, meshplane: Record<string, unknown> = {}): StoredInputPort {
  return {
    kind: 'files',
    name: 'raw',
    columns: [],
    settings: meshplane,
    server: { server: 's', type: 'local', settings, customProperties: [], path: [] },
  } as unknown as StoredInputPort;
}

describe('filePortSpec', () => {
  it('resolves the glob against the product folder and reads the CSV dialect', () => {
    const spec = filePortSpec(
      port({ path: 'data/*.csv', format: 'csv' }, { delimiter: ';', header: false }),
      '/ws/p',
    );
    expect(spec).toMatchObject({
      port: 'raw',
      glob: '/ws/p/data/*.csv',
      format: 'csv',
      csv: { format: 'csv', delimiter: ';', header: false, quote: '"', escape: '"' },
    });
    expect(filePortSpec(port({ path: '/abs/*.csv' }), '/ws/p').glob).toBe('/abs/*.csv');
  });

  it('reads json with new_line delimiter as NDJSON', () => {
    expect(
      filePortSpec(port({ path: 'a/*.ndjson', format: 'json' }, { delimiter: 'new_line' }), '/p').format,
    ).toBe('ndjson');
  });

  it.each([
    [{}, {}, /has no path/],
    [{ path: 'x', format: 'xml' }, {}, /format "xml" is not one of/],
    [{ path: 'x' }, { delimiter: ';;' }, /delimiter must be one character/],
    [{ path: 'x' }, { header: 'yes' }, /header must be true or false/],
  ])('refuses %j %j', (settings, meshplane, message) => {
    expect(() => filePortSpec(port(settings, meshplane), '/p')).toThrow(message);
  });

  it('takes each file format from the declaration, else the extension', () => {
    const byExtension = filePortSpec(port({ path: 'x/*' }), '/p');
    expect(readOptionsFor(byExtension, '/p/x/a.csv.gz')).toMatchObject({ format: 'csv', delimiter: ',' });
    expect(readOptionsFor(byExtension, '/p/x/a.tsv')).toMatchObject({ format: 'csv', delimiter: '\t' });
    expect(readOptionsFor(byExtension, '/p/x/a.jsonl')).toEqual({ format: 'json', newlineDelimited: true });
    expect(readOptionsFor(byExtension, '/p/x/a.json')).toEqual({ format: 'json', newlineDelimited: false });
    expect(readOptionsFor(byExtension, '/p/x/a.parquet')).toEqual({ format: 'parquet' });
    expect(readOptionsFor(byExtension, '/p/x/a.xlsx')).toBeUndefined();
    const declared = filePortSpec(port({ path: 'x/*', format: 'parquet' }), '/p');
    expect(readOptionsFor(declared, '/p/x/a.csv')).toEqual({ format: 'parquet' });
  });
});
