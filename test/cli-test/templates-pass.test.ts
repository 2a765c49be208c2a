/**
 * The promise of templates/README.md: every bundled template, scaffolded with `meshplane new`,
 * passes `meshplane test` as scaffolded. Also the demo mesh's products, which read each other.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.js';
import { type ScaffoldedWorkspace, scaffoldWorkspace } from './scaffold.js';

let ws: ScaffoldedWorkspace;
beforeAll(async () => {
  ws = await scaffoldWorkspace();
});
afterAll(() => ws?.remove());

describe('meshplane test on every bundled template, as scaffolded', () => {
  it.each([
    ['batch', 'orders/order-lines', 'order_lines_files (files): 5 rows', 'order_lines: 4 rows'],
    ['events', 'orders/order-events', 'order_events_events (http-push): 5 rows', 'order_events: 4 rows'],
    ['cdc', 'crm/accounts', 'accounts_cdc (postgres-cdc): 4 rows', 'accounts: 3 rows'],
  ])('passes the %s template', async (template, ref, ingested, built) => {
    const product = await ws.scaffold(ref, template);
    const result = await run(['test', product.path], ws.root);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(`  ok    validate   3 documents`);
    expect(result.stdout).toContain(`  ok    ingest     ${ingested} from ${product.path}/tests/input/`);
    expect(result.stdout).toContain(`  ok    transform  ${built}`);
    expect(result.stdout).toMatch(
      new RegExp(`ok {4}expected {3}${product.name}: \\d+ rows as in ${product.path}/tests/expected/`),
    );
    expect(result.stdout).toContain(`  ok    quality    ${product.name}: passed`);
    expect(result.stdout).not.toContain('FAIL');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      `passed: ${ref.replace('/', '.').replaceAll('-', '_')}`,
    );
  });

  it('passes the aggregate template over two of them, whose samples it copied', async () => {
    const product = await ws.scaffold('sales/overview', 'aggregate', [
      '--input',
      'orders.order_lines.order_lines.v1',
      '--input',
      'crm.accounts.accounts.v1',
    ]);
    const result = await run(['test', product.path], ws.root);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('  ok    ingest     order_lines (product): 4 rows');
    expect(result.stdout).toContain('  ok    ingest     accounts (product): 3 rows');
    expect(result.stdout).toContain('  ok    expected   overview: 2 rows as in');
  });

  it('writes nothing in the workspace: the run happened in a scratch folder', () => {
    expect(existsSync(path.join(ws.root, '.meshplane'))).toBe(false);
    expect(existsSync(path.join(ws.root, 'domains', 'orders', 'order-lines', 'data'))).toBe(false);
  });

  it('runs from inside the product folder, and takes its product.odps.yaml too', async () => {
    const inside = await run(['test'], path.join(ws.root, 'domains', 'crm', 'accounts'));
    expect(inside.code, inside.stdout).toBe(0);
    expect(inside.stdout).toContain('test crm.accounts (.)');
    const file = await run(['test', 'domains/crm/accounts/product.odps.yaml'], ws.root);
    expect(file.code, file.stdout).toBe(0);
  });

  it('shows progress on standard error on a terminal, as one line it clears at the end', async () => {
    const result = await run(['test', 'domains/crm/accounts'], ws.root, true);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('running the transform of accounts');
    expect(result.stderr.endsWith('\r\u001b[K')).toBe(true);
    // A terminal may get colours (picocolors turns them on where CI is set): compare the text.
    expect(stripVTControlCharacters(result.stdout)).toContain('  ok    transform  accounts: 3 rows');
  });

  it('prints one JSON report with --format json', async () => {
    const result = await run(['test', 'domains/orders/order-lines', '--format', 'json'], ws.root);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      productId: 'orders.order_lines',
      dir: 'domains/orders/order-lines',
      passed: true,
      validation: { summary: { errors: 0 } },
      inputs: [
        {
          port: 'order_lines_files',
          kind: 'files',
          sample: 'domains/orders/order-lines/tests/input/order_lines_files.csv',
          status: 'passed',
          rowsAccepted: 5,
          rowsRejected: 0,
          rejected: [],
        },
      ],
      outputs: [
        {
          port: 'order_lines',
          status: 'succeeded',
          rows: 4,
          expected: {
            status: 'equal',
            file: 'domains/orders/order-lines/tests/expected/order_lines.csv',
            rows: 4,
          },
        },
      ],
      quality: {
        productId: 'orders.order_lines',
        reports: [{ key: 'order_lines', trigger: 'test', state: 'passed', counts: { passed: 5, failed: 0 } }],
        withoutRules: [],
      },
    });
  });
});

describe('meshplane test on the demo mesh', () => {
  const shop = fileURLToPath(new URL('../../examples/shop', import.meta.url));

  it.each(['orders/orders', 'customers/customer-360', 'inventory/stock-levels'])(
    'passes %s, inputs from files and from other products alike',
    async (ref) => {
      const result = await run(['test', `domains/${ref}`], shop);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/ok {4}expected {3}/);
    },
  );
});
