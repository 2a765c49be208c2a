import path from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import { DEFAULT_LOAD_LIMITS } from '../spec/load/limits.js';
import type { DataContract } from '../spec/model/data-contract.js';
import type { DataProduct } from '../spec/model/data-product.js';
import { analyzeWorkspace, type ValidationReport } from '../spec/validate/index.js';
import { listDocumentFiles, readBounded } from '../workspace/read-documents.js';
import { publishedKey } from './port-version.js';
import { type MeshLookup, resolveProduct } from './resolve-product.js';
import type { RuntimeProduct } from './runtime-product.js';

/** A workspace's products, ready to run, and what kept the others from being so. */
export interface LoadedMesh {
  readonly root: string;
  readonly products: readonly RuntimeProduct[];
  /** One line per product that could not be resolved (its id and why). */
  readonly problems: readonly string[];
  readonly report: ValidationReport;
}

/**
 * Reads every document of the workspace at `root`, validates them (the same check as `meshplane
 * validate`) and resolves each product whose documents are valid. A product with an invalid
 * document, or a port that does not resolve, is left out and listed in `problems`.
 */
export async function loadMesh(root: string): Promise<LoadedMesh> {
  const absolute = path.resolve(root);
  const files = await listDocumentFiles(absolute);
  const sources = await Promise.all(files.map((f) => readBounded(f, f, DEFAULT_LOAD_LIMITS.maxBytes)));
  const { report, entries } = analyzeWorkspace(sources);
  const invalid = new Set(report.files.filter((f) => !f.valid).map((f) => f.file));

  const contracts = new Map<string, DataContract>();
  const contractFiles = new Map<string, string>();
  const products: { product: DataProduct; file: string }[] = [];
  for (const [file, entry] of entries) {
    if (entry.parsed?.kind === 'DataContract') {
      contracts.set(entry.parsed.model.id, entry.parsed.model);
      contractFiles.set(entry.parsed.model.id, file);
    }
    if (entry.parsed?.kind === 'DataProduct') products.push({ product: entry.parsed.model, file });
  }
  const publishers = new Map<string, { productId: string; port: string }>();
  for (const { product } of products) {
    for (const port of product.outputPorts) {
      if (port.contractId !== undefined)
        publishers.set(port.contractId, {
          productId: product.id,
          port: publishedKey(port.name, port.version),
        });
    }
  }
  const lookup: MeshLookup = { contract: (id) => contracts.get(id), publisher: (id) => publishers.get(id) };

  const resolved: RuntimeProduct[] = [];
  const problems: string[] = [];
  for (const { product, file } of products) {
    const ids = [...product.inputPorts, ...product.outputPorts].flatMap((p) => p.contractId ?? []);
    const broken = [file, ...ids.flatMap((id) => contractFiles.get(id) ?? [])].find((f) => invalid.has(f));
    if (broken !== undefined) {
      problems.push(`${product.id}: ${broken} has validation errors (run meshplane validate)`);
      continue;
    }
    try {
      resolved.push(resolveProduct(product, path.dirname(file), lookup));
    } catch (error) {
      if (!(error instanceof MeshplaneError)) throw error;
      problems.push(error.message);
    }
  }
  resolved.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { root: absolute, products: resolved, problems, report };
}
