import type { ControlStore } from './control-store.js';
import { appendAudit, listAudit, verifyAudit } from './queries/audit-log.js';
import { listPortContracts } from './queries/contract-history.js';
import {
  listConsumerQueryCosts,
  listDomainQueryCosts,
  listRunCompute,
  recordQueryCost,
} from './queries/cost-queries.js';
import { beginDeploy, completeDeploy, failDeploy, recordDeployStep } from './queries/deploy-journal.js';
import { getDeploy, listDeploys, unfinishedDeploys } from './queries/deploy-reads.js';
import { listDeployMilestones } from './queries/health-deploys.js';
import { countActiveIncidents } from './queries/health-incidents.js';
import { listPortUsageSince } from './queries/health-usage.js';
import { getIncident, incidentsOfKey, listIncidents, saveIncidents } from './queries/incident-queries.js';
import { getMesh, listDomains, listTeams, syncMesh } from './queries/mesh-queries.js';
import { lastPortUpdate, listPortRuns } from './queries/monitoring-port-runs.js';
import { listProbes, recordProbe } from './queries/monitoring-probes.js';
import {
  latestSlaStates,
  listSlaStateChanges,
  recordSlaStateChanges,
} from './queries/monitoring-sla-states.js';
import { listVolumeHistory, recordVolume } from './queries/monitoring-volume.js';
import { addNotifications, listNotifications, markNotificationRead } from './queries/notification-queries.js';
import { getProduct, listProducts } from './queries/product-queries.js';
import { latestQualityRuns, listQualityRuns, recordQualityRun } from './queries/quality-queries.js';
import { finishRun, listRuns, startRun } from './queries/run-queries.js';
import { listPortUsage, recordPortUsage } from './queries/usage-queries.js';
import {
  claimDueWebhooks,
  enqueueWebhooks,
  listWebhooks,
  recordWebhookAttempt,
} from './queries/webhook-outbox.js';
import type { StoreContext } from './store-context.js';

/** The control store over a Kysely database: each method is one query function. */
export function createSqlControlStore(ctx: StoreContext): ControlStore {
  return {
    syncMesh: (mesh) => syncMesh(ctx, mesh),
    getMesh: () => getMesh(ctx),
    listDomains: () => listDomains(ctx),
    listTeams: () => listTeams(ctx),
    listProducts: (filter) => listProducts(ctx, filter),
    getProduct: (id) => getProduct(ctx, id),
    listPortContracts: (productId, port) => listPortContracts(ctx, productId, port),
    beginDeploy: (input) => beginDeploy(ctx, input),
    recordDeployStep: (deployId, step, detail) => recordDeployStep(ctx, deployId, step, detail),
    completeDeploy: (deployId, registration, extras) => completeDeploy(ctx, deployId, registration, extras),
    failDeploy: (deployId, error) => failDeploy(ctx, deployId, error),
    unfinishedDeploys: () => unfinishedDeploys(ctx),
    listDeploys: (productId, limit) => listDeploys(ctx, productId, limit),
    getDeploy: (id) => getDeploy(ctx, id),
    startRun: (input) => startRun(ctx, input),
    finishRun: (id, result) => finishRun(ctx, id, result),
    listRuns: (productId, limit) => listRuns(ctx, productId, limit),
    recordPortUsage: (entries) => recordPortUsage(ctx, entries),
    listPortUsage: (filter) => listPortUsage(ctx, filter),
    addNotifications: (list) => addNotifications(ctx, list),
    listNotifications: (filter) => listNotifications(ctx, filter),
    markNotificationRead: (id) => markNotificationRead(ctx, id),
    enqueueWebhooks: (list) => enqueueWebhooks(ctx, list),
    claimDueWebhooks: (now, limit, leaseMs) => claimDueWebhooks(ctx, now, limit, leaseMs),
    recordWebhookAttempt: (id, outcome) => recordWebhookAttempt(ctx, id, outcome),
    listWebhooks: (filter) => listWebhooks(ctx, filter),
    appendAudit: (events) => appendAudit(ctx, events),
    listAudit: (filter) => listAudit(ctx, filter),
    verifyAudit: () => verifyAudit(ctx),
    recordQueryCost: (input) => recordQueryCost(ctx, input),
    listDomainQueryCosts: (filter) => listDomainQueryCosts(ctx, filter),
    listConsumerQueryCosts: (filter) => listConsumerQueryCosts(ctx, filter),
    listRunCompute: (since) => listRunCompute(ctx, since),
    recordQualityRun: (input, keep) => recordQualityRun(ctx, input, keep),
    listQualityRuns: (filter) => listQualityRuns(ctx, filter),
    latestQualityRuns: (productId) => latestQualityRuns(ctx, productId),
    recordSlaStateChanges: (list) => recordSlaStateChanges(ctx, list),
    latestSlaStates: (productId) => latestSlaStates(ctx, productId),
    listSlaStateChanges: (filter) => listSlaStateChanges(ctx, filter),
    recordVolume: (points) => recordVolume(ctx, points),
    listVolumeHistory: (filter) => listVolumeHistory(ctx, filter),
    recordProbe: (probe) => recordProbe(ctx, probe),
    listProbes: (filter) => listProbes(ctx, filter),
    listPortRuns: (filter) => listPortRuns(ctx, filter),
    lastPortUpdate: (productId, port) => lastPortUpdate(ctx, productId, port),
    listIncidents: (filter) => listIncidents(ctx, filter),
    getIncident: (id) => getIncident(ctx, id),
    incidentsOfKey: (key) => incidentsOfKey(ctx, key),
    saveIncidents: (writes, alerts) => saveIncidents(ctx, writes, alerts),
    listDeployMilestones: () => listDeployMilestones(ctx),
    listPortUsageSince: (since) => listPortUsageSince(ctx, since),
    countActiveIncidents: () => countActiveIncidents(ctx),
    close: () => ctx.db.destroy(),
  };
}
