import { MeshplaneError } from '../../errors/index.js';
import { driverErrorCode, driverErrorReason } from '../driver-error.js';

/** Socket errors and SQLSTATEs that mean "the server cannot be used now". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '53300', // too many connections
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now
]);
/** pg reports some connection failures without a code. */
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout expired|timeout exceeded when trying to connect|connect ETIMEDOUT/i;
const SIGN_IN = new Set(['28000', '28P01']);
const MISSING = new Set(['42P01', '42703', '3F000']);

/**
 * What the driver threw, as a MeshplaneError naming the server (`host:port/database`), with every
 * secret in `secrets` removed from the message:
 * - unreachable, shut down, unknown database, sign-in refused: UNAVAILABLE;
 * - no privilege on the table: FORBIDDEN; a table, column or schema that is gone: NOT_FOUND;
 * - cancelled (`57014` or `cancelled`): ENGINE_ERROR with `details.cancelled`;
 * - anything else: ENGINE_ERROR.
 */
export function toPostgresError(
  error: unknown,
  target: string,
  secrets: readonly string[] = [],
  cancelled = false,
): MeshplaneError {
  if (error instanceof MeshplaneError) return error;
  const reason = driverErrorReason(error, secrets);
  const code = driverErrorCode(error);
  const options = { cause: error };
  if (cancelled || code === '57014') {
    return new MeshplaneError('ENGINE_ERROR', `postgres ${target}: cancelled`, {
      ...options,
      details: { cancelled: true },
    });
  }
  if (SIGN_IN.has(code)) {
    return new MeshplaneError(
      'UNAVAILABLE',
      `postgres ${target}: cannot sign in: ${reason} (check the user and the password)`,
      options,
    );
  }
  if (code === '3D000') {
    return new MeshplaneError('UNAVAILABLE', `postgres ${target}: ${reason}`, options);
  }
  if (UNREACHABLE.has(code) || code.startsWith('08') || UNREACHABLE_MESSAGE.test(reason)) {
    return new MeshplaneError('UNAVAILABLE', `postgres ${target} is unreachable: ${reason}`, options);
  }
  if (code === '42501') {
    return new MeshplaneError(
      'FORBIDDEN',
      `postgres ${target}: ${reason} (grant the user SELECT on it)`,
      options,
    );
  }
  if (MISSING.has(code)) return new MeshplaneError('NOT_FOUND', `postgres ${target}: ${reason}`, options);
  return new MeshplaneError('ENGINE_ERROR', `postgres ${target}: ${reason}`, options);
}
