import { MeshplaneError } from '../errors/index.js';
import type {
  AccessDiagnostic,
  CompiledPolicy,
  Decision,
  DecisionError,
  DecisionRequest,
  PolicySource,
} from './access-types.js';
import { checkParseSchema, type EntityJson, statefulIsAuthorized } from './cedar.js';
import { checkRequest } from './check-request.js';
import { compilePolicies } from './compile-policies.js';
import { qualifiedType } from './mesh-entities.js';
import { preparsedSlot } from './preparsed-slots.js';

/** The one place every access question is answered. */
export interface DecisionPoint {
  /** The policies in effect, in the order given. */
  readonly policies: readonly CompiledPolicy[];
  /** Findings about the policies: those left out (errors) and suspicious ones (warnings). */
  readonly diagnostics: readonly AccessDiagnostic[];
  /** Decides one request. Never throws: a malformed request or a Cedar failure is a deny with errors. */
  decide(request: DecisionRequest): Decision;
}

export interface DecisionPointOptions {
  /** Cedar schema text; normally MESH_SCHEMA. */
  readonly schema: string;
  /** Platform defaults, the mesh's policies/*.cedar, and grants, in any order. */
  readonly policies: readonly PolicySource[];
}

/**
 * Builds a decision point. Every policy is parsed and validated against the schema first; one that
 * fails is left out (so it never grants) and reported in `diagnostics` with its id and position.
 *
 * Decisions follow Cedar: default deny, any matching forbid beats every permit, the order of
 * policies does not matter, and a policy that errors while evaluating (a missing entity, an
 * overflow) is skipped and reported in `errors`. One hardening on top: when a forbid policy
 * errors, the answer is deny, because a forbid that could not be checked might have matched.
 *
 * Throws INVALID_INPUT only when the schema itself does not parse.
 */
export function createDecisionPoint(options: DecisionPointOptions): DecisionPoint {
  const schemaCheck = checkParseSchema(options.schema);
  if (schemaCheck.type === 'failure') {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `the Cedar schema does not parse: ${schemaCheck.errors.map((e) => e.message).join('; ')}`,
    );
  }
  const { policies, diagnostics } = compilePolicies(options.schema, options.policies);
  const effects = new Map(policies.map((p) => [p.id, p.effect]));
  const preparse = {
    schema: options.schema,
    policies: Object.fromEntries(policies.map((p) => [p.id, p.text])),
  };
  const owner = {};
  preparsedSlot(owner, preparse);

  function decide(request: DecisionRequest): Decision {
    const problems = checkRequest(request);
    if (problems.length > 0)
      return deny(
        [],
        problems.map((message) => ({ message })),
      );
    try {
      const slot = preparsedSlot(owner, preparse);
      const answer = statefulIsAuthorized({
        principal: { type: qualifiedType(request.principal.type), id: request.principal.id },
        action: { type: qualifiedType('Action'), id: request.action },
        resource: { type: qualifiedType(request.resource.type), id: request.resource.id },
        context: {
          now: request.context.now instanceof Date ? request.context.now.toISOString() : request.context.now,
          ...(request.context.purpose === undefined ? {} : { purpose: request.context.purpose }),
        },
        entities: request.entities as EntityJson[],
        preparsedPolicySetId: slot,
        preparsedSchemaName: slot,
        validateRequest: true,
      });
      if (answer.type === 'failure') {
        return deny(
          [],
          answer.errors.map((e) => ({ message: e.message })),
        );
      }
      const { decision, diagnostics: found } = answer.response;
      const errors: DecisionError[] = found.errors
        .map((e) => ({ policyId: e.policyId, message: e.error.message }))
        .sort((a, b) => compare(a.policyId, b.policyId) || compare(a.message, b.message));
      const erroredForbids = found.errors.map((e) => e.policyId).filter((id) => effects.get(id) === 'forbid');
      if (decision === 'allow' && erroredForbids.length > 0) return deny(erroredForbids, errors);
      return freeze({ decision, determiningPolicies: [...found.reason].sort(), errors });
    } catch (error) {
      return deny(
        [],
        [{ message: `authorization failed: ${error instanceof Error ? error.message : String(error)}` }],
      );
    }
  }

  return Object.freeze({ policies, diagnostics, decide });
}

function deny(determiningPolicies: string[], errors: DecisionError[]): Decision {
  return freeze({ decision: 'deny', determiningPolicies: [...determiningPolicies].sort(), errors });
}

function freeze(decision: Decision): Decision {
  return Object.freeze({
    decision: decision.decision,
    determiningPolicies: Object.freeze([...decision.determiningPolicies]),
    errors: Object.freeze(decision.errors.map((e) => Object.freeze({ ...e }))),
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
