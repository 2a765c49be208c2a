import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import { detectKind } from '../kind/detect-kind.js';
import { loadDocument } from '../load/load-document.js';
import { validateSchema } from './validate-schema.js';

function check(text: string, options: { file?: string; lenient?: boolean } = {}): Diagnostic[] {
  const file = options.file ?? 'orders.odcs.yaml';
  const doc = loadDocument(file, new TextEncoder().encode(text));
  return validateSchema(doc, detectKind(doc.value, file), { lenient: options.lenient ?? false });
}

/** The parts a test pins: code, severity, position, path and the words a person reads. */
function brief(d: Diagnostic) {
  return { code: d.code, severity: d.severity, line: d.line, column: d.column, path: d.path };
}

const HEAD = `apiVersion: v3.1.0
kind: DataContract
id: orders
version: 1.0.0
status: active
`;

/** A valid contract with one table; `property` is spliced in as the column's extra lines. */
function contract(property: string, name = 'name: order_id'): string {
  return `${HEAD}schema:
  - name: orders
    logicalType: object
    properties:
      - ${name}
${property
  .split('\n')
  .map((line) => `        ${line}`)
  .join('\n')}
`;
}

describe('validateSchema: valid documents', () => {
  it('accepts a valid contract', () => {
    expect(check(contract('logicalType: string'))).toEqual([]);
  });

  it('accepts a valid mesh.yaml and domain.yaml', () => {
    const mesh = `apiVersion: meshplane/v1
kind: Mesh
name: shop
teams:
  - name: orders-team
    members: [{ username: alice@example.com, name: Alice, role: owner }]
domains:
  - name: orders
    ownerTeam: orders-team
conventions:
  physicalNames: snake_case
settings: { anything: { goes: [1, 2] } }
`;
    expect(check(mesh, { file: 'mesh.yaml' })).toEqual([]);
    const domain = `apiVersion: meshplane/v1
kind: Domain
name: orders
ownerTeam: orders-team
members:
  - username: bob
`;
    expect(check(domain, { file: 'domains/orders/domain.yaml' })).toEqual([]);
  });

  it('says nothing about a document the loader could not parse', () => {
    expect(check('a: [unclosed')).toEqual([]);
  });
});

describe('validateSchema: unknown properties', () => {
  it('reports a misspelled field once, at its key, with "did you mean"', () => {
    const found = check(contract('logicalTyp: string'));
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-unknown-property',
        severity: 'error',
        line: 11,
        column: 9,
        path: ['schema', 0, 'properties', 0, 'logicalTyp'],
      },
    ]);
    expect(found[0]?.message).toBe('Unknown field `logicalTyp` in `schema[0].properties[0]`.');
    expect(found[0]?.hint).toBe('did you mean `logicalType`?');
    expect(found[0]?.file).toBe('orders.odcs.yaml');
  });

  it('drops the errors a misspelled logicalType causes in the if/then branches', () => {
    const found = check(contract('logicalTyp: string\nlogicalTypeOptions:\n  maxLength: 3'));
    expect(found.map((d) => d.path.at(-1))).toEqual(['logicalTyp']);
  });

  it('points to customProperties when no known name is close', () => {
    const [found, ...rest] = check(`${HEAD}owner: alice\n`);
    expect(rest).toEqual([]);
    expect(found && brief(found)).toEqual({
      code: 'schema-unknown-property',
      severity: 'error',
      line: 6,
      column: 1,
      path: ['owner'],
    });
    expect(found?.message).toBe('Unknown field `owner` at the top level of the document.');
    expect(found?.hint).toContain('`customProperties`');
  });

  it('lists the known names when they are few', () => {
    const [found] = check(contract('logicalType: integer\nlogicalTypeOptions:\n  maxLength: 3'));
    expect(found?.path).toEqual(['schema', 0, 'properties', 0, 'logicalTypeOptions', 'maxLength']);
    expect(found?.line).toBe(13);
    expect(found?.column).toBe(11);
    expect(found?.hint).toBe(
      'known fields here: `exclusiveMaximum`, `exclusiveMinimum`, `format`, `maximum`, `minimum`, `multipleOf`',
    );
  });

  it('names the field that decides when a known field is not allowed', () => {
    const server =
      'servers:\n  - server: prod\n    type: postgres\n    host: db\n    port: 5432\n    database: shop\n    schema: public\n    account: acme\n';
    const found = check(`${HEAD}${server}`);
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-unknown-property',
        severity: 'error',
        line: 13,
        column: 5,
        path: ['servers', 0, 'account'],
      },
    ]);
    expect(found[0]?.message).toBe('Field `account` is not allowed in `servers[0]` with `type: postgres`.');
  });

  it('is a warning in lenient mode', () => {
    expect(check(`${HEAD}owner: alice\n`, { lenient: true }).map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('validateSchema: required fields', () => {
  it('reports all missing fields of one object in one finding, at the object', () => {
    const found = check('apiVersion: v3.1.0\nkind: DataContract\nid: x\n');
    expect(found.map(brief)).toEqual([
      { code: 'schema-required', severity: 'error', line: 1, column: 1, path: [] },
    ]);
    expect(found[0]?.message).toBe('The document is missing the required fields `version` and `status`.');
  });

  it('locates a missing field of a named mapping at its key', () => {
    const found = check(`${HEAD}servers:\n  - server: prod\n    type: postgres\n    host: db\n`);
    expect(found.map(brief)).toEqual([
      { code: 'schema-required', severity: 'error', line: 7, column: 5, path: ['servers', 0] },
    ]);
    expect(found[0]?.message).toBe(
      '`servers[0]` is missing the required fields `port`, `database` and `schema`.',
    );
  });

  it('folds a misspelled required field into one error that stays an error in lenient mode', () => {
    const found = check(contract('logicalType: string', 'nme: order_id'), { lenient: true });
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-required',
        severity: 'error',
        line: 10,
        column: 9,
        path: ['schema', 0, 'properties', 0, 'nme'],
      },
    ]);
    expect(found[0]?.message).toBe(
      '`schema[0].properties[0]` is missing the required field `name`; `nme` looks like a misspelling of it.',
    );
    expect(found[0]?.hint).toBe('rename `nme` to `name`');
  });

  it('says "one of" when alternatives each require a different field', () => {
    const found = check(contract('logicalType: string\nquality:\n  - metric: nullValues'));
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-required',
        severity: 'error',
        line: 13,
        column: 13,
        path: ['schema', 0, 'properties', 0, 'quality', 0],
      },
    ]);
    expect(found[0]?.message).toMatch(/needs one of the fields `mustBe`, `mustNotBe`, `mustBeGreaterThan`/);
  });
});

describe('validateSchema: values', () => {
  it('reports a wrong type at the value, in plain words', () => {
    const found = check(`${HEAD}schema: orders\n`);
    expect(found.map(brief)).toEqual([
      { code: 'schema-type', severity: 'error', line: 6, column: 9, path: ['schema'] },
    ]);
    expect(found[0]?.message).toBe('Wrong type for `schema`: expected a list, got a string.');
  });

  it('merges the alternatives of a oneOf into one type finding', () => {
    const [found] = check(`${HEAD}team: orders-team\n`);
    expect(found?.message).toBe('Wrong type for `team`: expected a mapping or a list, got a string.');
  });

  it('keeps the specific error of the branch that was meant', () => {
    const found = check(
      contract('logicalType: string\nquality:\n  - metric: nullValues\n    mustBeGreaterThan: abc'),
    );
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-type',
        severity: 'error',
        line: 14,
        column: 32,
        path: ['schema', 0, 'properties', 0, 'quality', 0, 'mustBeGreaterThan'],
      },
    ]);
  });

  it('lists the allowed values and suggests the closest', () => {
    const found = check(contract('logicalType: strin'));
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-enum',
        severity: 'error',
        line: 11,
        column: 22,
        path: ['schema', 0, 'properties', 0, 'logicalType'],
      },
    ]);
    expect(found[0]?.message).toBe(
      '`schema[0].properties[0].logicalType` must be one of `string`, `date`, `timestamp`, `time`, `number`, `integer`, `object`, `array`, `boolean` (got `strin`).',
    );
    expect(found[0]?.hint).toBe('did you mean `string`?');
    expect(check(contract('logicalType: strin'), { lenient: true })[0]?.severity).toBe('error');
  });

  it('reports a const', () => {
    const found = check('apiVersion: meshplane/v1\nkind: mesh\nname: shop\ndomains: []\n', {
      file: 'mesh.yaml',
    });
    expect(found.map(brief)).toEqual([
      { code: 'schema-const', severity: 'error', line: 2, column: 7, path: ['kind'] },
    ]);
    expect(found[0]?.message).toBe('`kind` must be `Mesh` (got `mesh`).');
  });

  it('reports a pattern with plain words, still an error in lenient mode', () => {
    const text = 'apiVersion: meshplane/v1\nkind: Mesh\nname: Shop\ndomains: []\n';
    const found = check(text, { file: 'mesh.yaml' });
    expect(found.map(brief)).toEqual([
      { code: 'schema-pattern', severity: 'error', line: 3, column: 7, path: ['name'] },
    ]);
    expect(found[0]?.message).toBe('`name` must match the pattern `^[a-z][a-z0-9_-]*$` (got `Shop`).');
    expect(found[0]?.hint).toBe('use lower-case letters, digits, `_` and `-`, starting with a letter');
    expect(check(text, { file: 'mesh.yaml', lenient: true })[0]?.severity).toBe('error');
  });

  it('reports a format with an example, a warning in lenient mode', () => {
    const found = check(`${HEAD}contractCreatedTs: yesterday\n`);
    expect(found.map(brief)).toEqual([
      { code: 'schema-format', severity: 'error', line: 6, column: 20, path: ['contractCreatedTs'] },
    ]);
    expect(found[0]?.message).toBe('`contractCreatedTs` is not a valid date-time (got `yesterday`).');
    expect(found[0]?.hint).toContain('2024-05-01T12:00:00Z');
    expect(check(`${HEAD}contractCreatedTs: yesterday\n`, { lenient: true })[0]?.severity).toBe('warning');
  });

  it('reports ranges', () => {
    const found = check(contract('logicalType: string\nlogicalTypeOptions:\n  minLength: -1'));
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-range',
        severity: 'error',
        line: 13,
        column: 22,
        path: ['schema', 0, 'properties', 0, 'logicalTypeOptions', 'minLength'],
      },
    ]);
    expect(found[0]?.message).toBe(
      '`schema[0].properties[0].logicalTypeOptions.minLength` must be at least 0 (got -1).',
    );
    const empty = check(
      'apiVersion: meshplane/v1\nkind: Domain\nname: orders\nmembers:\n  - username: ""\n',
      {
        file: 'domain.yaml',
      },
    );
    expect(empty.map((d) => [d.code, d.message])).toEqual([
      ['schema-range', '`members[0].username` must not be empty.'],
    ]);
  });

  it('reports duplicate items at the second one', () => {
    const found = check(
      contract('logicalType: integer\nquality:\n  - metric: rowCount\n    mustBeBetween: [1, 1]'),
    );
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-unique-items',
        severity: 'error',
        line: 14,
        column: 32,
        path: ['schema', 0, 'properties', 0, 'quality', 0, 'mustBeBetween', 1],
      },
    ]);
    expect(found[0]?.message).toBe(
      '`schema[0].properties[0].quality[0].mustBeBetween` lists the same item twice: items 0 and 1 (counting from 0) are equal.',
    );
  });

  it('reports a shape the standard forbids as schema-invalid', () => {
    const found = check(
      contract('logicalType: string\nrelationships:\n  - from: orders.order_id\n    to: customers.id'),
    );
    expect(found.map(brief)).toEqual([
      {
        code: 'schema-invalid',
        severity: 'error',
        line: 13,
        column: 13,
        path: ['schema', 0, 'properties', 0, 'relationships', 0, 'from'],
      },
    ]);
    expect(found.map((d) => [d.code, d.message])).toEqual([
      ['schema-invalid', '`schema[0].properties[0].relationships[0]` must not have the field `from` here.'],
    ]);
  });
});

describe('validateSchema: what the document is', () => {
  it('reports an unknown kind at the kind', () => {
    const found = check('apiVersion: v1\nkind: Pipeline\n', { file: 'x.yaml' });
    expect(found.map(brief)).toEqual([
      { code: 'kind-unknown', severity: 'error', line: 2, column: 7, path: ['kind'] },
    ]);
    expect(found[0]?.message).toMatch(/^`kind: Pipeline` is not a kind Meshplane reads/);
  });

  it('explains the Data Contract Specification and how to convert it', () => {
    const found = check('dataContractSpecification: 1.1.0\nid: orders\n', { file: 'datacontract.yaml' });
    expect(found.map(brief)).toEqual([
      { code: 'legacy-format', severity: 'error', line: 1, column: 1, path: ['dataContractSpecification'] },
    ]);
    expect(found[0]?.message).toBe(
      'This is a Data Contract Specification 1.1.0 document; Meshplane reads data contracts in ODCS v3.x (Open Data Contract Standard).',
    );
    expect(found[0]?.hint).toContain('datacontract export --format odcs');
  });

  it('lists the supported versions for an unknown apiVersion, at the value', () => {
    const found = check('apiVersion: v2.2.2\nkind: DataContract\nid: x\n', { lenient: true });
    expect(found.map(brief)).toEqual([
      { code: 'api-version-unsupported', severity: 'error', line: 1, column: 13, path: ['apiVersion'] },
    ]);
    expect(found[0]?.message).toContain('v3.0.0, v3.0.1, v3.0.2, v3.1.0');
    expect(found[0]?.hint).toBe('set `apiVersion: v3.1.0`');
  });

  it('reports a missing apiVersion at the start of the document', () => {
    const found = check('kind: DataProduct\nid: p\n', { file: 'p.odps.yaml' });
    expect(found.map(brief)).toEqual([
      { code: 'api-version-unsupported', severity: 'error', line: 1, column: 1, path: [] },
    ]);
    expect(found[0]?.message).toBe(
      '`apiVersion` is missing for an ODPS data product (`kind: DataProduct`); Meshplane reads v0.9.0, v1.0.0.',
    );
  });
});

describe('validateSchema: newer versions', () => {
  const declaresOld = contract('logicalType: timestamp').replace('apiVersion: v3.1.0', 'apiVersion: v3.0.2');

  it('hints the newer version that accepts the document', () => {
    const found = check(declaresOld);
    expect(found.map((d) => [d.code, d.severity, d.hint])).toEqual([
      ['schema-enum', 'error', 'valid under v3.1.0; update apiVersion to v3.1.0'],
    ]);
  });

  it('makes every finding a warning in lenient mode', () => {
    expect(check(declaresOld, { lenient: true }).map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('validateSchema: speed', () => {
  it('validates a typical contract in well under a millisecond after warm-up', () => {
    const text = contract(
      'logicalType: string\nrequired: true\nprimaryKey: true\nquality:\n  - metric: nullValues\n    mustBe: 0',
    );
    const doc = loadDocument('orders.odcs.yaml', new TextEncoder().encode(text));
    const detected = detectKind(doc.value, doc.file);
    for (let i = 0; i < 50; i++) validateSchema(doc, detected, { lenient: false });
    const runs = 500;
    const start = performance.now();
    for (let i = 0; i < runs; i++) validateSchema(doc, detected, { lenient: false });
    expect((performance.now() - start) / runs).toBeLessThan(0.5);
  });
});
