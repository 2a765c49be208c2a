/**
 * `meshplane test` failing for each reason it can fail, naming what is wrong and where, with the
 * exit codes of src/errors: 1 for a finding, 2 for input it cannot work with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.js';
import { type ScaffoldedWorkspace, scaffoldWorkspace } from './scaffold.js';

let ws: ScaffoldedWorkspace;
beforeAll(async () => {
  ws = await scaffoldWorkspace();
});
afterAll(() => ws?.remove());

const HEADER = 'id,name,status,contact_email,amount,currency,updated_at';

describe('expected rows', () => {
  it('compares values by the output contract types: order, column order and spelling do not matter', async () => {
    const product = await ws.scaffold('sales/spelled', 'batch');
    product.write(
      'tests/expected/spelled.csv',
      [
        'updated_at,id,name,status,contact_email,amount,currency',
        // The same instant with an offset; 42.1 is 42.10 as DECIMAL(12,2); an empty cell is NULL.
        '2025-01-07T12:20:00+01:00,R-1004,Tailspin Toys,active,sales@tailspin.example,42.1,GBP',
        '2025-01-07T08:30:00Z,R-1001,Northwind Traders,active,orders@northwind.example,1310.250,EUR',
        '2025-01-06 10:02:00,R-1002,Contoso Ltd,active,buyer@contoso.example,87.5,USD',
        '2025-01-05 16:45:00,R-1003,Fabrikam Inc,inactive,,0,EUR',
        '',
      ].join('\n'),
    );
    const result = await run(['test', product.path], ws.root);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('  ok    expected   spelled: 4 rows as in');
  });

  it('fails with exit 1 naming missing, extra and changed rows by primary key', async () => {
    const product = await ws.scaffold('sales/broken', 'batch');
    product.write(
      'tests/expected/broken.csv',
      [
        HEADER,
        'R-1001,Northwind Traders,active,orders@northwind.example,1300.00,EUR,2025-01-07 08:30:00',
        'R-1002,Contoso Ltd,active,buyer@contoso.example,87.50,USD,2025-01-06 10:02:00',
        'R-1003,Fabrikam Inc,inactive,,0.00,EUR,2025-01-05 16:45:00',
        'R-1005,Wide World Importers,active,,10.00,EUR,2025-01-08 09:00:00',
        '',
      ].join('\n'),
    );
    const result = await run(['test', product.path], ws.root);
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toContain(
      `  FAIL  expected   broken: ${product.path}/tests/expected/broken.csv: 1 missing row, 1 extra row, 1 changed row (rows matched on id)`,
    );
    expect(out).toContain('changed  id=R-1001: amount expected 1300.00, got 1310.25');
    expect(out).toContain(
      'extra    id=R-1004, name="Tailspin Toys", status=active, contact_email=sales@tailspin.example, amount=42.10, currency=GBP, updated_at="2025-01-07 11:20:00"',
    );
    expect(out).toContain(
      'missing  id=R-1005, name="Wide World Importers", status=active, contact_email=NULL',
    );
    // The rows the transform built are still fine: only the comparison fails.
    expect(out).toContain('  ok    transform  broken: 4 rows');
    expect(out).toContain('  ok    quality    broken: passed');
    expect(out.trimEnd().split('\n').at(-1)).toBe('FAILED: sales.broken, 1 step failed');
  });

  it('names the columns an expected file lacks or adds, and cells that are not of their type', async () => {
    const product = await ws.scaffold('sales/columns', 'batch');
    product.write(
      'tests/expected/columns.csv',
      [
        'id,name,status,contact_email,amount,updated_at,note',
        'R-1001,Northwind Traders,active,orders@northwind.example,lots,2025-01-07 08:30:00,x',
        '',
      ].join('\n'),
    );
    const result = await run(['test', product.path, '--format', 'json'], ws.root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.passed).toBe(false);
    const expected = report.outputs[0].expected;
    expect(expected).toMatchObject({
      status: 'different',
      missingColumns: ['currency'],
      extraColumns: ['note'],
      invalidCells: [{ row: 1, column: 'amount', value: 'lots', sqlType: 'DECIMAL(12,2)' }],
      rows: { key: ['id'], missingRows: 0, extraRows: 3, changedRows: 1 },
    });
    expect(expected.rows.differences[0]).toEqual({
      kind: 'changed',
      key: { id: 'R-1001' },
      cells: [{ column: 'amount', expected: null, actual: '1310.25' }],
    });
  });
});

describe('sample input', () => {
  it('fails with exit 1 naming each rejected row and why, and the rows still load', async () => {
    const product = await ws.scaffold('sales/rejects', 'batch');
    const input = product.read('tests/input/rejects_files.csv');
    product.write(
      'tests/input/rejects_files.csv',
      `${input.trimEnd()}\nR-1005,Wide World,active,ww@example.com,abc,EUR,2025-01-08 09:00:00\nR-1006,,active,,1.00,EUR,2025-01-08 09:00:00\n`,
    );
    const result = await run(['test', product.path], ws.root);
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toContain(
      `  FAIL  ingest     rejects_files (files): 5 accepted, 2 rejected by the input contract, from ${product.path}/tests/input/rejects_files.csv`,
    );
    expect(out).toContain("row 6: amount: 'abc' is not a valid DECIMAL(12,2)");
    expect(out).toContain('row 7: name: a value is required');
    expect(out).toContain('"id":"R-1005"');
    expect(out).toContain('  ok    expected   rejects: 4 rows as in');
  });

  it('fails with exit 2 naming the file a port without a sample needs', async () => {
    const product = await ws.scaffold('sales/nosample', 'batch');
    product.remove('tests/input/nosample_files.csv');
    const result = await run(['test', product.path], ws.root);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `input port nosample_files has no sample file: expected ${product.path}/tests/input/nosample_files.csv or ${product.path}/tests/input/nosample_files.ndjson`,
    );
  });

  it('fails a sample file that cannot be parsed', async () => {
    const product = await ws.scaffold('sales/garbled', 'events');
    product.write('tests/input/garbled_events.ndjson', '{"event_id": "a", \nnot json at all\n');
    const result = await run(['test', product.path], ws.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  FAIL  ingest     garbled_events (http-push): the file could not be read:',
    );
    // The message names the user's file, not the scratch copy the run read.
    expect(result.stdout).toContain(
      `Malformed JSON in file "${product.path}/tests/input/garbled_events.ndjson"`,
    );
    expect(result.stdout).not.toContain('meshplane-test-');
  });
});

describe('quality rules', () => {
  it('fails with exit 1 when a rule of severity error fails on the sample', async () => {
    const product = await ws.scaffold('crm/strict', 'cdc');
    product.edit('strict.odcs.yaml', 'mustBeGreaterThan: 0', 'mustBeGreaterThan: 10');
    const result = await run(['test', product.path], ws.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  FAIL  quality    strict: failed (4 passed, 1 failed');
    expect(result.stdout).toContain('FAILED   strict.rowCount  [error]');
    expect(result.stdout).toContain('measured 3 rows, mustBeGreaterThan 10');
    expect(result.stdout).toContain('  ok    expected   strict: 3 rows as in');
  });

  it('passes with a warning when only a rule of severity warning fails', async () => {
    const product = await ws.scaffold('crm/lenient', 'events');
    product.edit('lenient.odcs.yaml', 'mustBeGreaterThan: 0', 'mustBeGreaterThan: 100');
    const result = await run(['test', product.path], ws.root);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('  ok    quality    lenient: warning (4 passed, 1 failed');
  });
});

describe('documents and SQL', () => {
  it('stops with the validation diagnostics and exit 1 when a document is invalid', async () => {
    const product = await ws.scaffold('sales/invalid', 'batch');
    product.edit('invalid.odcs.yaml', 'physicalType: VARCHAR', 'physicalTyp: VARCHAR');
    const result = await run(['test', product.path], ws.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${product.path}/invalid.odcs.yaml:`);
    expect(result.stdout).toContain('schema-unknown-property');
    expect(result.stderr).toContain('test stopped: the product does not validate');
    const json = await run(['test', product.path, '--format', 'json'], ws.root);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ passed: false, validation: { summary: { errors: 1 } } });
  });

  it('fails with exit 1 naming the SQL file and line when a transform fails', async () => {
    const product = await ws.scaffold('sales/badsql', 'batch');
    product.edit('badsql.sql', 'trim(name) as name', 'trim(nmae) as name');
    const result = await run(['test', product.path], ws.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /FAIL {2}transform {2}badsql: failed: sales\.badsql\/badsql: transform badsql\.sql failed at line 7/,
    );
    expect(result.stdout).toContain('nmae');
    expect(result.stdout).toContain('  FAIL  expected   badsql: not compared with');
    expect(result.stdout).not.toContain('quality    badsql');
    expect(result.stdout).not.toContain('no output ports to check');
    // The engine's second line is indented under the step, not at the margin.
    expect(result.stdout).toMatch(/\n {19}Candidate bindings:/);
  });

  it('fails with exit 2 on a folder that holds no product', async () => {
    const result = await run(['test', 'domains'], ws.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('domains: no data product descriptor (*.odps.yaml) in this folder');
    const missing = await run(['test', 'domains/nothing-here'], ws.root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder: domains/nothing-here');
  });
});
