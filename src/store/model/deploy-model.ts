/** The deploy journal: one row per deploy attempt and a log of the steps it got through. */
import type { AuditInput } from './audit-model.js';
import type { NotificationInput } from './notification-model.js';
import type { WebhookInput } from './webhook-model.js';

/** The steps a deploy records on its way, in the order the runtime takes them. */
export const DEPLOY_STEPS = ['validated', 'provisioned', 'registered', 'started', 'built'] as const;

/** A step a deploy can record. */
export type DeployStepName = (typeof DEPLOY_STEPS)[number];

/** A deploy's state: `pending`, then the last step it recorded, then `succeeded` or `failed`. */
export type DeployState = 'pending' | DeployStepName | 'succeeded' | 'failed';

/** The states of a deploy that is over; every other state is unfinished. */
export const FINISHED_DEPLOY_STATES = ['succeeded', 'failed'] as const;

/** One entry of a deploy's step log. */
export interface DeployStep {
  /** 1 for the first step of the deploy, then 2, 3, ... */
  readonly seq: number;
  readonly step: DeployStepName;
  readonly detail?: unknown;
  readonly at: string;
}

/** Why a deploy failed and at which step (any name the runtime uses, e.g. `compatibility`). */
export interface DeployError {
  readonly message: string;
  readonly step: string;
}

/** A deploy without its bundle and steps, as `listDeploys` returns it. */
export interface DeploySummary {
  readonly id: string;
  readonly productId: string;
  readonly version: string;
  readonly digest: string;
  readonly state: DeployState;
  readonly error?: DeployError;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt?: string;
}

/** A deploy with what it deploys and the steps it recorded: enough to resume or repair it. */
export interface Deploy extends DeploySummary {
  readonly bundle: unknown;
  readonly steps: readonly DeployStep[];
}

/** What `beginDeploy` takes. `digest` identifies the bundle's content. */
export interface BeginDeployInput {
  readonly productId: string;
  readonly version: string;
  readonly digest: string;
  readonly bundle: unknown;
}

/**
 * What `beginDeploy` returns: a new pending deploy, or, when the product's current version was
 * deployed from the same digest, that succeeded deploy with `alreadyDeployed: true`.
 */
export interface BeginDeployResult {
  readonly deploy: Deploy;
  readonly alreadyDeployed: boolean;
}

/**
 * What `completeDeploy` writes in the same transaction as the registration: all of it commits
 * with the deploy's success, or none of it does.
 */
export interface DeployCompletionExtras {
  readonly audit?: readonly AuditInput[];
  readonly notifications?: readonly NotificationInput[];
  readonly webhooks?: readonly WebhookInput[];
}
