import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listTemplates, loadTemplate } from './list-templates.js';
import { parseProductName } from './names.js';
import { planInputs } from './product-inputs.js';
import { productVariables } from './product-variables.js';
import { renderTemplate } from './render-template.js';
import { bundledTemplatesDir } from './templates-dir.js';

const name = parseProductName('orders/order-lines');
const upstream = {
  port: {
    contractId: 'crm.accounts.accounts.v1',
    productId: 'crm.accounts',
    domain: 'crm',
    port: 'accounts',
    version: '1.0.0',
    productDir: 'domains/crm/accounts',
  },
  contract: undefined,
  sample: 'id,name\n1,a\n',
};

describe('bundled templates', async () => {
  const templates = await listTemplates(bundledTemplatesDir());

  it('are found next to the package root', () => {
    expect(templates.map((t) => t.name)).toEqual(['aggregate', 'batch', 'cdc', 'events']);
    expect(templates.find((t) => t.name === 'aggregate')?.inputs?.min).toBe(1);
  });

  it.each(templates.map((t) => t.name))('%s renders to documents whose references hold', async (template) => {
    const { manifest, files } = await loadTemplate(bundledTemplatesDir(), template);
    const plan = manifest.inputs === undefined ? undefined : planInputs([upstream], name);
    const variables = { ...productVariables(name, 'orders-team', 'Order Lines'), ...plan?.variables };
    const rendered = renderTemplate(files, variables);
    const paths = [...rendered, ...(plan?.files ?? [])].map((f) => f.path);
    expect(paths).toContain('domains/orders/order-lines/product.odps.yaml');
    expect(paths).toContain('domains/orders/order-lines/order_lines.sql');
    expect(paths).toContain('domains/orders/order-lines/tests/expected/order_lines.csv');
    expect(paths).toContain('.github/workflows/orders-order-lines.yml');
    for (const file of rendered) expect(file.text, file.path).not.toMatch(/\{\{(?! (secrets|github)\.)/);

    const docs = rendered
      .filter((f) => /\.(ya?ml)$/.test(f.path))
      .map((f) => ({ path: f.path, value: parse(f.text) }));
    const product = docs.find((d) => d.path.endsWith('.odps.yaml'))?.value;
    expect(product).toMatchObject({
      id: 'orders.order_lines',
      domain: 'orders',
      name: 'order_lines',
      team: { name: 'orders-team' },
    });
    const contractIds = new Set(docs.filter((d) => d.path.endsWith('.odcs.yaml')).map((d) => d.value.id));
    expect(product.outputPorts).toEqual([
      expect.objectContaining({ contractId: 'orders.order_lines.order_lines.v1' }),
    ]);
    for (const p of product.outputPorts) expect(contractIds).toContain(p.contractId);
    for (const p of product.inputPorts) {
      expect(contractIds.has(p.contractId) || p.contractId === upstream.port.contractId, p.contractId).toBe(
        true,
      );
      expect(paths.some((path) => path.startsWith(`domains/orders/order-lines/tests/input/${p.name}.`))).toBe(
        true,
      );
    }
    const workflow = rendered.find((f) => f.path.endsWith('.yml'))?.text ?? '';
    expect(workflow).toContain(`--server \${{ secrets.MESHPLANE_SERVER }}`);
    expect(
      parse(workflow)
        .jobs.product.steps.map((s: { run?: string }) => s.run)
        .filter(Boolean),
    ).toEqual([
      'npm install -g meshplane',
      'meshplane validate domains/orders/order-lines',
      'meshplane test domains/orders/order-lines',
      `meshplane deploy domains/orders/order-lines --server \${{ secrets.MESHPLANE_SERVER }}`,
    ]);
  });
});

describe('listTemplates and loadTemplate', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'meshplane-templates-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('skip folders without template.yaml and name the templates that exist', async () => {
    await mkdir(join(dir, 'docs'));
    await mkdir(join(dir, 'mine', 'product'), { recursive: true });
    await writeFile(join(dir, 'mine', 'template.yaml'), 'kind: Template\nname: mine\ndescription: Mine.\n');
    await writeFile(join(dir, 'mine', 'product', 'x.sql'), 'select 1');
    await writeFile(join(dir, 'mine', 'notes.md'), 'not copied');
    expect((await listTemplates(dir)).map((t) => t.name)).toEqual(['mine']);
    expect((await loadTemplate(dir, 'mine')).files).toEqual([
      { path: '{{productPath}}/x.sql', text: 'select 1' },
    ]);
    await expect(loadTemplate(dir, 'nope')).rejects.toThrow(/no template named 'nope'; available: mine/);
    await expect(loadTemplate(dir, '../mine')).rejects.toThrow(/no template named/);
  });

  it('refuse a manifest whose name is not its folder', async () => {
    await mkdir(join(dir, 'copy'));
    await writeFile(join(dir, 'copy', 'template.yaml'), 'kind: Template\nname: mine\ndescription: Copied.\n');
    await expect(listTemplates(dir)).rejects.toThrow(/'name' must be 'copy'/);
  });
});
