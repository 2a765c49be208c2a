import type { ControlStore } from './control-store.js';
import { beginDeploy, completeDeploy, failDeploy, recordDeployStep } from './queries/deploy-journal.js';
import { getDeploy, listDeploys, unfinishedDeploys } from './queries/deploy-reads.js';
import { getMesh, listDomains, listTeams, syncMesh } from './queries/mesh-queries.js';
import { getProduct, listProducts } from './queries/product-queries.js';
import { finishRun, listRuns, startRun } from './queries/run-queries.js';
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
    beginDeploy: (input) => beginDeploy(ctx, input),
    recordDeployStep: (deployId, step, detail) => recordDeployStep(ctx, deployId, step, detail),
    completeDeploy: (deployId, registration) => completeDeploy(ctx, deployId, registration),
    failDeploy: (deployId, error) => failDeploy(ctx, deployId, error),
    unfinishedDeploys: () => unfinishedDeploys(ctx),
    listDeploys: (productId, limit) => listDeploys(ctx, productId, limit),
    getDeploy: (id) => getDeploy(ctx, id),
    startRun: (input) => startRun(ctx, input),
    finishRun: (id, result) => finishRun(ctx, id, result),
    listRuns: (productId, limit) => listRuns(ctx, productId, limit),
    close: () => ctx.db.destroy(),
  };
}
