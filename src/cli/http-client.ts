import { userInfo } from 'node:os';
import { ERROR_CODES, type ErrorCode, MeshplaneError } from '../errors/index.js';

/** The default address of `meshplane serve`. */
export const DEFAULT_SERVER = 'http://127.0.0.1:7300';

/** The server to talk to: `--server`, else MESHPLANE_SERVER, else the local default. */
export function serverUrl(flag: string | undefined): string {
  return (flag ?? process.env.MESHPLANE_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, '');
}

/**
 * Who the CLI acts as: MESHPLANE_ACTOR, else the operating system's user name. Sent as
 * `Meshplane-Actor` so the server can count usage and audit changes by name.
 */
export function actorName(): string {
  const fromEnv = process.env.MESHPLANE_ACTOR?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username || 'anonymous';
  } catch {
    return 'anonymous';
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Calls the Meshplane API and returns the response. A refused connection becomes UNAVAILABLE with
 * the address in the message; an error body becomes the MeshplaneError it describes.
 */
export async function callApi(
  server: string,
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; accept?: string } = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${server}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: init.accept ?? 'application/json',
        'meshplane-actor': actorName(),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(process.env.MESHPLANE_TOKEN ? { authorization: `Bearer ${process.env.MESHPLANE_TOKEN}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    });
  } catch (error) {
    throw new MeshplaneError(
      'UNAVAILABLE',
      `cannot reach the Meshplane server at ${server} (is \`meshplane serve\` running?)`,
      {
        cause: error,
      },
    );
  }
  if (response.ok) return response;
  const text = await response.text();
  let code: ErrorCode = response.status >= 500 ? 'INTERNAL' : 'INVALID_INPUT';
  let message = `${response.status} ${response.statusText}`;
  let details: Record<string, unknown> | undefined;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (isErrorCode(body.error?.code)) code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
    if (typeof body.error?.details === 'object' && body.error.details !== null) {
      details = body.error.details as Record<string, unknown>;
    }
  } catch {
    // Not our error body (a proxy, say): keep the status line.
  }
  throw new MeshplaneError(code, message, details === undefined ? {} : { details });
}
