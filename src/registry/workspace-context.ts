import path from 'node:path';
import { publishedKey } from '../runtime/port-version.js';
import type { LoadedDocument } from '../spec/load/loaded-document.js';
import type { DataContract } from '../spec/model/data-contract.js';
import type { DataProduct } from '../spec/model/data-product.js';
import type { Mesh } from '../spec/model/mesh.js';
import { analyzeWorkspace, type SourceFile, type ValidationReport } from '../spec/validate/index.js';
import type { DeployBundle } from './deploy-bundle.js';

/** The documents of a bundle as validator input, named `<root>/<path>`. */
export function bundleSources(bundle: DeployBundle): SourceFile[] {
  const encoder = new TextEncoder();
  return bundle.files
    .filter((f) => !f.path.endsWith('.sql'))
    .map((f) => ({ file: path.join(bundle.root, f.path), bytes: encoder.encode(f.content) }));
}

export interface AnalyzedMesh {
  readonly report: ValidationReport;
  readonly products: ReadonlyMap<string, { readonly product: DataProduct; readonly file: string }>;
  readonly contracts: ReadonlyMap<string, DataContract>;
  /** Where each contract came from: its file and the locator of its nodes. */
  readonly contractSources: ReadonlyMap<string, { readonly file: string; readonly doc: LoadedDocument }>;
  /** mesh.yaml, when it parsed. */
  readonly mesh: Mesh | undefined;
  readonly publishers: ReadonlyMap<string, { readonly productId: string; readonly port: string }>;
}

/**
 * Validates bundles together with mesh.yaml, the way `meshplane validate` validates a workspace,
 * and indexes what the runtime needs to resolve products. `report` covers only `reported` files.
 */
export function analyzeBundles(
  meshFiles: readonly SourceFile[],
  bundles: readonly DeployBundle[],
  reported: (file: string) => boolean,
): AnalyzedMesh {
  const { report, entries } = analyzeWorkspace([...meshFiles, ...bundles.flatMap(bundleSources)], {
    report: reported,
  });
  const products = new Map<string, { product: DataProduct; file: string }>();
  const contracts = new Map<string, DataContract>();
  const contractSources = new Map<string, { file: string; doc: LoadedDocument }>();
  let mesh: Mesh | undefined;
  const publishers = new Map<string, { productId: string; port: string }>();
  for (const [file, entry] of entries) {
    if (entry.parsed?.kind === 'DataContract') {
      contracts.set(entry.parsed.model.id, entry.parsed.model);
      contractSources.set(entry.parsed.model.id, { file, doc: entry.doc });
    }
    if (entry.parsed?.kind === 'Mesh') mesh = entry.parsed.model;
    if (entry.parsed?.kind === 'DataProduct')
      products.set(entry.parsed.model.id, { product: entry.parsed.model, file });
  }
  for (const { product } of products.values()) {
    for (const port of product.outputPorts) {
      if (port.contractId !== undefined)
        publishers.set(port.contractId, {
          productId: product.id,
          port: publishedKey(port.name, port.version),
        });
    }
  }
  return { report, products, contracts, contractSources, mesh, publishers };
}
