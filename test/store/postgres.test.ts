import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import { createControlStore } from '../../src/store/index.js';
import { defineControlStoreCases } from './control-store.cases.js';
import { postgresBackend, postgresUrl, probePostgres } from './postgres-backend.js';

const probe = await probePostgres();
const required = process.env.MESHPLANE_REQUIRE_SERVICES === '1';
if ('reason' in probe && !required) {
  console.warn(`\n*** SKIPPED: control store on PostgreSQL: ${probe.reason} ***\n`);
}

describe.skipIf('reason' in probe)('control store on PostgreSQL', () => {
  if ('user' in probe) defineControlStoreCases(postgresBackend(probe.user));

  it('reports a database that does not exist as UNAVAILABLE, naming host and database', async () => {
    const user = 'user' in probe ? probe.user : 'postgres';
    const url = postgresUrl(user, 'meshplane_no_such_database').replace('@', ':hunter2-secret@');
    const error: unknown = await createControlStore({ workspaceDir: '/nonexistent', url }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('UNAVAILABLE');
    expect((error as MeshplaneError).message).toContain('/meshplane_no_such_database');
    expect((error as MeshplaneError).message).not.toContain('hunter2');
  });
});

if ('reason' in probe && required) {
  it('reaches PostgreSQL (MESHPLANE_REQUIRE_SERVICES=1)', () => {
    throw new Error(probe.reason);
  });
}

describe('PostgreSQL that cannot be reached', () => {
  it('is UNAVAILABLE, with a message naming the host and never the password', async () => {
    const url = 'postgres://meshplane:s3cret-Passw0rd@127.0.0.1:1/control';
    const error: unknown = await createControlStore({ workspaceDir: '/nonexistent', url }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MeshplaneError);
    const e = error as MeshplaneError;
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toContain('PostgreSQL at 127.0.0.1:1/control');
    expect(e.message).not.toContain('s3cret');
    expect(JSON.stringify(e.details ?? {})).not.toContain('s3cret');
  });
});
