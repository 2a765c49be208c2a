import { copyFileSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Source files in the shape of the batch template's `tests/input/<product>_files.csv`, with unique
 * ids `R-0000000`, `R-0000001`, ... and a known 2% of rows the input contract refuses: row `n` is
 * refused when `n % 50 === 7`, for one of four reasons in turn (a currency that breaks the
 * pattern, an amount that is not a number, a timestamp that is not one, a missing name).
 */
export const REFUSED_EVERY = 50;
export const REFUSED_AT = 7;
export const REFUSAL_REASONS = ['currency', 'amount', 'updated_at', 'name'] as const;

export interface SourcePart {
  readonly name: string;
  readonly file: string;
  readonly rows: number;
  readonly accepted: number;
  /** Sum of the numbers of the file's accepted ids (`R-0000042` is 42). */
  readonly acceptedIdSum: bigint;
  /** Ids of the rows the contract refuses, in file order. */
  readonly refusedIds: readonly string[];
}

export interface SourceSet {
  readonly parts: readonly SourcePart[];
  readonly rows: number;
  readonly accepted: number;
  readonly refused: number;
  /** Sum of the numbers of the accepted ids (`R-0000042` is 42), as the output must hold them. */
  readonly acceptedIdSum: bigint;
  /** How many refused rows each reason (the column the reason names) accounts for. */
  readonly refusedByColumn: ReadonlyMap<string, number>;
}

export const idOf = (n: number) => `R-${String(n).padStart(7, '0')}`;
export const isRefused = (n: number) => n % REFUSED_EVERY === REFUSED_AT;
const reasonOf = (n: number) => REFUSAL_REASONS[Math.floor(n / REFUSED_EVERY) % REFUSAL_REASONS.length];

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of each template column for row `n`. */
const VALUES: Record<string, (n: number) => string> = {
  id: idOf,
  name: (n) => {
    if (isRefused(n) && reasonOf(n) === 'name') return '';
    return n % 7 === 0 ? ` Customer ${n} ` : `Customer ${n}`;
  },
  status: (n) => ['Active', 'inactive', ' ACTIVE '][n % 3] as string,
  contact_email: (n) => (n % 11 === 0 ? '' : `C${n}@Example.com`),
  amount: (n) => (isRefused(n) && reasonOf(n) === 'amount' ? 'n/a' : (((n * 37) % 100_000) / 100).toFixed(2)),
  currency: (n) =>
    isRefused(n) && reasonOf(n) === 'currency' ? 'EURO' : (['EUR', 'usd', 'GBP'][n % 3] as string),
  updated_at: (n) =>
    isRefused(n) && reasonOf(n) === 'updated_at'
      ? 'yesterday'
      : `2025-01-${pad(1 + (n % 28))} ${pad(n % 24)}:${pad(n % 60)}:00`,
};

/** The header line of the product's sample input file (`tests/input/<port>.csv`). */
export function sampleHeader(productDir: string, port: string): string[] {
  const sample = readFileSync(path.join(productDir, 'tests/input', `${port}.csv`), 'utf8');
  const header = (sample.split('\n')[0] ?? '').trim();
  const columns = header.split(',').map((c) => c.trim());
  const unknown = columns.filter((c) => VALUES[c] === undefined);
  if (columns.length === 0 || unknown.length > 0) {
    throw new Error(`the sample's header '${header}' has columns this generator does not know: ${unknown}`);
  }
  return columns;
}

/** Writes `files` CSV files of `rowsPerFile` rows each (ids continue across files) into `dir`. */
export function writeSource(
  dir: string,
  columns: readonly string[],
  files: number,
  rowsPerFile: number,
): SourceSet {
  mkdirSync(dir, { recursive: true });
  const parts: SourcePart[] = [];
  const refusedByColumn = new Map<string, number>();
  let acceptedIdSum = 0n;
  let n = 0;
  for (let f = 0; f < files; f++) {
    const lines = [columns.join(',')];
    const refusedIds: string[] = [];
    let partIdSum = 0n;
    for (let i = 0; i < rowsPerFile; i++, n++) {
      lines.push(columns.map((c) => (VALUES[c] as (n: number) => string)(n)).join(','));
      if (isRefused(n)) {
        refusedIds.push(idOf(n));
        const reason = reasonOf(n) as string;
        refusedByColumn.set(reason, (refusedByColumn.get(reason) ?? 0) + 1);
      } else {
        partIdSum += BigInt(n);
      }
    }
    const name = `part-${pad(f)}.csv`;
    const file = path.join(dir, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    parts.push({
      name,
      file,
      rows: rowsPerFile,
      accepted: rowsPerFile - refusedIds.length,
      acceptedIdSum: partIdSum,
      refusedIds,
    });
    acceptedIdSum += partIdSum;
  }
  const refused = parts.reduce((sum, p) => sum + p.refusedIds.length, 0);
  return { parts, rows: n, accepted: n - refused, refused, acceptedIdSum, refusedByColumn };
}

/**
 * Drops a source file into a product's input folder the way an exporter should: written under a
 * name the port's glob does not match, dated a minute back (so it counts as settled at once), then
 * renamed into place, so the port never sees half a file.
 */
export function dropFile(part: SourcePart, inputDir: string): string {
  mkdirSync(inputDir, { recursive: true });
  const target = path.join(inputDir, part.name);
  const partial = `${target}.part`;
  copyFileSync(part.file, partial);
  const past = new Date(Date.now() - 60_000);
  utimesSync(partial, past, past);
  renameSync(partial, target);
  return target;
}
