/**
 * The quality history cases on both backends: SQLite in a fresh workspace, PostgreSQL in a fresh
 * schema (SKIPPED when unreachable, a failure when MESHPLANE_REQUIRE_SERVICES=1).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { qualityHistoryCases } from './cases/quality-history.cases.js';
import { postgresBackend, probePostgres } from './postgres-backend.js';
import { useStoreHarness } from './store-harness.js';

describe('quality history on SQLite', () => {
  qualityHistoryCases(
    useStoreHarness({
      name: 'sqlite',
      fresh: async () => {
        const workspaceDir = await mkdtemp(path.join(tmpdir(), 'meshplane-quality-store-'));
        return {
          options: { workspaceDir },
          dispose: () => rm(workspaceDir, { recursive: true, force: true }),
        };
      },
    }),
  );
});

const probe = await probePostgres();
const required = process.env.MESHPLANE_REQUIRE_SERVICES === '1';
if ('reason' in probe && !required) {
  console.warn(`\n*** SKIPPED: quality history on PostgreSQL: ${probe.reason} ***\n`);
}

describe.skipIf('reason' in probe)('quality history on PostgreSQL', () => {
  if ('user' in probe) qualityHistoryCases(useStoreHarness(postgresBackend(probe.user)));
});

if ('reason' in probe && required) {
  it('reaches PostgreSQL (MESHPLANE_REQUIRE_SERVICES=1)', () => {
    throw new Error(probe.reason);
  });
}
