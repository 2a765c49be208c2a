import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CliIo } from '../src/cli/cli-io.js';
import { main } from '../src/cli/main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-scaffold-'));
const workspace = path.join(dir, 'shop');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process, as `meshplane <args>` started in `cwd`, and captures its output. */
async function run(args: readonly string[], cwd = workspace) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
    isTTY: false,
  };
  const code = await main(['node', 'meshplane', ...args], io);
  return { code, stdout, stderr };
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('meshplane init', () => {
  it('creates a workspace with an example domain and team, and says what to do next', async () => {
    const result = await run(['init', 'shop', '--name', 'shop'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(filesUnder(workspace)).toEqual([
      '.gitignore',
      'README.md',
      'domains/sales/domain.yaml',
      'mesh.yaml',
    ]);
    const mesh = parse(readFileSync(path.join(workspace, 'mesh.yaml'), 'utf8'));
    expect(mesh).toMatchObject({ apiVersion: 'meshplane/v1', kind: 'Mesh', name: 'shop' });
    expect(mesh.domains).toEqual([expect.objectContaining({ name: 'sales', ownerTeam: 'sales-team' })]);
    expect(readFileSync(path.join(workspace, '.gitignore'), 'utf8')).toContain('.meshplane/');
    expect(result.stdout).toContain('Next steps:');
    expect(result.stdout).toContain('cd shop');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('refuses a folder that already has a mesh.yaml', async () => {
    const result = await run(['init', '.'], workspace);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/already a workspace: it has a mesh\.yaml/);
  });

  it('keeps an existing README.md and adds .meshplane/ to an existing .gitignore', async () => {
    const repo = path.join(dir, 'repo');
    await run(['init', repo, '--name', 'repo'], dir);
    rmSync(path.join(repo, 'mesh.yaml'));
    writeFileSync(path.join(repo, 'README.md'), '# mine\n');
    writeFileSync(path.join(repo, '.gitignore'), 'node_modules/');
    rmSync(path.join(repo, 'domains'), { recursive: true });
    const result = await run(['init'], repo);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(repo, 'README.md'), 'utf8')).toBe('# mine\n');
    expect(readFileSync(path.join(repo, '.gitignore'), 'utf8')).toBe('node_modules/\n.meshplane/\n');
    expect(parse(readFileSync(path.join(repo, 'mesh.yaml'), 'utf8')).name).toBe('repo');
  });

  it('refuses a bad mesh name with exit code 2', async () => {
    const result = await run(['init', 'other', '--name', 'My Mesh'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("did you mean 'my-mesh'?");
    expect(existsSync(path.join(dir, 'other', 'mesh.yaml'))).toBe(false);
  });
});

describe('meshplane templates', () => {
  it('lists the templates with their descriptions', async () => {
    const result = await run(['templates']);
    expect(result.code).toBe(0);
    for (const name of ['aggregate', 'batch', 'cdc', 'events'])
      expect(result.stdout).toMatch(new RegExp(`^${name} +\\S`, 'm'));
  });

  it('lists them as JSON', async () => {
    const result = await run(['templates', '--format', 'json']);
    expect(result.code).toBe(0);
    const templates = JSON.parse(result.stdout) as { name: string; description: string }[];
    expect(templates.map((t) => t.name)).toEqual(['aggregate', 'batch', 'cdc', 'events']);
    expect(templates.every((t) => t.description.length > 10)).toBe(true);
  });

  it('refuses an unknown format with exit code 2', async () => {
    expect((await run(['templates', '--format', 'xml'])).code).toBe(2);
  });
});

describe('meshplane new', () => {
  const product = (folder: string) => path.join(workspace, 'domains', folder);

  it.each([
    ['batch', 'orders/order-lines', ['order_lines_files.odcs.yaml', 'tests/input/order_lines_files.csv']],
    [
      'events',
      'orders/order-events',
      ['order_events_events.odcs.yaml', 'tests/input/order_events_events.ndjson'],
    ],
    ['cdc', 'crm/accounts', ['accounts_cdc.odcs.yaml', 'tests/input/accounts_cdc.csv']],
  ])('scaffolds a %s product', async (template, ref, inputs) => {
    const [domain = '', folder = ''] = ref.split('/');
    const snake = folder.replaceAll('-', '_');
    const result = await run(['new', ref, '--template', template], path.join(workspace, 'domains'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(filesUnder(product(ref))).toEqual(
      [
        'product.odps.yaml',
        `${snake}.odcs.yaml`,
        `${snake}.sql`,
        `tests/expected/${snake}.csv`,
        ...inputs,
      ].sort(),
    );
    expect(existsSync(path.join(workspace, '.github', 'workflows', `${domain}-${folder}.yml`))).toBe(true);
    const odps = parse(readFileSync(path.join(product(ref), 'product.odps.yaml'), 'utf8'));
    expect(odps).toMatchObject({
      id: `${domain}.${snake}`,
      domain,
      name: snake,
      team: { name: 'sales-team' },
    });
    expect(result.stdout).toContain(`meshplane test domains/${ref}`);
  });

  it('adds a new domain to mesh.yaml, keeping its comments, and says so', async () => {
    const text = readFileSync(path.join(workspace, 'mesh.yaml'), 'utf8');
    expect(text).toContain('# An example team');
    const domains = parse(text).domains as { name: string; ownerTeam: string }[];
    expect(domains.map((d) => [d.name, d.ownerTeam])).toEqual([
      ['sales', 'sales-team'],
      ['orders', 'sales-team'],
      ['crm', 'sales-team'],
    ]);
  });

  it('scaffolds an aggregate over another product, with its sample as test input', async () => {
    const result = await run([
      'new',
      'sales/order-summary',
      '--template',
      'aggregate',
      '--input',
      'orders.order_lines.order_lines.v1',
      '--title',
      'Order summary',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const odps = parse(readFileSync(path.join(product('sales/order-summary'), 'product.odps.yaml'), 'utf8'));
    expect(odps.inputPorts).toEqual([
      { name: 'order_lines', version: '1.0.0', contractId: 'orders.order_lines.order_lines.v1' },
    ]);
    expect(odps.description.purpose).toContain('Order summary');
    expect(
      readFileSync(path.join(product('sales/order-summary'), 'tests/input/order_lines.csv'), 'utf8'),
    ).toBe(readFileSync(path.join(product('orders/order-lines'), 'tests/expected/order_lines.csv'), 'utf8'));
    expect(
      readFileSync(path.join(product('sales/order-summary'), 'tests/expected/order_summary.csv'), 'utf8'),
    ).toBe('input_port,contract_id,row_count\norder_lines,orders.order_lines.order_lines.v1,4\n');
    expect(result.stdout).not.toContain('was not in mesh.yaml');
  });

  it('fails an aggregate without --input with exit code 2, listing the output ports', async () => {
    const result = await run(['new', 'sales/nothing', '--template', 'aggregate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs at least 1 --input');
    expect(result.stderr).toContain('orders.order_lines.order_lines.v1');
    expect(result.stderr).toContain('crm.accounts.accounts.v1');
    expect(existsSync(product('sales/nothing'))).toBe(false);
  });

  it('refuses to scaffold a product again with exit code 2', async () => {
    const before = filesUnder(workspace).map((f) => [f, readFileSync(path.join(workspace, f), 'utf8')]);
    const result = await run(['new', 'orders/order-lines', '--template', 'batch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "a product with id 'orders.order_lines' already exists in domains/orders/order-lines",
    );
    expect(filesUnder(workspace).map((f) => [f, readFileSync(path.join(workspace, f), 'utf8')])).toEqual(
      before,
    );
  });

  it('refuses to overwrite any existing file with exit code 2, and writes nothing', async () => {
    const sql = path.join(product('orders/order-lines'), 'order_lines.sql');
    writeFileSync(sql, '-- edited by hand\nselect 1\n');
    rmSync(path.join(product('orders/order-lines'), 'product.odps.yaml'));
    const before = filesUnder(workspace);
    const result = await run(['new', 'orders/order-lines', '--template', 'batch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refusing to overwrite existing files (nothing was written)');
    expect(result.stderr).toContain('domains/orders/order-lines/order_lines.sql');
    expect(result.stderr).toContain('.github/workflows/orders-order-lines.yml');
    expect(filesUnder(workspace)).toEqual(before);
    expect(readFileSync(sql, 'utf8')).toBe('-- edited by hand\nselect 1\n');
  });

  it('refuses the same product id under another spelling', async () => {
    const result = await run(['new', 'orders/order_events', '--template', 'batch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "a product with id 'orders.order_events' already exists in domains/orders/order-events",
    );
  });

  it.each([
    ['Orders/lines', "invalid domain 'Orders'"],
    ['orders/Order Lines', "invalid product name 'Order Lines'"],
    ['order-lines', 'is not DOMAIN/PRODUCT'],
  ])('refuses the bad name %s with exit code 2 and a clear message', async (ref, message) => {
    const result = await run(['new', ref, '--template', 'batch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses an unknown template, naming the available ones', async () => {
    const result = await run(['new', 'orders/x', '--template', 'stream']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no template named 'stream'; available: aggregate, batch, cdc, events");
  });

  it('needs --template', async () => {
    expect((await run(['new', 'orders/x'])).code).toBe(2);
  });

  it('finds the workspace from a sub-folder, or takes --workspace, or says how to make one', async () => {
    const outside = await run(['new', 'orders/x', '--template', 'batch'], dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('run `meshplane init` first, or pass --workspace DIR');
    const explicit = await run(['new', 'orders/refunds', '--template', 'batch', '--workspace', 'shop'], dir);
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(explicit.stdout).toContain('shop/domains/orders/refunds/product.odps.yaml');
  });
});
