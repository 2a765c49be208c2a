/**
 * The bundled demo mesh (examples/shop) in a temporary folder, with each stored input port's
 * sample file (`tests/input/<port>.*`) placed where its contract's glob finds it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeProduct } from '../../../src/runtime/index.js';

export const SHOP = fileURLToPath(new URL('../../../examples/shop', import.meta.url));

/** Copies the demo's documents, SQL and samples; not data or state a demo run may have left there. */
export function copyShop(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'meshplane-shop-'));
  const skipped = new Set(['data', '.meshplane']);
  cpSync(SHOP, root, {
    recursive: true,
    filter: (source) =>
      !path
        .relative(SHOP, source)
        .split(path.sep)
        .some((part) => skipped.has(part)),
  });
  return root;
}

/** Copies `tests/input/<port>.<ext>` of every file input port into the folder its glob reads. */
export function placeSampleInputs(products: readonly RuntimeProduct[]): number {
  let placed = 0;
  for (const product of products) {
    const samples = path.join(product.dir, 'tests', 'input');
    if (!existsSync(samples)) continue;
    for (const input of product.inputs) {
      if (input.kind !== 'files') continue;
      const glob = String(input.server.settings.path);
      const sample = readdirSync(samples).find((f) => path.parse(f).name === input.name);
      if (sample === undefined) continue;
      const target = path.join(product.dir, path.dirname(glob));
      mkdirSync(target, { recursive: true });
      cpSync(path.join(samples, sample), path.join(target, `${input.name}${path.extname(glob)}`));
      placed++;
    }
  }
  return placed;
}
