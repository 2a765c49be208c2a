import { MeshplaneError } from '../../errors/index.js';
import { driverErrorCode, driverErrorReason } from '../driver-error.js';

/** Socket and protocol errors that mean "the server cannot be used now". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_BAD_DB_ERROR',
]);
const SIGN_IN = new Set([
  'ER_ACCESS_DENIED_ERROR',
  'ER_ACCESS_DENIED_NO_PASSWORD_ERROR',
  'ER_NOT_SUPPORTED_AUTH_MODE',
]);
const PRIVILEGE = new Set([
  'ER_TABLEACCESS_DENIED_ERROR',
  'ER_COLUMNACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
]);
const MISSING = new Set(['ER_NO_SUCH_TABLE', 'ER_BAD_FIELD_ERROR', 'ER_BAD_TABLE_ERROR']);
const CANCELLED = new Set(['ER_QUERY_INTERRUPTED', 'ER_STATEMENT_TIMEOUT']);

/**
 * What the driver threw, as a MeshplaneError naming the server (`host:port/database`), with every
 * secret in `secrets` removed from the message:
 * - unreachable, shut down, unknown database, sign-in refused: UNAVAILABLE;
 * - no privilege: FORBIDDEN; a table or column that is gone: NOT_FOUND;
 * - interrupted or `cancelled`: ENGINE_ERROR with `details.cancelled`;
 * - anything else: ENGINE_ERROR.
 */
export function toMariadbError(
  error: unknown,
  target: string,
  secrets: readonly string[] = [],
  cancelled = false,
): MeshplaneError {
  if (error instanceof MeshplaneError) return error;
  const reason = driverErrorReason(error, secrets);
  const code = driverErrorCode(error);
  const options = { cause: error };
  if (cancelled || CANCELLED.has(code)) {
    return new MeshplaneError('ENGINE_ERROR', `mariadb ${target}: cancelled`, {
      ...options,
      details: { cancelled: true },
    });
  }
  if (SIGN_IN.has(code)) {
    return new MeshplaneError(
      'UNAVAILABLE',
      `mariadb ${target}: cannot sign in: ${reason} (check the user and the password)`,
      options,
    );
  }
  if (UNREACHABLE.has(code)) {
    return new MeshplaneError('UNAVAILABLE', `mariadb ${target} is unreachable: ${reason}`, options);
  }
  if (PRIVILEGE.has(code)) {
    return new MeshplaneError(
      'FORBIDDEN',
      `mariadb ${target}: ${reason} (grant the user SELECT on it)`,
      options,
    );
  }
  if (MISSING.has(code)) return new MeshplaneError('NOT_FOUND', `mariadb ${target}: ${reason}`, options);
  return new MeshplaneError('ENGINE_ERROR', `mariadb ${target}: ${reason}`, options);
}
