export {
  type AccessDiagnostic,
  type CompiledPolicy,
  type Decision,
  type DecisionError,
  type DecisionRequest,
  type EntityRef,
  MESH_ACTIONS,
  MESH_ENTITY_TYPES,
  type MeshAction,
  type MeshEntity,
  type MeshEntityType,
  type PolicyOrigin,
  type PolicySource,
  type RequestContext,
} from './access-types.js';
export { REQUEST_LIMITS } from './check-request.js';
export { type CompiledPolicies, compilePolicies, POLICY_LIMITS } from './compile-policies.js';
export { createDecisionPoint, type DecisionPoint, type DecisionPointOptions } from './decision-point.js';
export { type Explanation, explainDecision, formatExplanation } from './explain-decision.js';
export {
  type AccessGrant,
  cedarString,
  GRANTABLE_ACTIONS,
  type GrantableAction,
  grantPolicy,
} from './grant-policy.js';
export {
  domainEntity,
  meshEntity,
  NAMESPACE,
  normalizeClassification,
  type PortFacts,
  type PrincipalFacts,
  type ProductFacts,
  portEntity,
  productEntity,
  qualifiedType,
  serviceAccountEntity,
  teamEntity,
  userEntity,
} from './mesh-entities.js';
export { MESH_SCHEMA } from './mesh-schema.js';
export { PLATFORM_POLICIES } from './platform-policies.js';
