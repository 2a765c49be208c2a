/**
 * The control store's behaviour, written once and run against every backend (sqlite.test.ts,
 * postgres.test.ts). Each case gets a fresh, empty database.
 */
import { auditLogCases } from './cases/audit-log.cases.js';
import { concurrencyCases } from './cases/concurrency.cases.js';
import { contractHistoryCases } from './cases/contract-history.cases.js';
import { deployExtrasCases } from './cases/deploy-extras.cases.js';
import { deployJournalCases } from './cases/deploy-journal.cases.js';
import { meshCases } from './cases/mesh.cases.js';
import { migrationCases } from './cases/migration.cases.js';
import { notificationCases } from './cases/notifications.cases.js';
import { portUsageCases } from './cases/port-usage.cases.js';
import { runCases } from './cases/runs.cases.js';
import { schemaCases } from './cases/schema.cases.js';
import { webhookOutboxCases } from './cases/webhook-outbox.cases.js';
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
  portUsageCases(h);
  notificationCases(h);
  webhookOutboxCases(h);
  auditLogCases(h);
  deployExtrasCases(h);
  contractHistoryCases(h);
}
