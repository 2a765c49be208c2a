/**
 * The one error vocabulary of Meshplane. Every failure that crosses a module boundary is a
 * MeshplaneError with a code from this closed set; edges map the code to an HTTP status or a CLI
 * exit code through the tables below and nowhere else.
 *
 * User-authored documents never throw: validators return Diagnostic[] (see spec/diagnostic.ts).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PRECONDITION_FAILED',
  'UNAVAILABLE',
  'ENGINE_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class MeshplaneError extends Error {
  override readonly name = 'MeshplaneError';
  readonly code: ErrorCode;
  /** Structured detail safe to show to the caller (never secrets). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details === undefined ? undefined : Object.freeze({ ...options.details });
  }
}

/** Wraps anything thrown into a MeshplaneError; an existing one passes through unchanged. */
export function toMeshplaneError(error: unknown): MeshplaneError {
  if (error instanceof MeshplaneError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MeshplaneError('INTERNAL', message, { cause: error });
}

export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  INTERNAL: 500,
  ENGINE_ERROR: 502,
  UNAVAILABLE: 503,
};
