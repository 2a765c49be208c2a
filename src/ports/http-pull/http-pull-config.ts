/**
 * An `http-pull` input port's settings, read once and frozen: the contract's `api` server entry
 * (`location` is the URL) and its `meshplane.port` object (`kind: http-pull`, `every`, `records`,
 * `pagination`, `watermark`, `headers`, `idField` and the bounds). Pure.
 */
import { MeshplaneError } from '../../errors/index.js';
import { primaryKey } from '../../runtime/contract-columns.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { parseDuration } from '../port-duration.js';
import { BODY_PATH, compileJsonPath, type JsonPath } from './json-path.js';
import { type PullSchedule, pullSchedule } from './pull-schedule.js';

/** How the pages of one pull are walked. `none`: the API answers everything in one response. */
export type Pagination =
  | { readonly type: 'none' }
  /** The next request carries `param=<cursor>`, the cursor read from each body at `next`; no cursor ends the walk. */
  | { readonly type: 'cursor'; readonly param: string; readonly next: JsonPath }
  /** `param=<offset>` (and `limitParam=<limit>` when set); a page with fewer than `limit` records ends the walk. */
  | { readonly type: 'offset'; readonly param: string; readonly limit: number; readonly limitParam?: string }
  /** The `Link: <...>; rel="next"` response header (RFC 8288); no such link ends the walk. */
  | { readonly type: 'link' };

/** A header's value: written in the contract, or read from an environment variable when the request is made (secrets). */
export type HeaderValue = { readonly value: string } | { readonly env: string };

/** Incremental pulls: only records whose `field` is greater than the stored watermark are new. */
export interface WatermarkSetting {
  readonly field: string;
  /** The query parameter that carries the stored watermark, so the API can send only newer records. */
  readonly param?: string;
}

export interface HttpPullLimits {
  /** Largest response body read, in bytes. */
  readonly maxResponseBytes: number;
  /** Most pages fetched in one pull; the walk goes on at the next pull. */
  readonly maxPages: number;
  /** Deepest nesting of arrays and objects in a body. */
  readonly maxDepth: number;
  /** Time allowed for one request, body included. */
  readonly timeoutMs: number;
}

export interface HttpPullRetry {
  /** Retries of one request after a 5xx, a 429, a timeout or a network error. */
  readonly attempts: number;
  /** Base of the exponential backoff. */
  readonly baseMs: number;
  readonly maxMs: number;
  /** A Retry-After longer than this fails the pull rather than blocking the port. */
  readonly maxRetryAfterMs: number;
}

export interface HttpPullConfig {
  readonly port: string;
  readonly url: string;
  readonly schedule: PullSchedule;
  /** Where the array of records is in a body; the body itself by default. */
  readonly records: JsonPath;
  readonly pagination: Pagination;
  readonly watermark?: WatermarkSetting;
  readonly headers: readonly { readonly name: string; readonly value: HeaderValue }[];
  /** The fields whose values are a record's idempotency key (`idField`, else the contract's primary key). */
  readonly idFields: readonly string[];
  readonly limits: HttpPullLimits;
  readonly retry: HttpPullRetry;
}

export const HTTP_PULL_DEFAULTS = Object.freeze({
  maxResponseBytes: 16 * 1024 * 1024,
  maxPages: 100,
  maxDepth: 32,
  timeoutMs: 30_000,
  retries: 5,
  backoffMs: 500,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 300_000,
});

const KEYS = new Set([
  'kind',
  'url',
  'every',
  'records',
  'pagination',
  'watermark',
  'headers',
  'idField',
  'maxResponseBytes',
  'maxPages',
  'maxDepth',
  'timeout',
  'retries',
  'backoff',
]);
const SERVER_TYPES = new Set(['api', 'custom']);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the port sets or that would change what a request means. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);
const PARAM = /^[^\s&=#]+$/;

class Settings {
  constructor(readonly port: string) {}

  fail(message: string): never {
    throw new MeshplaneError('INVALID_INPUT', `input port ${this.port}: ${message}`);
  }

  object(value: unknown, key: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(`${key} must be an object`);
    return value as Record<string, unknown>;
  }

  name(value: unknown, key: string, pattern: RegExp = PARAM): string {
    if (typeof value !== 'string' || !pattern.test(value))
      this.fail(`${key} must be a name without spaces, & or =`);
    return value;
  }

  whole(value: unknown, key: string, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(`${key} must be a whole number from ${min} to ${max}`);
    }
    return value;
  }

  duration(value: unknown, key: string, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback;
    const ms = typeof value === 'string' ? parseDuration(value) : undefined;
    if (ms === undefined || ms < min || ms > max) {
      this.fail(`${key} must be a duration from ${min}ms to ${max / 1000}s, such as 30s or 500ms`);
    }
    return ms;
  }

  path(value: unknown, key: string): JsonPath {
    const path = compileJsonPath(value);
    if (typeof path === 'string') this.fail(`${key} ${path}`);
    return path;
  }
}

function url(s: Settings, input: StoredInputPort): string {
  const raw = input.settings.url ?? input.server.settings.location;
  if (typeof raw !== 'string' || raw.trim() === '') {
    s.fail("an http-pull port needs the URL: the api server entry's location, or meshplane.port url");
  }
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    s.fail(`${JSON.stringify(raw)} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    s.fail(`the URL must be http or https, not ${parsed.protocol}`);
  if (parsed.username !== '' || parsed.password !== '') {
    s.fail('the URL must not hold credentials; give them as headers with { env: NAME } values');
  }
  return parsed.href;
}

function pagination(s: Settings, value: unknown): Pagination {
  if (value === undefined) return { type: 'none' };
  const p = s.object(value, 'pagination');
  const allowed: Record<string, readonly string[]> = {
    cursor: ['type', 'param', 'next'],
    offset: ['type', 'param', 'limit', 'limitParam'],
    link: ['type'],
  };
  const keys = typeof p.type === 'string' ? allowed[p.type] : undefined;
  if (keys === undefined) s.fail('pagination type must be one of cursor, offset, link');
  const extra = Object.keys(p).filter((k) => !keys.includes(k));
  if (extra.length > 0) s.fail(`pagination ${p.type} takes ${keys.join(', ')}, not ${extra.join(', ')}`);
  if (p.type === 'cursor') {
    const next = s.path(p.next, 'pagination next');
    if (next.segments.length === 0) s.fail('pagination next must say where the cursor is in the body');
    return { type: 'cursor', param: s.name(p.param, 'pagination param'), next };
  }
  if (p.type === 'offset') {
    if (p.limit === undefined) s.fail('pagination offset needs limit, the page size');
    return {
      type: 'offset',
      param: s.name(p.param, 'pagination param'),
      limit: s.whole(p.limit, 'pagination limit', 0, 1, 100_000),
      ...(p.limitParam === undefined ? {} : { limitParam: s.name(p.limitParam, 'pagination limitParam') }),
    };
  }
  return { type: 'link' };
}

function watermark(s: Settings, value: unknown): WatermarkSetting | undefined {
  if (value === undefined) return undefined;
  const w = s.object(value, 'watermark');
  const extra = Object.keys(w).filter((k) => k !== 'field' && k !== 'param');
  if (extra.length > 0) s.fail(`watermark takes field and param, not ${extra.join(', ')}`);
  if (typeof w.field !== 'string' || w.field.trim() === '')
    s.fail('watermark field must name a field of the records');
  return {
    field: w.field,
    ...(w.param === undefined ? {} : { param: s.name(w.param, 'watermark param') }),
  };
}

function headers(s: Settings, value: unknown): HttpPullConfig['headers'] {
  if (value === undefined) return [];
  return Object.entries(s.object(value, 'headers')).map(([name, v]) => {
    if (!HEADER_NAME.test(name)) s.fail(`headers: ${JSON.stringify(name)} is not a header name`);
    if (RESERVED_HEADERS.has(name.toLowerCase())) s.fail(`headers: ${name} is set by the port`);
    if (typeof v === 'string') {
      if (/[\r\n]/.test(v)) s.fail(`headers ${name}: the value must be one line`);
      return { name, value: { value: v } };
    }
    const env = typeof v === 'object' && v !== null ? (v as Record<string, unknown>).env : undefined;
    if (typeof env !== 'string' || !ENV_NAME.test(env) || Object.keys(v as object).length !== 1) {
      s.fail(
        `headers ${name} must be a string or { env: NAME }, the environment variable that holds a secret`,
      );
    }
    return { name, value: { env } };
  });
}

function idFields(s: Settings, value: unknown, input: StoredInputPort): string[] {
  if (value === undefined) return primaryKey(input.schema);
  const fields = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(fields) ||
    fields.length === 0 ||
    fields.some((f) => typeof f !== 'string' || f === '')
  ) {
    s.fail('idField must name a field, or a list of fields, of the records');
  }
  return fields as string[];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Reads the port's server entry and `meshplane.port` settings; INVALID_INPUT naming the port and setting when wrong. */
export function httpPullConfig(input: StoredInputPort): HttpPullConfig {
  const s: Settings = new Settings(input.name);
  const settings = input.settings;
  if (!SERVER_TYPES.has(input.server.type.toLowerCase())) {
    s.fail(`an http-pull port reads an api server entry, not ${JSON.stringify(input.server.type)}`);
  }
  const unknown = Object.keys(settings).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) s.fail(`meshplane.port has no setting ${unknown.join(', ')} for kind http-pull`);
  const schedule = pullSchedule(settings.every);
  if (typeof schedule === 'string') s.fail(schedule);
  const mark = watermark(s, settings.watermark);
  const ids = idFields(s, settings.idField, input);
  if (mark === undefined && ids.length === 0) {
    s.fail(
      'needs idField (or a primary key in the contract) or a watermark; without either every pull would store the same records again',
    );
  }
  const d = HTTP_PULL_DEFAULTS;
  const config: HttpPullConfig = {
    port: input.name,
    url: url(s, input),
    schedule,
    records: settings.records === undefined ? BODY_PATH : s.path(settings.records, 'records'),
    pagination: pagination(s, settings.pagination),
    ...(mark === undefined ? {} : { watermark: mark }),
    headers: headers(s, settings.headers),
    idFields: ids,
    limits: {
      maxResponseBytes: s.whole(
        settings.maxResponseBytes,
        'maxResponseBytes',
        d.maxResponseBytes,
        1024,
        1024 ** 3,
      ),
      maxPages: s.whole(settings.maxPages, 'maxPages', d.maxPages, 1, 100_000),
      maxDepth: s.whole(settings.maxDepth, 'maxDepth', d.maxDepth, 2, 256),
      timeoutMs: s.duration(settings.timeout, 'timeout', d.timeoutMs, 100, 600_000),
    },
    retry: {
      attempts: s.whole(settings.retries, 'retries', d.retries, 0, 20),
      baseMs: s.duration(settings.backoff, 'backoff', d.backoffMs, 1, 60_000),
      maxMs: d.maxBackoffMs,
      maxRetryAfterMs: d.maxRetryAfterMs,
    },
  };
  return deepFreeze(config);
}
