import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The bundled demo mesh. */
export const SHOP_DIR = path.resolve(import.meta.dirname, '../../examples/shop');

/**
 * A private copy of examples/shop in a temporary folder, without any generated `data/` folders,
 * so tests never write into the repository and never see someone's earlier generation.
 */
export async function copyShop(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'meshplane-demo-test-'));
  const dir = path.join(root, 'shop');
  await cp(SHOP_DIR, dir, {
    recursive: true,
    filter: (source) => !path.relative(SHOP_DIR, source).split(path.sep).includes('data'),
  });
  return dir;
}

/** Removes a copy made by copyShop. */
export async function removeShop(dir: string): Promise<void> {
  await rm(path.dirname(dir), { recursive: true, force: true });
}
