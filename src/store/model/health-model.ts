/** What the mesh's health report reads from the store beyond the other models. */

/** A product's deploy journal in figures: when it was first tried and first succeeded. */
export interface DeployMilestones {
  readonly productId: string;
  /** When its first deploy was begun: the first time the control plane saw the product. */
  readonly firstDeployAt: string;
  /** When its first successful deploy finished; absent while none has. */
  readonly firstSucceededAt?: string;
  readonly deploys: number;
  readonly succeeded: number;
  readonly failed: number;
}

/** A product's incidents that are not resolved, by state. */
export interface ActiveIncidentCount {
  readonly productId: string;
  readonly open: number;
  readonly acknowledged: number;
}
