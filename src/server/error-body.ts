import { type ErrorCode, HTTP_STATUS, MeshplaneError, toMeshplaneError } from '../errors/index.js';

/** The one error body of the HTTP API. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

/** The JSON Schema of ErrorBody, referenced by every route's error responses in the OpenAPI document. */
export const ERROR_BODY_SCHEMA = {
  $id: 'ErrorBody',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

interface FastifyLikeError {
  readonly statusCode?: number;
  readonly code?: string;
  readonly message: string;
  readonly validation?: unknown;
}

function fromFramework(error: FastifyLikeError): MeshplaneError | undefined {
  if (error.validation !== undefined) return new MeshplaneError('INVALID_INPUT', error.message);
  const status = error.statusCode;
  if (status === 413) return new MeshplaneError('INVALID_INPUT', `request body too large: ${error.message}`);
  if (status === 415 || status === 400) return new MeshplaneError('INVALID_INPUT', error.message);
  if (status === 404) return new MeshplaneError('NOT_FOUND', error.message);
  return undefined;
}

/** Maps anything thrown in a route to a status and the one error body. Internal details are never sent. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  const failure =
    error instanceof MeshplaneError
      ? error
      : ((typeof error === 'object' && error !== null && 'message' in error
          ? fromFramework(error as FastifyLikeError)
          : undefined) ?? toMeshplaneError(error));
  const message = failure.code === 'INTERNAL' ? 'internal error; see the server log' : failure.message;
  return {
    status: HTTP_STATUS[failure.code],
    body: {
      error: {
        code: failure.code,
        message,
        ...(failure.details === undefined || failure.code === 'INTERNAL' ? {} : { details: failure.details }),
      },
    },
  };
}
