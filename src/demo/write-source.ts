import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import { SQL_DIALECTS } from '../spec/export/index.js';
import { sqlColumnType } from '../spec/export/sql-column-type.js';
import { type Defect, DefectSchedule, defectsOf, withDefect } from './defects.js';
import { fallbackValue } from './fallback-value.js';
import { globFileName, matchesGlob } from './file-glob.js';
import type { FileInput } from './input-contracts.js';
import { type OutputFile, openParquetFile, openTextFile, PARTIAL_SUFFIX } from './output-file.js';
import type { ParquetConverter } from './parquet-converter.js';
import type { FileFormat } from './port-options.js';
import { type GenerateProgress, PROGRESS_EVERY_ROWS } from './progress.js';
import { Random } from './random.js';
import { csvEncoder, ndjsonEncoder, type RowEncoder } from './row-encoder.js';
import type { RowValues } from './row-values.js';
import type { ShopWorld } from './shop-world.js';
import type { SourceGenerator } from './sources/source-generator.js';
import { valueRules } from './value-rules.js';

/** What was written for one input contract. */
export interface SourceReport {
  readonly contractId: string;
  readonly table: string;
  readonly format: FileFormat;
  /** Files written, relative to the workspace folder, in the order written. */
  readonly files: readonly string[];
  readonly rows: number;
  /** Rows made bad on purpose (see defects.ts); included in `rows`. */
  readonly badRows: number;
}

/** What writing a source needs besides the source. */
export interface WriteContext {
  readonly workspaceDir: string;
  readonly world: ShopWorld;
  readonly badRowRate: number;
  readonly parquet: ParquetConverter;
  /** Rows written by earlier sources of the same generation. */
  readonly rowsBefore: number;
  readonly onProgress: ((progress: GenerateProgress) => void) | undefined;
  readonly signal: AbortSignal | undefined;
}

function encoderFor(input: FileInput, world: ShopWorld): RowEncoder {
  const random = Random.of(world.seed, 'fallback', input.table.physicalName);
  const rules = new Map(input.table.properties.map((p) => [p.name, valueRules(p)] as const));
  const missing = (property: (typeof input.table.properties)[number]) => {
    const r = rules.get(property.name) ?? valueRules(property);
    return fallbackValue(property, r, random, world.calendar.referenceMs);
  };
  return input.format === 'csv'
    ? csvEncoder(input.table.properties, input.csv, missing)
    : ndjsonEncoder(input.table.properties, missing);
}

async function openFile(input: FileInput, filePath: string, parquet: ParquetConverter): Promise<OutputFile> {
  if (input.format !== 'parquet') return openTextFile(filePath);
  const columns = input.table.properties.map((p) => ({
    name: p.physicalName,
    type: sqlColumnType(p, SQL_DIALECTS.duckdb),
  }));
  return openParquetFile(filePath, columns, parquet);
}

/** Removes files of an earlier generation that this one did not write, and unfinished ones. */
async function removeStale(dir: string, input: FileInput, written: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    const base = name.endsWith(PARTIAL_SUFFIX) ? name.slice(0, -PARTIAL_SUFFIX.length) : name;
    if (matchesGlob(input.glob, base) && (base !== name || !written.has(name))) {
      await rm(path.join(dir, name), { force: true });
    }
  }
}

class BadRows {
  private readonly schedule: DefectSchedule;
  private readonly random: Random;
  private readonly defects: readonly Defect[];

  constructor(input: FileInput, generator: SourceGenerator, context: WriteContext) {
    const { seed } = context.world;
    this.defects = defectsOf(input.table.properties, generator.keys);
    this.schedule = new DefectSchedule(
      context.badRowRate,
      Random.of(seed, 'bad-rows', input.table.physicalName),
    );
    this.random = Random.of(seed, 'defects', input.table.physicalName);
  }

  /** The row as it is written: `values`, or a bad copy when this row's turn has come. */
  apply(index: number, values: RowValues): RowValues | undefined {
    if (!this.schedule.isBad(index) || this.defects.length === 0) return undefined;
    return withDefect(values, this.random.pick(this.defects), this.random);
  }
}

/**
 * Writes one input contract's files from its generator's rows: into the folder its glob names
 * (relative to the product folder), one file per stem, in the contract's format and columns, with
 * `badRowRate` of the rows broken on purpose. Each file appears complete or not at all, and files
 * of an earlier generation that this one did not write are removed, so generating is idempotent.
 */
export async function writeSource(
  input: FileInput,
  generator: SourceGenerator,
  context: WriteContext,
): Promise<SourceReport> {
  const dir = path.join(input.productDir, input.glob.dir);
  await mkdir(dir, { recursive: true });
  const encoder = encoderFor(input, context.world);
  const badRows = new BadRows(input, generator, context);
  const relative = (name: string) =>
    path.relative(context.workspaceDir, path.join(dir, name)).split(path.sep).join('/');
  const files: string[] = [];
  const written = new Set<string>();
  let current: { name: string; file: OutputFile; rows: number } | undefined;
  let rows = 0;
  let bad = 0;
  const report = (done: boolean) => {
    if (current === undefined || context.onProgress === undefined) return;
    const totalRows = context.rowsBefore + rows;
    context.onProgress({
      source: input.contract.id,
      file: relative(current.name),
      rows: current.rows,
      totalRows,
      done,
    });
  };
  try {
    for (const row of generator.rows(context.world)) {
      const name = globFileName(input.glob, row.file);
      if (current?.name !== name) {
        if (current !== undefined) {
          await current.file.close();
          report(true);
        }
        context.signal?.throwIfAborted();
        if (written.has(name)) {
          throw new MeshplaneError('INTERNAL', `${generator.table}: rows for ${name} do not come together`);
        }
        current = { name, file: await openFile(input, path.join(dir, name), context.parquet), rows: 0 };
        files.push(relative(name));
        written.add(name);
        if (encoder.header !== undefined) await current.file.write(encoder.header);
      }
      const broken = badRows.apply(rows, row.values);
      if (broken !== undefined) bad++;
      const pending = current.file.write(encoder.encode(broken ?? row.values));
      rows++;
      current.rows++;
      if (pending !== undefined) {
        await pending;
        context.signal?.throwIfAborted();
      }
      if (current.rows % PROGRESS_EVERY_ROWS === 0) report(false);
    }
    if (current !== undefined) {
      await current.file.close();
      report(true);
    }
  } catch (error) {
    await current?.file.abort();
    throw error;
  }
  await removeStale(dir, input, written);
  return {
    contractId: input.contract.id,
    table: input.table.physicalName,
    format: input.format,
    files,
    rows,
    badRows: bad,
  };
}
