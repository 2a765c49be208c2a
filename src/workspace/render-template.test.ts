import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProductName } from './names.js';
import { productVariables } from './product-variables.js';
import { renderTemplate } from './render-template.js';
import { workspacePathOf } from './template-layout.js';

const variables = productVariables(parseProductName('orders/order-lines'), 'orders-team', 'Order Lines');

describe('renderTemplate', () => {
  it('replaces placeholders in paths and texts, with or without inner spaces', () => {
    const [file] = renderTemplate(
      [{ path: '{{productPath}}/{{product}}.sql', text: 'select * from {{ product }}_files -- {{title}}\n' }],
      variables,
    );
    expect(file).toEqual({
      path: 'domains/orders/order-lines/order_lines.sql',
      text: 'select * from order_lines_files -- Order Lines\n',
    });
  });

  it('turns \\{{ into a literal {{ so GitHub expressions survive', () => {
    const [file] = renderTemplate(
      [{ path: 'ci.yml', text: 'run: deploy {{productPath}} --server $\\{{ secrets.MESHPLANE_SERVER }}\n' }],
      variables,
    );
    expect(file?.text).toBe(
      `run: deploy domains/orders/order-lines --server \${{ secrets.MESHPLANE_SERVER }}\n`,
    );
  });

  it('reports every placeholder without a value and writes nothing', () => {
    const files = [
      { path: 'a/{{nope}}.yaml', text: 'x: {{product}}' },
      { path: 'b.yml', text: `y: \${{ secrets.TOKEN }} {{ other }}` },
    ];
    expect(() => renderTemplate(files, variables)).toThrow(
      /\{\{nope\}\}, \{\{ secrets\.TOKEN \}\}, \{\{ other \}\}/,
    );
  });

  it('indents a multi-line value like the line its placeholder starts', () => {
    const template = 'inputPorts:\n  {{inputs}}\noutputPorts: []\n';
    const [file] = renderTemplate([{ path: 'p.yaml', text: template }], {
      inputs: '- name: a\n  version: 1.0.0\n\n- name: b\n  version: 1.0.0',
    });
    expect(file?.text).toBe(
      'inputPorts:\n  - name: a\n    version: 1.0.0\n\n  - name: b\n    version: 1.0.0\noutputPorts: []\n',
    );
    expect(parse(file?.text ?? '')).toEqual({
      inputPorts: [
        { name: 'a', version: '1.0.0' },
        { name: 'b', version: '1.0.0' },
      ],
      outputPorts: [],
    });
  });

  it('does not indent a value that follows other text on its line', () => {
    const [file] = renderTemplate([{ path: 'x.sql', text: '-- {{v}}\n' }], { v: 'a\nb' });
    expect(file?.text).toBe('-- a\nb\n');
  });

  it('refuses paths that render outside the workspace', () => {
    expect(() => renderTemplate([{ path: '{{v}}/x', text: '' }], { v: '..' })).toThrow(
      /outside the workspace/,
    );
    expect(() => renderTemplate([{ path: '/{{v}}', text: '' }], { v: 'etc' })).toThrow(
      /outside the workspace/,
    );
    expect(() => renderTemplate([{ path: '{{v}}', text: '' }], { v: '' })).toThrow(/outside the workspace/);
  });

  it('normalizes redundant separators in rendered paths', () => {
    expect(renderTemplate([{ path: './a//{{v}}/b', text: '' }], { v: '.' })[0]?.path).toBe('a/b');
  });
});

describe('workspacePathOf', () => {
  it('puts product/ in the product folder and workspace/ at the root; skips the rest', () => {
    expect(workspacePathOf('product/tests/input/x.csv')).toBe('{{productPath}}/tests/input/x.csv');
    expect(workspacePathOf('workspace/.github/workflows/x.yml')).toBe('.github/workflows/x.yml');
    expect(workspacePathOf('template.yaml')).toBeUndefined();
    expect(workspacePathOf('notes/readme.md')).toBeUndefined();
  });
});
