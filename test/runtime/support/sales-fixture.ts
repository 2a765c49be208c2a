/** A fresh sales mesh per test, with helpers to run sales.orders and read its tables. */
import { afterEach, beforeEach } from 'vitest';
import type { PortIngestResult } from '../../../src/ports/files/index.js';
import type { ProductRunResult } from '../../../src/runtime/index.js';
import { salesMesh } from './sales-mesh.js';
import { makeWorkspace, openMesh, removeWorkspace, type TestMesh } from './workspace.js';

export interface SalesFixture {
  mesh(): TestMesh;
  root(): string;
  rows(sql: string): ReturnType<TestMesh['runtime']['hub']['query']>;
  run(): Promise<ProductRunResult>;
  portResult(result: ProductRunResult, port: string): PortIngestResult;
}

/** Registers beforeEach / afterEach hooks; call at the top of a test file. */
export function useSalesMesh(): SalesFixture {
  let mesh: TestMesh | undefined;
  beforeEach(async () => {
    mesh = await openMesh(makeWorkspace(salesMesh()));
  });
  afterEach(async () => {
    if (mesh === undefined) return;
    await mesh.runtime.close();
    removeWorkspace(mesh.root);
    mesh = undefined;
  });
  const current = (): TestMesh => {
    if (mesh === undefined) throw new Error('no mesh: use inside a test');
    return mesh;
  };
  return {
    mesh: current,
    root: () => current().root,
    rows: (sql) => current().runtime.hub.query(sql),
    run: () => current().runtime.runProduct(current().product('sales.orders'), { trigger: 'manual' }),
    portResult(result, port) {
      const found = result.ingests.find((i) => i.port === port);
      if (found?.result === undefined)
        throw new Error(`no ingest result for ${port}: ${JSON.stringify(found)}`);
      return found.result;
    },
  };
}
