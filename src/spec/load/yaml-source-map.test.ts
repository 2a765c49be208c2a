/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { loadDocument } from './load-document.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Where `token` first stands on 1-based `line` of `text`, as a position. */
function find(text: string, line: number, token: string): { line: number; column: number } {
  const column = (text.split('\n')[line - 1] ?? '').indexOf(token);
  if (column < 0) throw new Error(`${token} not on line ${line}`);
  return { line, column: column + 1 };
}

const TEXT = [
  'kind: DataContract', // 1
  'schema:', // 2
  '  - name: orders', // 3
  '    properties:', // 4
  '      - name: id', // 5
  '        tags: [pk, "uuid"]', // 6
  '      - name: total', // 7
  '        logicalType:', // 8
  'shared: &cols {a: 1, b: [x, y]}', // 9
  'copy: *cols', // 10
  '',
].join('\n');

describe('createYamlSourceMap', () => {
  const doc = loadDocument('c.odcs.yaml', bytes(TEXT));
  const { locate } = doc.sourceMap;

  it('locates values and keys on nested paths', () => {
    expect(doc.diagnostics).toEqual([]);
    expect(locate(['schema', 0, 'properties', 0, 'name'])).toEqual({
      line: 5,
      column: 15,
      endLine: 5,
      endColumn: 17,
    });
    expect(locate(['schema', 0, 'properties', 0, 'name'], 'key')).toMatchObject({ line: 5, column: 9 });
    expect(locate(['schema', 0, 'properties', 0, 'tags', 1])).toMatchObject(find(TEXT, 6, '"uuid"'));
    expect(locate(['kind'], 'key')).toMatchObject({ line: 1, column: 1, endColumn: 5 });
    expect(locate(['schema', '0', 'properties', '1', 'name'])).toMatchObject({ line: 7, column: 15 });
  });

  it('locates a collection by its first line, with its end', () => {
    expect(locate(['schema', 0, 'properties', 1])).toMatchObject({ line: 7, column: 9, endLine: 8 });
    expect(locate([])).toMatchObject({ line: 1, column: 1 });
  });

  it('points at the key when the value is empty', () => {
    expect(locate(['schema', 0, 'properties', 1, 'logicalType'])).toMatchObject({ line: 8, column: 9 });
  });

  it('falls back to the deepest node on the path, at its key when it has one', () => {
    expect(locate(['schema', 0, 'properties', 1, 'missing'])).toMatchObject({ line: 7, column: 9 });
    expect(locate(['schema', 0, 'missing', 'deeper'])).toMatchObject({ line: 3, column: 5 });
    expect(locate(['kind', 'not', 'a', 'map'])).toMatchObject({ line: 1, column: 1 });
    expect(locate(['schema', 7])).toMatchObject({ line: 2, column: 1 });
    expect(locate(['nothing'])).toMatchObject({ line: 1, column: 1 });
  });

  it('follows aliases to the anchored node', () => {
    expect(locate(['copy', 'b', 1])).toMatchObject(find(TEXT, 9, 'y]'));
    expect(locate(['copy'], 'key')).toMatchObject({ line: 10, column: 1 });
  });

  it('gives every path of a refused document the refusal’s position', () => {
    const refused = loadDocument('d.yaml', bytes('a:\n  b: [[[1]]]\n'), { maxDepth: 3 });
    expect(refused.diagnostics[0]).toMatchObject({ code: 'depth-limit', line: 2, column: 7 });
    expect(refused.sourceMap.locate(['a', 'b'], 'key')).toEqual({ line: 2, column: 7 });
  });

  it('locates paths in JSON files', () => {
    const json = loadDocument('p.odps.json', bytes('{\n  "info": {\n    "title": "t"\n  }\n}'));
    expect(json.sourceMap.locate(['info', 'title'])).toMatchObject({ line: 3, column: 14 });
    expect(json.sourceMap.locate(['info', 'owner'])).toMatchObject({ line: 2, column: 3 });
  });
});

const fullExample = Object.values(
  import.meta.glob<string>('../../../../shared/standards/odcs/examples/full-example.odcs.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0];

describe.skipIf(fullExample === undefined)('createYamlSourceMap on the ODCS full example', () => {
  const text = fullExample ?? '';
  const doc = loadDocument('full-example.odcs.yaml', bytes(text));

  it('loads it cleanly', () => {
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value).toMatchObject({ kind: 'DataContract', apiVersion: 'v3.1.0' });
  });

  it('locates nested properties where they stand in the file', () => {
    const { locate } = doc.sourceMap;
    expect(locate(['schema', 0, 'properties', 1, 'physicalType'])).toMatchObject(
      find(text, 98, 'varchar(18)'),
    );
    expect(locate(['schema', 0, 'properties', 1, 'physicalType'], 'key')).toMatchObject(
      find(text, 98, 'physicalType'),
    );
    expect(locate(['schema', 0, 'tags', 1])).toMatchObject(find(text, 48, "'payments'"));
    expect(locate(['schema', 0, 'properties', 0, 'examples', 0])).toMatchObject(
      find(text, 87, '"2022-10-03"'),
    );
    expect(locate(['servers', 0, 'port'])).toMatchObject(find(text, 31, '5432'));
    expect(locate(['schema', 0, 'relationships', 0, 'customProperties', 1, 'value'])).toMatchObject(
      find(text, 63, '"many-to-one"'),
    );
  });

  it('points a missing property at the mapping that lacks it', () => {
    const { locate } = doc.sourceMap;
    expect(locate(['description', 'missing'])).toMatchObject(find(text, 14, 'description'));
    expect(locate(['schema', 0, 'properties', 1, 'missing'])).toMatchObject(find(text, 92, 'id:'));
  });
});

if (fullExample === undefined) {
  if (process.env.MESHPLANE_REQUIRE_SERVICES === '1')
    throw new Error('../shared is required (MESHPLANE_REQUIRE_SERVICES=1)');
  console.warn('SKIPPED: ../shared not found; source map positions in the ODCS full example are not checked');
}
