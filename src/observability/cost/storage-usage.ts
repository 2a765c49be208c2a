/** What a product's storage takes on disk: its DuckDB file and the file's write-ahead log. */
import { stat } from 'node:fs/promises';
import type { ProductStorage } from './cost-report.js';

/** A deployed product as cost accounting sees it. */
export interface CostProduct {
  readonly id: string;
  readonly domain: string;
  /** The product's DuckDB file; its WAL is the same path with `.wal` appended. */
  readonly file: string;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    // Not created yet (a WAL exists only between checkpoints): nothing stored.
    return 0;
  }
}

/**
 * Bytes of the product's file and WAL on disk. DuckDB reuses the blocks of deleted rows but does
 * not shrink its file, so deleting data frees room for new data without lowering this number.
 */
export async function productStorage(product: CostProduct): Promise<ProductStorage> {
  const [fileBytes, walBytes] = await Promise.all([sizeOf(product.file), sizeOf(`${product.file}.wal`)]);
  return { productId: product.id, domain: product.domain, fileBytes, walBytes };
}
