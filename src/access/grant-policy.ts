import { MeshplaneError } from '../errors/index.js';
import type { PolicySource } from './access-types.js';
import { qualifiedType } from './mesh-entities.js';

/** The actions an access request can grant on an output port. */
export const GRANTABLE_ACTIONS = ['read', 'subscribe', 'export'] as const;
export type GrantableAction = (typeof GRANTABLE_ACTIONS)[number];

/** An approved access request, as the store keeps it. */
export interface AccessGrant {
  /** The access request's id; the policy id is `grant/<id>`. */
  readonly id: string;
  /** Who was granted access: one user or service account, or every member of a team. */
  readonly principal: { readonly type: 'User' | 'ServiceAccount' | 'Team'; readonly id: string };
  /** The output port's entity id. */
  readonly port: string;
  /** Defaults to `['read']`. */
  readonly actions?: readonly GrantableAction[];
  /** Expiry, a Cedar datetime (`2027-01-31`, `2027-01-31T12:00:00Z`, `...T12:00:00.000Z`). */
  readonly until?: string;
  /** The consumer's stated purpose, kept as an annotation for explanations and audits. */
  readonly purpose?: string;
}

const MAX_ID = 512;
const MAX_PURPOSE = 2000;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{4}))?$/;

/**
 * A grant becomes one generated `permit` policy rather than an entity attribute: the decision
 * then names the grant that allowed a read (`grant/<id>` in `determiningPolicies`), its text
 * shows who, what, which port and until when, revoking is removing the policy, and a team grant
 * is just `principal in Meshplane::Team::"..."`. Expiry is a condition on `context.now`, so an
 * expired grant stops granting without anyone rebuilding the policy set.
 *
 * Throws INVALID_INPUT for a grant no access request could have produced (empty or oversized
 * ids, an unknown action, a malformed expiry): grants come from the store, not from users' text.
 */
export function grantPolicy(grant: AccessGrant): PolicySource {
  checkId('grant id', grant.id);
  checkId('grant principal id', grant.principal.id);
  checkId('grant port', grant.port);
  if (!['User', 'ServiceAccount', 'Team'].includes(grant.principal.type)) {
    throw invalid(
      `grant '${grant.id}': principal type '${grant.principal.type}' is not User, ServiceAccount or Team`,
    );
  }
  const actions = grant.actions ?? ['read'];
  if (actions.length === 0) throw invalid(`grant '${grant.id}': no actions`);
  for (const action of actions) {
    if (!(GRANTABLE_ACTIONS as readonly string[]).includes(action)) {
      throw invalid(
        `grant '${grant.id}': action '${action}' cannot be granted (only ${GRANTABLE_ACTIONS.join(', ')})`,
      );
    }
  }
  if (grant.until !== undefined && !DATETIME.test(grant.until)) {
    throw invalid(`grant '${grant.id}': expiry '${grant.until}' is not a datetime like 2027-01-31T00:00:00Z`);
  }
  if (grant.purpose !== undefined && grant.purpose.length > MAX_PURPOSE) {
    throw invalid(`grant '${grant.id}': purpose longer than ${MAX_PURPOSE} characters`);
  }
  const principal = `${qualifiedType(grant.principal.type)}::${cedarString(grant.principal.id)}`;
  const principalScope =
    grant.principal.type === 'Team' ? `principal in ${principal}` : `principal == ${principal}`;
  const actionList = [...new Set(actions)].map((a) => `${qualifiedType('Action')}::"${a}"`).join(', ');
  const lines = [
    `@grant(${cedarString(grant.id)})`,
    ...(grant.purpose === undefined ? [] : [`@purpose(${cedarString(grant.purpose)})`]),
    'permit (',
    `  ${principalScope},`,
    `  action in [${actionList}],`,
    `  resource == ${qualifiedType('OutputPort')}::${cedarString(grant.port)}`,
    grant.until === undefined ? ');' : `)\nwhen { context.now < datetime(${cedarString(grant.until)}) };`,
  ];
  return { id: `grant/${grant.id}`, source: 'grant', text: lines.join('\n') };
}

function checkId(what: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID) {
    throw invalid(`${what} must be a string of 1 to ${MAX_ID} characters`);
  }
}

function invalid(message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', message);
}

/** A Cedar string literal: quotes, backslashes and control characters escaped. */
export function cedarString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}
