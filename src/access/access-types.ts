import type { Diagnostic } from '../spec/diagnostic.js';
import type { EntityJson } from './cedar.js';

/** Where a policy comes from: the platform's defaults, the mesh's `policies/*.cedar`, or a grant. */
export type PolicyOrigin = 'platform' | 'mesh' | 'grant';

/** A policy text as handed to the decision point; `text` may hold several Cedar statements. */
export interface PolicySource {
  /** Stable id; a text with several statements yields `<id>#1`, `<id>#2`, ... in source order. */
  readonly id: string;
  readonly source: PolicyOrigin;
  readonly text: string;
  /** The file the text was read from, for diagnostics; defaults to `id`. */
  readonly file?: string;
}

/** One Cedar statement that passed parsing and validation against the schema, and so takes effect. */
export interface CompiledPolicy {
  readonly id: string;
  readonly source: PolicyOrigin;
  readonly effect: 'permit' | 'forbid';
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A finding about a policy, located in its file and naming the policy it concerns. */
export interface AccessDiagnostic extends Diagnostic {
  readonly policyId: string;
}

/** The entity types of the `Meshplane` namespace, without the namespace prefix. */
export const MESH_ENTITY_TYPES = [
  'Mesh',
  'Domain',
  'Team',
  'User',
  'ServiceAccount',
  'DataProduct',
  'OutputPort',
] as const;
export type MeshEntityType = (typeof MESH_ENTITY_TYPES)[number];

/** The actions of the `Meshplane` namespace. */
export const MESH_ACTIONS = [
  'discover',
  'read',
  'subscribe',
  'export',
  'manage',
  'approveAccess',
  'administer',
] as const;
export type MeshAction = (typeof MESH_ACTIONS)[number];

/** A reference to one entity, by its unqualified type and its id. */
export interface EntityRef {
  readonly type: MeshEntityType;
  readonly id: string;
}

/** An entity in Cedar's JSON form, as built by the helpers in mesh-entities.ts. */
export type MeshEntity = EntityJson;

/** The request context shared by every action (see mesh-schema.ts). */
export interface RequestContext {
  /** The time of the request; grants compare it to their expiry. */
  readonly now: Date | string;
  readonly purpose?: string;
}

/** One authorization question. */
export interface DecisionRequest {
  readonly principal: EntityRef;
  readonly action: MeshAction;
  readonly resource: EntityRef;
  readonly context: RequestContext;
  /** The principal, the resource and whatever they refer to that policies read. */
  readonly entities: readonly MeshEntity[];
}

/** An error met while deciding: a policy that failed to evaluate, or a malformed request. */
export interface DecisionError {
  /** The policy that errored; absent when the request itself was refused. */
  readonly policyId?: string;
  readonly message: string;
}

/** The answer of the decision point. */
export interface Decision {
  readonly decision: 'allow' | 'deny';
  /**
   * For allow, the permits that matched. For deny, the forbids that matched (or the forbids that
   * errored, see decision-point.ts); empty for the default deny.
   */
  readonly determiningPolicies: readonly string[];
  readonly errors: readonly DecisionError[];
}
