import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { postgresBackend, probePostgres } from '../store/postgres-backend.js';
import { defineHealthStoreCases } from './health-store.cases.js';

defineHealthStoreCases({
  name: 'sqlite',
  fresh: async () => {
    const workspaceDir = await mkdtemp(path.join(tmpdir(), 'meshplane-health-store-'));
    return { options: { workspaceDir }, dispose: () => rm(workspaceDir, { recursive: true, force: true }) };
  },
});

const probe = await probePostgres();
if ('user' in probe) {
  defineHealthStoreCases(postgresBackend(probe.user));
} else if (process.env.MESHPLANE_REQUIRE_SERVICES === '1') {
  it('reaches PostgreSQL (MESHPLANE_REQUIRE_SERVICES=1)', () => {
    throw new Error(probe.reason);
  });
} else {
  console.warn(`\n*** SKIPPED: mesh health reads on PostgreSQL: ${probe.reason} ***\n`);
}
