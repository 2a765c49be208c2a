import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import { createControlStore } from '../../src/store/index.js';
import { openControlDatabase } from '../../src/store/open-control-database.js';
import { defineControlStoreCases, type FreshDatabase } from './control-store.cases.js';

/** A fresh workspace folder; the store uses its embedded default, `.meshplane/control.db`. */
async function freshWorkspace(): Promise<FreshDatabase> {
  const workspaceDir = await mkdtemp(path.join(tmpdir(), 'meshplane-store-'));
  return { options: { workspaceDir }, dispose: () => rm(workspaceDir, { recursive: true, force: true }) };
}

describe('control store on SQLite', () => {
  defineControlStoreCases({ name: 'sqlite', fresh: freshWorkspace });
});

describe('SQLite specifics', () => {
  const disposals: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposals.splice(0)) await dispose();
  });

  it('puts the embedded database in <workspace>/.meshplane/control.db, in WAL mode with foreign keys on', async () => {
    const workspace = await freshWorkspace();
    disposals.push(workspace.dispose);
    const store = await createControlStore(workspace.options);
    await store.syncMesh({ name: 'm', domains: [], teams: [] });
    await store.close();
    expect(existsSync(path.join(workspace.options.workspaceDir, '.meshplane', 'control.db'))).toBe(true);

    const { db } = await openControlDatabase(workspace.options);
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
      expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
  });

  it('opens sqlite:<file> relative to the workspace, and sqlite::memory:', async () => {
    const workspace = await freshWorkspace();
    disposals.push(workspace.dispose);
    const store = await createControlStore({ ...workspace.options, url: 'sqlite:state/meta.db' });
    await store.close();
    expect(existsSync(path.join(workspace.options.workspaceDir, 'state', 'meta.db'))).toBe(true);

    const memory = await createControlStore({ workspaceDir: '/nonexistent', url: 'sqlite::memory:' });
    await memory.syncMesh({ name: 'm', domains: [], teams: [] });
    expect((await memory.getMesh())?.name).toBe('m');
    await memory.close();
  });

  it('reports a database it cannot create as UNAVAILABLE, naming the file', async () => {
    const workspace = await freshWorkspace();
    disposals.push(workspace.dispose);
    const blocker = path.join(workspace.options.workspaceDir, 'not-a-folder');
    await writeFile(blocker, 'x');
    const error: unknown = await createControlStore({ workspaceDir: blocker }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('UNAVAILABLE');
    expect((error as MeshplaneError).message).toContain(path.join(blocker, '.meshplane', 'control.db'));
  });
});
