import { describe, it } from 'vitest';
import { postgresBackend, probePostgres } from '../store/postgres-backend.js';
import { defineMonitoringStoreCases } from './monitoring-store.cases.js';

const probe = await probePostgres();
const required = process.env.MESHPLANE_REQUIRE_SERVICES === '1';
if ('reason' in probe && !required) {
  console.warn(`\n*** SKIPPED: monitoring store on PostgreSQL: ${probe.reason} ***\n`);
}

describe.skipIf('reason' in probe)('monitoring store on PostgreSQL', () => {
  if ('user' in probe) defineMonitoringStoreCases(postgresBackend(probe.user));
});

if ('reason' in probe && required) {
  it('reaches PostgreSQL (MESHPLANE_REQUIRE_SERVICES=1)', () => {
    throw new Error(probe.reason);
  });
}
