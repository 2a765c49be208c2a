/**
 * The ledger of file versions (`_meshplane.ingested_files`): what has been seen, and whether it
 * was ingested. It is written in the same transaction as the rows, so it never disagrees with them.
 */
import { type DuckDBSession, qualifiedName, type SqlParam } from '../../engines/duckdb/index.js';
import { LEDGER_TABLE, SYSTEM_SCHEMA } from '../../runtime/storage-layout.js';

export type LedgerStatus = 'ingested' | 'failed' | 'unchanged';

/** The newest ledger row of one path, and the id of its newest ingested version. */
export interface LedgerState {
  readonly size: number;
  readonly mtimeUs: string;
  readonly contentHash: string;
  readonly status: LedgerStatus;
  /** The file version whose rows are in the input table now, if any. */
  readonly ingestedId: number | undefined;
}

export interface LedgerRow {
  readonly id: number;
  readonly port: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeUs: string;
  readonly contentHash: string;
  readonly status: LedgerStatus;
  readonly error: string | undefined;
  readonly rowsAccepted: number;
  readonly rowsQuarantined: number;
  readonly ingestedAtUs: number;
}

export function ledgerTable(alias: string): string {
  return qualifiedName(alias, SYSTEM_SCHEMA, LEDGER_TABLE);
}

/** The state of every path of `port` in the ledger. */
export async function readLedger(
  session: DuckDBSession,
  alias: string,
  port: string,
): Promise<Map<string, LedgerState>> {
  const rows = await session.query(
    `SELECT path, CAST(size AS DOUBLE) AS size, CAST(epoch_us(mtime) AS VARCHAR) AS mtime_us, content_hash, status,
       CAST(max(id) FILTER (WHERE status = 'ingested') OVER (PARTITION BY path) AS DOUBLE) AS ingested_id
     FROM ${ledgerTable(alias)} WHERE port = $1
     QUALIFY row_number() OVER (PARTITION BY path ORDER BY id DESC) = 1`,
    { params: [port] },
  );
  return new Map(
    rows.map((r) => [
      String(r.path),
      {
        size: Number(r.size),
        mtimeUs: String(r.mtime_us),
        contentHash: String(r.content_hash),
        status: r.status as LedgerStatus,
        ingestedId: r.ingested_id === null ? undefined : Number(r.ingested_id),
      },
    ]),
  );
}

/** The next ledger id; call inside the transaction that inserts it. */
export async function nextLedgerId(session: DuckDBSession, alias: string): Promise<number> {
  const [row] = await session.query(
    `SELECT CAST(coalesce(max(id), 0) + 1 AS DOUBLE) AS id FROM ${ledgerTable(alias)}`,
  );
  return Number(row?.id ?? 1);
}

/** Inserts one ledger row (parameterized; timestamps in microseconds since the epoch). */
export async function insertLedgerRow(session: DuckDBSession, alias: string, row: LedgerRow): Promise<void> {
  const params: SqlParam[] = [
    row.id,
    row.port,
    row.path,
    row.size,
    BigInt(row.mtimeUs),
    row.contentHash,
    row.status,
    row.error ?? null,
    row.rowsAccepted,
    row.rowsQuarantined,
    BigInt(row.ingestedAtUs),
  ];
  await session.run(
    `INSERT INTO ${ledgerTable(alias)} (id, port, path, size, mtime, content_hash, status, error, rows_accepted, rows_quarantined, ingested_at)
     VALUES ($1, $2, $3, $4, make_timestamp(CAST($5 AS BIGINT)), $6, $7, $8, $9, $10, make_timestamp(CAST($11 AS BIGINT)))`,
    { params },
  );
}
