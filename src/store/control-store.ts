import type {
  BeginDeployInput,
  BeginDeployResult,
  Deploy,
  DeployError,
  DeployStepName,
  DeploySummary,
} from './model/deploy-model.js';
import type { DomainRecord, MeshRecord, MeshSnapshot, TeamRecord } from './model/mesh-model.js';
import type {
  ProductDetail,
  ProductFilter,
  ProductRegistration,
  ProductSummary,
} from './model/product-model.js';
import type { FinishRunInput, Run, StartRunInput } from './model/run-model.js';

/**
 * The control plane's metadata: the mesh, the product registry, the deploy journal and pipeline
 * runs. One implementation over SQLite (embedded) and PostgreSQL (server mode).
 *
 * Every method that writes several rows does so in one transaction. Failures are
 * `MeshplaneError`s: NOT_FOUND for an unknown deploy or run, CONFLICT when a write collides with
 * the journal's invariants or another writer, INVALID_INPUT for values the store cannot keep,
 * UNAVAILABLE when the database cannot be reached.
 */
export interface ControlStore {
  /** Replaces the domains and teams with those of mesh.yaml, in one transaction. */
  syncMesh(mesh: MeshSnapshot): Promise<void>;
  /** The mesh's name and when it was last synced; undefined before the first sync. */
  getMesh(): Promise<MeshRecord | undefined>;
  /** Domains, by name. */
  listDomains(): Promise<DomainRecord[]>;
  /** Teams with their members, by name. */
  listTeams(): Promise<TeamRecord[]>;

  /** Registered products, by id, with the output ports of their current version. */
  listProducts(filter?: ProductFilter): Promise<ProductSummary[]>;
  /** A registered product with its versions and current ports, contracts and descriptor. */
  getProduct(id: string): Promise<ProductDetail | undefined>;

  /**
   * Opens a deploy in the journal. When the product's current version was deployed from the same
   * digest, returns that deploy with `alreadyDeployed: true` and writes nothing. CONFLICT when
   * another deploy of the product is unfinished, or when the version is already registered with
   * another digest (versions are immutable).
   */
  beginDeploy(input: BeginDeployInput): Promise<BeginDeployResult>;
  /** Appends a step to an unfinished deploy's log and makes it the deploy's state. */
  recordDeployStep(deployId: string, step: DeployStepName, detail?: unknown): Promise<void>;
  /**
   * In one transaction: marks the deploy succeeded, registers the product, its version, ports and
   * contracts, and makes that version current. Calling it again on a succeeded deploy is a no-op.
   */
  completeDeploy(deployId: string, registration: ProductRegistration): Promise<Deploy>;
  /** Marks an unfinished deploy failed; the product's current version stays as it was. */
  failDeploy(deployId: string, error: DeployError): Promise<Deploy>;
  /** Deploys neither succeeded nor failed, oldest first: what a crash left to repair. */
  unfinishedDeploys(): Promise<Deploy[]>;
  /** Deploys, newest first, of one product or of all. */
  listDeploys(productId: string | undefined, limit: number): Promise<DeploySummary[]>;
  /** A deploy with its bundle and step log. */
  getDeploy(id: string): Promise<Deploy | undefined>;

  /** Records a run as `running` and returns its id. */
  startRun(input: StartRunInput): Promise<string>;
  /** Records how a running run ended. */
  finishRun(id: string, result: FinishRunInput): Promise<Run>;
  /** A product's runs, newest first. */
  listRuns(productId: string, limit: number): Promise<Run[]>;

  /** Closes the database connection (or pool). The store cannot be used afterwards. */
  close(): Promise<void>;
}
