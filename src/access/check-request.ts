import { type DecisionRequest, MESH_ACTIONS, MESH_ENTITY_TYPES } from './access-types.js';

/** Bounds on one authorization question. */
export const REQUEST_LIMITS = Object.freeze({ maxIdLength: 1024, maxEntities: 100_000, maxPurpose: 2000 });

/**
 * The problems with a request, in words; empty when it may go to Cedar. A request with problems is
 * denied, never thrown at: callers pass whatever reached them.
 */
export function checkRequest(request: DecisionRequest): string[] {
  if (typeof request !== 'object' || request === null) return ['request is missing'];
  const problems: string[] = [];
  const entityRef = (role: string, value: unknown) => {
    const ref = value as { type?: unknown; id?: unknown } | undefined;
    if (typeof ref !== 'object' || ref === null) {
      problems.push(`${role} is missing`);
      return;
    }
    if (!(MESH_ENTITY_TYPES as readonly unknown[]).includes(ref.type)) {
      problems.push(`${role} type '${String(ref.type)}' is not one of ${MESH_ENTITY_TYPES.join(', ')}`);
    }
    if (typeof ref.id !== 'string' || ref.id.length === 0 || ref.id.length > REQUEST_LIMITS.maxIdLength) {
      problems.push(`${role} id must be a string of 1 to ${REQUEST_LIMITS.maxIdLength} characters`);
    }
  };
  entityRef('principal', request.principal);
  entityRef('resource', request.resource);
  if (!(MESH_ACTIONS as readonly unknown[]).includes(request.action)) {
    problems.push(`action '${String(request.action)}' is not one of ${MESH_ACTIONS.join(', ')}`);
  }
  const context = request.context as { now?: unknown; purpose?: unknown } | undefined;
  if (typeof context !== 'object' || context === null) problems.push('context is missing');
  else {
    const now = context.now;
    if (!(typeof now === 'string' || (now instanceof Date && !Number.isNaN(now.getTime())))) {
      problems.push('context.now must be a valid Date or a datetime string');
    }
    if (
      context.purpose !== undefined &&
      (typeof context.purpose !== 'string' || context.purpose.length > REQUEST_LIMITS.maxPurpose)
    ) {
      problems.push(`context.purpose must be a string of at most ${REQUEST_LIMITS.maxPurpose} characters`);
    }
  }
  if (!Array.isArray(request.entities)) problems.push('entities must be an array');
  else if (request.entities.length > REQUEST_LIMITS.maxEntities) {
    problems.push(`more than ${REQUEST_LIMITS.maxEntities} entities`);
  }
  return problems;
}
