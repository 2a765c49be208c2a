import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import type { RuntimeProduct } from '../runtime/index.js';
import { bundleDigest, type DeployBundle } from './deploy-bundle.js';

/**
 * Points the product's transforms at the SQL carried in its deploy bundle, written once under
 * `<stateDir>/bundles/<product>/<digest>/`. A deployed version therefore runs the SQL it was
 * deployed with, whatever later happens to the files in the author's working tree.
 */
export async function withBundledTransforms(
  product: RuntimeProduct,
  bundle: DeployBundle,
  stateDir: string,
): Promise<RuntimeProduct> {
  const folder = path.join(stateDir, 'bundles', product.id, await bundleDigest(bundle));
  const outputs = [];
  for (const output of product.outputs) {
    if (output.transform === undefined) {
      outputs.push(output);
      continue;
    }
    const relative = path.relative(bundle.root, output.transform).split(path.sep).join('/');
    const file = bundle.files.find((f) => f.path === relative);
    if (file === undefined) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        `output port '${output.name}': the transform ${relative} is not in the deploy (it must be inside the product folder)`,
      );
    }
    const target = path.join(folder, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    outputs.push({ ...output, transform: target, transformName: relative });
  }
  return { ...product, outputs };
}
