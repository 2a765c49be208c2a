import { MeshplaneError } from '../../errors/index.js';

/** Bounds on one response body. */
export interface JsonBodyLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

function refused(message: string): MeshplaneError {
  return new MeshplaneError('PRECONDITION_FAILED', message);
}

/**
 * Whether `text` nests arrays and objects deeper than `maxDepth`. Checked on the text before
 * parsing, so a hostile body never becomes a deep structure that later recursive code trips on. Pure.
 */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Whether a Content-Type names JSON (`application/json`, `application/problem+json`, ...). */
function isJsonType(contentType: string): boolean {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || type === 'text/json' || type.endsWith('+json');
}

/** Reads the body as bytes, giving up (and cancelling the download) past `maxBytes`. */
async function boundedBytes(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const tooBig = () => refused(`${what}: the response is larger than ${maxBytes} bytes (maxResponseBytes)`);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * The response body as JSON, within the limits. PRECONDITION_FAILED naming `what` (the request)
 * when the body is not JSON (an HTML error page, say), too large, too deep or not UTF-8.
 */
export async function readJsonBody(
  response: Response,
  limits: JsonBodyLimits,
  what: string,
): Promise<unknown> {
  const contentType = response.headers.get('content-type');
  if (contentType !== null && contentType.trim() !== '' && !isJsonType(contentType)) {
    await response.body?.cancel().catch(() => undefined);
    throw refused(`${what}: the response is ${contentType.split(';')[0]?.trim()}, not JSON`);
  }
  const bytes = await boundedBytes(response, limits.maxBytes, what);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused(`${what}: the response is not UTF-8 text`);
  }
  if (jsonDepthExceeds(text, limits.maxDepth)) {
    throw refused(`${what}: the response nests deeper than ${limits.maxDepth} levels (maxDepth)`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw refused(`${what}: the response is not JSON (${detail})`);
  }
}

/** The first `maxBytes` of a body as text, for messages about a refused response; never throws. */
export async function bodySnippet(response: Response, maxBytes = 200): Promise<string> {
  try {
    if (response.body === null) return '';
    const reader = response.body.getReader();
    const { value } = await reader.read();
    await reader.cancel().catch(() => undefined);
    const text = new TextDecoder().decode((value ?? new Uint8Array()).slice(0, maxBytes));
    return text.replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
}
