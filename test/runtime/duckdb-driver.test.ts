import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDuckDBEngine, type DuckDBDriver, parseDuckDBConfig } from '../../src/engines/duckdb/index.js';
import { MeshplaneError } from '../../src/errors/index.js';

let dir: string;
let hub: DuckDBDriver;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meshplane-hub-'));
  hub = await createDuckDBEngine(parseDuckDBConfig({ threads: 2, streamChunkRows: 1000 })).open();
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the DuckDB hub', () => {
  it('attaches product files under aliases, idempotently, and keeps data across reopen', async () => {
    const file = path.join(dir, 'a.duckdb');
    await hub.attach('p_a', file);
    await hub.attach('p_a', file);
    await hub.run('CREATE TABLE p_a.main.t AS SELECT range AS i FROM range(3)');
    await expect(hub.attach('p_a', path.join(dir, 'b.duckdb'))).rejects.toThrow(/already attached/);
    await hub.detach('p_a');
    expect(hub.attached().has('p_a')).toBe(false);
    await hub.attach('again', file);
    expect(await hub.query('SELECT count(*)::INT AS n FROM again.main.t')).toEqual([{ n: 3 }]);
  });

  it('rolls a failed transaction back entirely', async () => {
    await hub.attach('p_a', path.join(dir, 'a.duckdb'));
    await hub.run('CREATE TABLE p_a.main.t (i INTEGER NOT NULL)');
    const failure = hub.withSession((s) =>
      s.transaction(async (tx) => {
        await tx.run('INSERT INTO p_a.main.t VALUES (1), (2)');
        await tx.run('INSERT INTO p_a.main.t VALUES (NULL)');
      }),
    );
    await expect(failure).rejects.toMatchObject({ code: 'ENGINE_ERROR', message: /NOT NULL/ });
    expect(await hub.query('SELECT count(*)::INT AS n FROM p_a.main.t')).toEqual([{ n: 0 }]);
  });

  it('streams rows in chunks of the configured size', async () => {
    const stream = await hub.stream('SELECT range AS i FROM range(4500)');
    expect(stream.columns).toEqual([{ name: 'i', type: 'BIGINT' }]);
    const sizes: number[] = [];
    for await (const chunk of stream) sizes.push(chunk.length);
    expect(sizes).toEqual([1000, 1000, 1000, 1000, 500]);
  });

  it('binds parameters', async () => {
    expect(await hub.query('SELECT $1 || $2 AS s', { params: ['a', 'b'] })).toEqual([{ s: 'ab' }]);
  });

  it('cancels a running query through an AbortSignal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await hub
      .query('SELECT count(*) FROM range(100000000000) a', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).details).toEqual({ cancelled: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cancels a stream between chunks', async () => {
    const controller = new AbortController();
    const stream = await hub.stream('SELECT range AS i FROM range(100000000)', { signal: controller.signal });
    let rows = 0;
    const error = await (async () => {
      for await (const chunk of stream) {
        rows += chunk.length;
        if (rows >= 3000) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect((error as MeshplaneError).details).toEqual({ cancelled: true });
    expect(rows).toBeLessThan(100000000);
  });

  it('reports SQL errors as ENGINE_ERROR with the position', async () => {
    const error = (await hub.query('SELECT 1\nFROM nowhere').catch((e: unknown) => e)) as MeshplaneError;
    expect(error.code).toBe('ENGINE_ERROR');
    expect(error.message).toMatch(/^duckdb: Catalog Error: Table with name nowhere does not exist!/);
    expect(error.details).toEqual({ position: { line: 2, column: 6 } });
  });

  it('refuses work after close', async () => {
    await hub.close();
    await expect(hub.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
