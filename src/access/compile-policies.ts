import { diagnostic } from '../spec/diagnostic.js';
import type { AccessDiagnostic, CompiledPolicy, PolicySource } from './access-types.js';
import { checkParsePolicySet, type DetailedError, validate } from './cedar.js';
import { type PolicyPiece, positionOf, splitPolicies, statementEffect } from './split-policies.js';

/** Bounds on what a mesh may hand to the decision point. */
export const POLICY_LIMITS = Object.freeze({
  maxTextLength: 1_000_000,
  maxIdLength: 512,
  maxPolicies: 20_000,
});

/** The policies that take effect and the findings about those that do not (or look wrong). */
export interface CompiledPolicies {
  readonly policies: readonly CompiledPolicy[];
  readonly diagnostics: readonly AccessDiagnostic[];
}

interface Candidate {
  readonly id: string;
  readonly origin: PolicySource;
  readonly piece: PolicyPiece;
}

/**
 * Parses every statement of every source and validates them against the schema (Cedar's strict
 * mode). A statement that fails to parse or validate is left out, so it can never grant, and
 * is reported as an error diagnostic located in its file. Validation warnings (an impossible
 * policy, say) are reported but the policy stays. Never throws for bad policy text.
 *
 * `schema` must already parse (the decision point checks it first).
 */
export function compilePolicies(schema: string, sources: readonly PolicySource[]): CompiledPolicies {
  const diagnostics: AccessDiagnostic[] = [];
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const origin of sources) {
    if (origin.id.length === 0 || origin.id.length > POLICY_LIMITS.maxIdLength) {
      diagnostics.push(
        located(
          origin,
          origin.id,
          'access-policy-too-large',
          `policy id must be 1 to ${POLICY_LIMITS.maxIdLength} characters`,
        ),
      );
      continue;
    }
    if (origin.text.length > POLICY_LIMITS.maxTextLength) {
      diagnostics.push(
        located(
          origin,
          origin.id,
          'access-policy-too-large',
          `policy text of ${origin.text.length} characters is over the limit of ${POLICY_LIMITS.maxTextLength}`,
        ),
      );
      continue;
    }
    const pieces = splitPolicies(origin.text);
    pieces.forEach((piece, index) => {
      const id = pieces.length === 1 ? origin.id : `${origin.id}#${index + 1}`;
      if (seen.has(id)) {
        diagnostics.push(
          located(
            origin,
            id,
            'access-policy-duplicate-id',
            `policy id '${id}' is used twice; this one is left out`,
            piece,
          ),
        );
        return;
      }
      seen.add(id);
      candidates.push({ id, origin, piece });
    });
  }
  const kept = candidates.slice(0, POLICY_LIMITS.maxPolicies);
  for (const dropped of candidates.slice(POLICY_LIMITS.maxPolicies)) {
    diagnostics.push(
      located(
        dropped.origin,
        dropped.id,
        'access-policy-too-large',
        `more than ${POLICY_LIMITS.maxPolicies} policies; this one is left out`,
        dropped.piece,
      ),
    );
  }

  // One Cedar call for the whole set when it all parses (the usual case); statement by statement
  // only to locate the statements that do not.
  const all = checkParsePolicySet({
    staticPolicies: Object.fromEntries(kept.map((c) => [c.id, c.piece.text])),
  });
  const parsed: (Candidate & { effect: 'permit' | 'forbid' })[] = [];
  for (const candidate of kept) {
    if (all.type === 'failure') {
      const answer = checkParsePolicySet({ staticPolicies: { [candidate.id]: candidate.piece.text } });
      if (answer.type === 'failure') {
        for (const error of answer.errors)
          diagnostics.push(fromCedar(candidate, 'access-policy-syntax', 'error', error));
        continue;
      }
    }
    const effect = statementEffect(candidate.piece.text);
    if (effect === undefined) {
      diagnostics.push(
        located(
          candidate.origin,
          candidate.id,
          'access-policy-syntax',
          `policy '${candidate.id}': expected \`permit\` or \`forbid\``,
          candidate.piece,
        ),
      );
      continue;
    }
    parsed.push({ ...candidate, effect });
  }

  const byId = new Map(parsed.map((c) => [c.id, c]));
  const rejected = new Set<string>();
  if (parsed.length > 0) {
    const answer = validate({
      schema,
      validationSettings: { mode: 'strict' },
      policies: { staticPolicies: Object.fromEntries(parsed.map((c) => [c.id, c.piece.text])) },
    });
    if (answer.type === 'failure') {
      // Cedar could not validate at all: nothing is known to be safe, so nothing takes effect.
      for (const c of parsed) {
        rejected.add(c.id);
        for (const error of answer.errors)
          diagnostics.push(fromCedar(c, 'access-policy-invalid', 'error', error));
      }
    } else {
      for (const { policyId, error } of answer.validationErrors) {
        const c = byId.get(policyId);
        if (c === undefined) continue;
        rejected.add(policyId);
        diagnostics.push(fromCedar(c, 'access-policy-invalid', 'error', error));
      }
      for (const { policyId, error } of answer.validationWarnings) {
        const c = byId.get(policyId);
        if (c !== undefined) diagnostics.push(fromCedar(c, 'access-policy-warning', 'warning', error));
      }
    }
  }

  const policies = parsed
    .filter((c) => !rejected.has(c.id))
    .map((c): CompiledPolicy => {
      const at = positionOf(c.origin.text, c.piece, 0);
      return Object.freeze({
        id: c.id,
        source: c.origin.source,
        effect: c.effect,
        text: c.piece.text,
        file: c.origin.file ?? c.origin.id,
        line: at.line,
        column: at.column,
      });
    });
  return { policies: Object.freeze(policies), diagnostics: Object.freeze(diagnostics) };
}

function located(
  origin: PolicySource,
  policyId: string,
  code: string,
  message: string,
  piece?: PolicyPiece,
): AccessDiagnostic {
  const at = piece === undefined ? { line: 1, column: 1 } : positionOf(origin.text, piece, 0);
  return {
    ...diagnostic({ code, severity: 'error', message, file: origin.file ?? origin.id, ...at }),
    policyId,
  };
}

/** Cedar prefixes validation messages with "for policy `id`, "; the diagnostic names the policy already. */
function cleanMessage(message: string): string {
  return message
    .replace(/^for policy `[^`]*`, /, '')
    .replace(/^failed to parse policy with id `[^`]*` from string: /, '');
}

function fromCedar(
  candidate: Candidate,
  code: string,
  severity: 'error' | 'warning',
  error: DetailedError,
): AccessDiagnostic {
  const first = error.sourceLocations?.[0];
  const at = positionOf(candidate.origin.text, candidate.piece, first?.start ?? 0);
  const end = first === undefined ? undefined : positionOf(candidate.origin.text, candidate.piece, first.end);
  return {
    ...diagnostic({
      code,
      severity,
      message: `policy '${candidate.id}': ${cleanMessage(error.message)}`,
      file: candidate.origin.file ?? candidate.origin.id,
      ...at,
      endLine: end?.line,
      endColumn: end?.column,
      hint: error.help ?? first?.label ?? undefined,
    }),
    policyId: candidate.id,
  };
}
