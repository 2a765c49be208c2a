/**
 * The control store's behaviour, written once and run against every backend (sqlite.test.ts,
 * postgres.test.ts). Each case gets a fresh, empty database.
 */
import { concurrencyCases } from './cases/concurrency.cases.js';
import { deployJournalCases } from './cases/deploy-journal.cases.js';
import { meshCases } from './cases/mesh.cases.js';
import { migrationCases } from './cases/migration.cases.js';
import { runCases } from './cases/runs.cases.js';
import { schemaCases } from './cases/schema.cases.js';
import { type StoreBackend, useStoreHarness } from './store-harness.js';

export type { FreshDatabase, StoreBackend } from './store-harness.js';

/** Registers every case for one backend (call inside its describe block). */
export function defineControlStoreCases(backend: StoreBackend): void {
  const h = useStoreHarness(backend);
  migrationCases(h);
  meshCases(h);
  deployJournalCases(h);
  concurrencyCases(h);
  schemaCases(h);
  runCases(h);
}
