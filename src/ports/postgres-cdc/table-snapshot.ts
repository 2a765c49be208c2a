/**
 * Reads the port's table in primary key order, batch by batch, in one REPEATABLE READ transaction:
 * the slot's exported snapshot on first start (`SET TRANSACTION SNAPSHOT`), or the current state
 * when the read is redone after a restart (the stream then replays what changed since the slot's
 * consistent point, so the stored table converges to the source).
 */
import type { Row } from '../../engines/engine.js';
import {
  declareCursorSql,
  fetchSql,
  type PostgresDriver,
  SNAPSHOT_BEGIN_SQL,
  snapshotSql,
} from '../../engines/postgres/index.js';
import { MeshplaneError } from '../../errors/index.js';
import type { PostgresCdcPortSpec } from './postgres-cdc-port-spec.js';

const CURSOR = 'meshplane_cdc_snapshot';
const SNAPSHOT_NAME = /^[0-9A-Fa-f-]+$/;

/** The SELECT of the snapshot: the contract's columns, arrays and composites as JSON. */
export function cdcSnapshotSql(spec: PostgresCdcPortSpec): string {
  const columns = spec.columns.map((c) => ({ name: c.name, asJson: c.kind === 'composite' }));
  return snapshotSql({ schema: spec.schema, name: spec.table }, columns, spec.key);
}

export async function* readTableSnapshot(
  driver: PostgresDriver,
  spec: PostgresCdcPortSpec,
  snapshotName: string | undefined,
  signal?: AbortSignal,
): AsyncGenerator<readonly Row[]> {
  if (snapshotName !== undefined && !SNAPSHOT_NAME.test(snapshotName)) {
    throw new MeshplaneError(
      'ENGINE_ERROR',
      `postgres ${driver.target}: unexpected snapshot name ${snapshotName}`,
    );
  }
  const options = signal === undefined ? {} : { signal };
  await driver.query(SNAPSHOT_BEGIN_SQL, [], options);
  let open = true;
  try {
    if (snapshotName !== undefined)
      await driver.query(`SET TRANSACTION SNAPSHOT '${snapshotName}'`, [], options);
    await driver.query(declareCursorSql(CURSOR, cdcSnapshotSql(spec)), [], options);
    for (;;) {
      const rows = await driver.query(fetchSql(CURSOR, spec.batchRows), [], options);
      if (rows.length > 0) yield rows;
      if (rows.length < spec.batchRows) break;
    }
    await driver.query('COMMIT', [], options);
    open = false;
  } finally {
    if (open) await driver.query('ROLLBACK').catch(() => undefined);
  }
}
