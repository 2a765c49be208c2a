import { afterEach, describe, expect, it } from 'vitest';
import {
  assertResumable,
  type ChangeRecord,
  prunedThrough,
  readChanges,
} from '../../src/ports/events-out/index.js';
import { ORDERS_DIR } from '../runtime/support/sales-mesh.js';
import type { TestMesh } from '../runtime/support/workspace.js';
import { writeFiles } from '../runtime/support/workspace.js';
import { addOrders, closeMesh, openOrdersMesh, PRODUCT_ID, runOrders } from './events-out-fixture.js';

let mesh: TestMesh | undefined;
afterEach(async () => {
  await closeMesh(mesh);
  mesh = undefined;
});

async function changes(m: TestMesh, after = 0): Promise<ChangeRecord[]> {
  return readChanges(m.runtime.hub, PRODUCT_ID, 'orders', { after, limit: 1000 });
}

/** The changes without offsets and times: what a consumer learns. */
const facts = (list: readonly ChangeRecord[]) => list.map((c) => ({ op: c.op, key: c.key, row: c.row }));
const row = (
  order_id: string,
  quantity: number,
  status: string | null = 'placed',
  note: string | null = null,
) => ({
  order_id,
  quantity,
  status,
  note,
});

function expectDenseOffsets(list: readonly ChangeRecord[], from: number): void {
  expect(list.map((c) => c.offset)).toEqual(list.map((_, i) => from + i));
}

describe('change capture', () => {
  it('append logs every inserted row, as stored, tagged with the run', async () => {
    mesh = await openOrdersMesh({
      refresh: 'append',
      sql: 'select order_id, quantity, status, note from raw_orders where order_id not in (select order_id from orders)',
    });
    addOrders(mesh, 'O-1,1,placed,', 'O-2,2,paid,hi');
    const first = await runOrders(mesh);
    expect(first.transforms[0]?.result?.changes).toBe(2);
    addOrders(mesh, 'O-3,3,placed,');
    await runOrders(mesh);
    const log = await changes(mesh);
    expectDenseOffsets(log, 1);
    expect(facts(log)).toEqual([
      { op: 'upsert', key: { order_id: 'O-1' }, row: row('O-1', 1) },
      { op: 'upsert', key: { order_id: 'O-2' }, row: row('O-2', 2, 'paid', 'hi') },
      { op: 'upsert', key: { order_id: 'O-3' }, row: row('O-3', 3) },
    ]);
    expect(log[0]?.runId).toBeTruthy();
    expect(log[0]?.runId).toBe(log[1]?.runId);
    expect(log[2]?.runId).not.toBe(log[0]?.runId);
    expect(facts(await changes(mesh, 2))).toEqual([facts(log)[2]]);
  });

  it('merge logs only rows inserted or changed, compared by primary key', async () => {
    mesh = await openOrdersMesh({ refresh: 'merge' });
    addOrders(mesh, 'O-1,1,placed,', 'O-2,2,placed,');
    await runOrders(mesh);
    // O-1 changes, O-2 comes again unchanged, O-3 is new.
    addOrders(mesh, 'O-1,5,paid,', 'O-2,2,placed,', 'O-3,1,placed,');
    const second = await runOrders(mesh);
    expect(second.transforms[0]?.result?.changes).toBe(2);
    const log = await changes(mesh, 2);
    expectDenseOffsets(log, 3);
    expect(facts(log)).toEqual([
      { op: 'upsert', key: { order_id: 'O-1' }, row: row('O-1', 5, 'paid') },
      { op: 'upsert', key: { order_id: 'O-3' }, row: row('O-3', 1) },
    ]);
    // Nothing new: a merge of the same result logs nothing.
    const third = await runOrders(mesh);
    expect(third.transforms[0]?.result?.changes).toBe(0);
    expect(await changes(mesh, 4)).toEqual([]);
  });

  it('full with a primary key logs the diff: deleted keys, then inserted and changed rows', async () => {
    mesh = await openOrdersMesh({ refresh: 'full' });
    addOrders(mesh, 'O-1,1,placed,', 'O-2,2,placed,', 'O-3,3,placed,');
    await runOrders(mesh);
    expect(await changes(mesh)).toHaveLength(3);
    addOrders(mesh, 'O-1,1,placed,gone', 'O-2,7,paid,', 'O-4,4,placed,');
    await runOrders(mesh);
    const log = await changes(mesh, 3);
    expectDenseOffsets(log, 4);
    expect(facts(log)).toEqual([
      { op: 'delete', key: { order_id: 'O-1' }, row: null },
      { op: 'upsert', key: { order_id: 'O-2' }, row: row('O-2', 7, 'paid') },
      { op: 'upsert', key: { order_id: 'O-4' }, row: row('O-4', 4) },
    ]);
    const unchanged = await runOrders(mesh);
    expect(unchanged.transforms[0]?.result?.changes).toBe(0);
  });

  it('full without a key logs a reset and every row when the contents changed, nothing when not', async () => {
    mesh = await openOrdersMesh({ refresh: 'full', keyed: false });
    addOrders(mesh, 'O-1,1,placed,', 'O-2,2,placed,');
    await runOrders(mesh);
    await runOrders(mesh);
    addOrders(mesh, 'O-2,9,paid,');
    await runOrders(mesh);
    const log = await changes(mesh);
    expectDenseOffsets(log, 1);
    const sorted = (list: ChangeRecord[]) =>
      facts(list).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(log.map((c) => c.op)).toEqual(['reset', 'upsert', 'upsert', 'reset', 'upsert', 'upsert']);
    expect(log.every((c) => c.key === null)).toBe(true);
    expect(sorted(log.slice(1, 3))).toEqual([
      { op: 'upsert', key: null, row: row('O-1', 1) },
      { op: 'upsert', key: null, row: row('O-2', 2) },
    ]);
    expect(sorted(log.slice(4))).toEqual([
      { op: 'upsert', key: null, row: row('O-1', 1) },
      { op: 'upsert', key: null, row: row('O-2', 9, 'paid') },
    ]);
  });

  it('a failing transform logs nothing; a port with events off logs nothing', async () => {
    mesh = await openOrdersMesh({ refresh: 'full' });
    addOrders(mesh, 'O-1,1,placed,');
    await runOrders(mesh);
    writeFiles(mesh.root, {
      [`${ORDERS_DIR}/orders.sql`]: 'select order_id, quantity / 0 as quantity from raw_orders',
    });
    addOrders(mesh, 'O-2,1,placed,');
    await expect(runOrders(mesh)).rejects.toThrow(/orders/);
    expect(await changes(mesh)).toHaveLength(1);
    await closeMesh(mesh);

    mesh = await openOrdersMesh({ refresh: 'full', events: false });
    addOrders(mesh, 'O-1,1,placed,');
    const result = await runOrders(mesh);
    expect(result.transforms[0]?.result).toMatchObject({ rowsOut: 1, changes: 0 });
    expect(await changes(mesh)).toEqual([]);
  });

  it('retention removes changes older than the window, records how far, and refuses to resume before it', async () => {
    const append =
      'select order_id, quantity, status, note from raw_orders where order_id not in (select order_id from orders)';
    mesh = await openOrdersMesh({ refresh: 'append', sql: append, events: { retention: '1d' } });
    addOrders(mesh, 'O-1,1,placed,', 'O-2,2,paid,');
    await runOrders(mesh);
    // Two days pass for the first run's changes.
    await mesh.runtime.hub.run(`UPDATE p_sales_orders._meshplane.changes SET "at" = "at" - INTERVAL 2 DAY`);
    addOrders(mesh, 'O-3,3,placed,');
    await runOrders(mesh);
    expect(facts(await changes(mesh)).map((c) => c.key)).toEqual([{ order_id: 'O-3' }]);
    expect(await prunedThrough(mesh.runtime.hub, PRODUCT_ID, 'orders')).toBe(2);
    await expect(assertResumable(mesh.runtime.hub, PRODUCT_ID, 'orders', 1)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/changes up to offset 2 were removed by the port's retention/),
    });
    await expect(assertResumable(mesh.runtime.hub, PRODUCT_ID, 'orders', 2)).resolves.toBeUndefined();
  });

  it('retention keeps what a publisher has not published yet', async () => {
    const append =
      'select order_id, quantity, status, note from raw_orders where order_id not in (select order_id from orders)';
    mesh = await openOrdersMesh({ refresh: 'append', sql: append, events: { retention: '1d', nats: true } });
    addOrders(mesh, 'O-1,1,placed,');
    await runOrders(mesh);
    await mesh.runtime.hub.run(`UPDATE p_sales_orders._meshplane.changes SET "at" = "at" - INTERVAL 2 DAY`);
    addOrders(mesh, 'O-2,2,placed,');
    await runOrders(mesh);
    // No publisher has published anything: both changes stay.
    expect(await changes(mesh)).toHaveLength(2);
    expect(await prunedThrough(mesh.runtime.hub, PRODUCT_ID, 'orders')).toBe(0);
  });
});
