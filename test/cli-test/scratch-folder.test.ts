/**
 * The scratch folder of `testProduct`: made under the given temp folder, removed after a run that
 * passed, failed or was cancelled; the workspace itself is never written.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import { testProduct } from '../../src/testing/index.js';
import { type ScaffoldedProduct, type ScaffoldedWorkspace, scaffoldWorkspace } from './scaffold.js';

let ws: ScaffoldedWorkspace;
let product: ScaffoldedProduct;
const temp = mkdtempSync(path.join(tmpdir(), 'meshplane-scratch-parent-'));
beforeAll(async () => {
  // Glob and quoting characters in the workspace's path must not confuse the files port.
  ws = await scaffoldWorkspace("it's [a] *mesh*");
  product = await ws.scaffold('sales/orders', 'batch');
});
afterAll(() => {
  ws?.remove();
  rmSync(temp, { recursive: true, force: true });
});

const options = () => ({
  productDir: path.join(ws.root, product.path),
  workspaceRoot: ws.root,
  tempDir: temp,
});

describe('testProduct scratch folder', () => {
  it('runs in a scratch folder it removes after a passing run, and reports progress', async () => {
    const steps: string[] = [];
    const report = await testProduct({
      ...options(),
      onProgress: (p) => steps.push(`${p.step}:${p.port ?? ''}`),
    });
    expect(report.passed).toBe(true);
    expect(steps).toEqual([
      'load:',
      'ingest:orders_files',
      'transform:orders',
      'compare:orders',
      'quality:orders',
    ]);
    expect(readdirSync(temp)).toEqual([]);
    expect(existsSync(path.join(ws.root, '.meshplane'))).toBe(false);
  });

  it('removes it after a failing run', async () => {
    product.edit('orders.sql', 'trim(name) as name', 'trim(nmae) as name');
    try {
      const report = await testProduct(options());
      expect(report.passed).toBe(false);
      expect(report.outputs[0]?.status).toBe('failed');
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      product.edit('orders.sql', 'trim(nmae) as name', 'trim(name) as name');
    }
  });

  it('removes it when cancelled, and rejects with a cancelled error', async () => {
    const error = await testProduct({ ...options(), signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).details?.cancelled).toBe(true);
    expect(readdirSync(temp)).toEqual([]);
  });
});
