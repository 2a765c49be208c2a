import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import { DEFAULT_BAD_ROW_RATE, DEFAULT_SEED } from './defaults.js';
import { findFileInputs, type SkippedInput } from './input-contracts.js';
import { ParquetConverter } from './parquet-converter.js';
import type { GenerateProgress } from './progress.js';
import { resolveScale, type ScalePlan, type ShopScale } from './scale.js';
import { DEFAULT_REFERENCE_DATE, parseReferenceDate } from './shop-calendar.js';
import { createShopWorld } from './shop-world.js';
import { SHOP_SOURCES } from './sources/shop-sources.js';
import { isoTimestamp } from './time-format.js';
import { type SourceReport, writeSource } from './write-source.js';

export interface GenerateShopDataOptions {
  /** The workspace folder (the one holding mesh.yaml), e.g. `examples/shop`. */
  readonly workspaceDir: string;
  /** `small` (the default: about 1,000 customers, 5,000 orders, 15,000 order lines), `medium` (×10), `large` (×100), or a number of order lines. */
  readonly scale?: ShopScale;
  /** Same seed and options, same bytes. Default 1. */
  readonly seed?: number;
  /** The demo's "now" (ISO 8601): orders fall in the 365 days before it. Default 2026-01-01T00:00:00Z. */
  readonly referenceDate?: string;
  /** Share of rows broken on purpose, from 0 to 0.5. Default 0.005. */
  readonly badRowRate?: number;
  readonly onProgress?: (progress: GenerateProgress) => void;
  /** Stops generation between chunks; the file being written is removed. */
  readonly signal?: AbortSignal;
}

export interface GenerateShopDataResult {
  readonly scale: ScalePlan;
  readonly seed: number;
  readonly referenceDate: string;
  /** One report per input contract written, in contract file order. */
  readonly sources: readonly SourceReport[];
  /** Input contracts with local files that no generator fills or that cannot be written. */
  readonly skipped: readonly SkippedInput[];
  readonly totalRows: number;
}

function checkOptions(options: GenerateShopDataOptions): { seed: number; badRowRate: number } {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new MeshplaneError('INVALID_INPUT', `seed must be an integer, not '${String(options.seed)}'`);
  }
  const badRowRate = options.badRowRate ?? DEFAULT_BAD_ROW_RATE;
  if (!(badRowRate >= 0 && badRowRate <= 0.5)) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `bad row rate must be from 0 to 0.5, not '${String(badRowRate)}'`,
    );
  }
  return { seed, badRowRate };
}

/**
 * Writes the source files the demo mesh's input contracts point at: for every contract with a
 * `local` server, the files its path glob matches, relative to its product folder, in its format
 * (CSV, NDJSON or Parquet) and columns. The data tells one consistent story across the domains
 * (orders reference customers, lines reference orders and stocked SKUs, parcels reference orders),
 * respects the contracts' rules except in a small share of deliberately bad rows, and is the same
 * byte for byte for the same seed, scale and reference date. Rows are streamed to disk: memory does
 * not grow with the scale.
 */
export async function generateShopData(options: GenerateShopDataOptions): Promise<GenerateShopDataResult> {
  const { seed, badRowRate } = checkOptions(options);
  const scale = resolveScale(options.scale ?? 'small');
  const referenceMs = parseReferenceDate(options.referenceDate ?? DEFAULT_REFERENCE_DATE);
  const workspaceDir = path.resolve(options.workspaceDir);
  const info = await stat(workspaceDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new MeshplaneError('INVALID_INPUT', `no such folder: ${workspaceDir}`);

  const { inputs, skipped } = await findFileInputs(workspaceDir);
  const known = inputs.filter((input) => SHOP_SOURCES.has(input.table.physicalName));
  const unknown = inputs
    .filter((input) => !SHOP_SOURCES.has(input.table.physicalName))
    .map((input) => ({
      contractId: input.contract.id,
      reason: `no generator for table '${input.table.physicalName}'`,
    }));
  if (known.length === 0) {
    throw new MeshplaneError(
      'NOT_FOUND',
      `no input contract under ${workspaceDir} has a local file server for a table the shop generator fills (${[...SHOP_SOURCES.keys()].join(', ')})`,
    );
  }

  const world = createShopWorld(seed, scale, referenceMs);
  const parquet = new ParquetConverter();
  const sources: SourceReport[] = [];
  let totalRows = 0;
  try {
    for (const input of known) {
      const generator = SHOP_SOURCES.get(input.table.physicalName);
      if (generator === undefined) continue;
      const report = await writeSource(input, generator, {
        workspaceDir,
        world,
        badRowRate,
        parquet,
        rowsBefore: totalRows,
        onProgress: options.onProgress,
        signal: options.signal,
      });
      sources.push(report);
      totalRows += report.rows;
    }
  } finally {
    await parquet.close();
  }
  return {
    scale,
    seed,
    referenceDate: isoTimestamp(referenceMs),
    sources,
    skipped: [...skipped, ...unknown],
    totalRows,
  };
}

export { DEFAULT_BAD_ROW_RATE, DEFAULT_SEED } from './defaults.js';
