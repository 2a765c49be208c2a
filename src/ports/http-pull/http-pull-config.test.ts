import { describe, expect, it } from 'vitest';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { HTTP_PULL_DEFAULTS, httpPullConfig } from './http-pull-config.js';

function port(
  settings: Record<string, unknown>,
  server: Record<string, unknown> = { location: 'https://api.example.com/v1/orders' },
  options: { type?: string; primaryKey?: boolean } = {},
): StoredInputPort {
  return {
    kind: 'http-pull',
    name: 'orders',
    columns: [],
    schema: {
      name: 'orders',
      properties: [
        { name: 'id', physicalName: 'id', primaryKey: options.primaryKey ?? true, primaryKeyPosition: 1 },
      ],
    },
    settings: { kind: 'http-pull', every: '5m', ...settings },
    server: { server: 'api', type: options.type ?? 'api', settings: server, customProperties: [], path: [] },
  } as unknown as StoredInputPort;
}

describe('httpPullConfig', () => {
  it('reads the defaults: the body is the array, one page, the primary key as idempotency key', () => {
    const config = httpPullConfig(port({}));
    expect(config).toEqual({
      port: 'orders',
      url: 'https://api.example.com/v1/orders',
      schedule: { kind: 'interval', ms: 300_000, text: '5m' },
      records: { text: '', segments: [] },
      pagination: { type: 'none' },
      headers: [],
      idFields: ['id'],
      limits: {
        maxResponseBytes: HTTP_PULL_DEFAULTS.maxResponseBytes,
        maxPages: HTTP_PULL_DEFAULTS.maxPages,
        maxDepth: HTTP_PULL_DEFAULTS.maxDepth,
        timeoutMs: HTTP_PULL_DEFAULTS.timeoutMs,
      },
      retry: { attempts: 5, baseMs: 500, maxMs: 30_000, maxRetryAfterMs: 300_000 },
    });
  });

  it('is frozen all the way down', () => {
    const config = httpPullConfig(port({ headers: { Authorization: { env: 'TOKEN' } } }));
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.limits)).toBe(true);
    expect(Object.isFrozen(config.headers[0]?.value)).toBe(true);
  });

  it('reads every setting', () => {
    const config = httpPullConfig(
      port({
        url: 'http://localhost:8080/items',
        every: '0 * * * *',
        records: '/data/items',
        pagination: { type: 'offset', param: 'offset', limit: 50, limitParam: 'limit' },
        watermark: { field: 'updated_at', param: 'since' },
        headers: { Authorization: { env: 'API_TOKEN' }, Accept: 'application/json' },
        idField: ['region', 'id'],
        maxResponseBytes: 2048,
        maxPages: 3,
        maxDepth: 8,
        timeout: '2s',
        retries: 2,
        backoff: '10ms',
      }),
    );
    expect(config).toMatchObject({
      url: 'http://localhost:8080/items',
      schedule: { kind: 'cron', expression: '0 * * * *' },
      records: { text: '/data/items', segments: ['data', 'items'] },
      pagination: { type: 'offset', param: 'offset', limit: 50, limitParam: 'limit' },
      watermark: { field: 'updated_at', param: 'since' },
      headers: [
        { name: 'Authorization', value: { env: 'API_TOKEN' } },
        { name: 'Accept', value: { value: 'application/json' } },
      ],
      idFields: ['region', 'id'],
      limits: { maxResponseBytes: 2048, maxPages: 3, maxDepth: 8, timeoutMs: 2000 },
      retry: { attempts: 2, baseMs: 10 },
    });
  });

  it('reads cursor and link pagination', () => {
    expect(
      httpPullConfig(port({ pagination: { type: 'cursor', param: 'after', next: 'meta.next' } })).pagination,
    ).toEqual({
      type: 'cursor',
      param: 'after',
      next: { text: 'meta.next', segments: ['meta', 'next'] },
    });
    expect(httpPullConfig(port({ pagination: { type: 'link' } })).pagination).toEqual({ type: 'link' });
  });

  it('accepts a watermark instead of a key', () => {
    const config = httpPullConfig(port({ watermark: { field: 'seq' } }, undefined, { primaryKey: false }));
    expect(config.idFields).toEqual([]);
    expect(config.watermark).toEqual({ field: 'seq' });
  });

  it.each([
    [{ every: undefined }, /input port orders: every must be an interval/],
    [{ every: '1ms' }, /at least 100ms/],
    [{ pages: 3 }, /meshplane.port has no setting pages for kind http-pull/],
    [{ url: 'ftp://x/y' }, /must be http or https/],
    [{ url: 'not a url' }, /"not a url" is not a URL/],
    [{ url: 'https://user:pw@api.example.com/' }, /must not hold credentials/],
    [{ records: 'a..b' }, /records 'a..b' has an empty segment/],
    [{ pagination: { type: 'page' } }, /pagination type must be one of cursor, offset, link/],
    [{ pagination: 'link' }, /pagination must be an object/],
    [{ pagination: { type: 'cursor', param: 'after' } }, /pagination next must be a JSON pointer/],
    [
      { pagination: { type: 'cursor', param: 'after', next: '' } },
      /pagination next must say where the cursor is/,
    ],
    [{ pagination: { type: 'cursor', param: 'a b', next: 'n' } }, /pagination param must be a name/],
    [{ pagination: { type: 'offset', param: 'offset' } }, /needs limit, the page size/],
    [{ pagination: { type: 'offset', param: 'offset', limit: 0 } }, /limit must be a whole number from 1/],
    [{ pagination: { type: 'link', param: 'x' } }, /pagination link takes type, not param/],
    [{ watermark: { param: 'since' } }, /watermark field must name a field/],
    [{ watermark: { field: 'a', after: 1 } }, /watermark takes field and param, not after/],
    [{ headers: { Authorization: 'Bearer x\r\nX: y' } }, /must be one line/],
    [{ headers: { Authorization: { env: 'lower-case-bad' } } }, /must be a string or \{ env: NAME \}/],
    [{ headers: { Authorization: { env: 'T', value: 'x' } } }, /must be a string or \{ env: NAME \}/],
    [{ headers: { 'Bad Name': 'x' } }, /is not a header name/],
    [{ headers: { Host: 'evil' } }, /Host is set by the port/],
    [{ idField: [] }, /idField must name a field/],
    [{ maxResponseBytes: 10 }, /maxResponseBytes must be a whole number from 1024/],
    [{ maxDepth: 1.5 }, /maxDepth must be a whole number/],
    [{ timeout: 'soon' }, /timeout must be a duration/],
    [{ retries: 50 }, /retries must be a whole number from 0 to 20/],
  ])('refuses %j', (settings, message) => {
    expect(() => httpPullConfig(port(settings))).toThrow(message);
  });

  it('refuses a port without a URL, on another server type, or without a key or a watermark', () => {
    expect(() => httpPullConfig(port({}, {}))).toThrow(/needs the URL/);
    expect(() => httpPullConfig(port({}, undefined, { type: 'postgres' }))).toThrow(
      /reads an api server entry, not "postgres"/,
    );
    expect(() => httpPullConfig(port({}, undefined, { primaryKey: false }))).toThrow(
      /needs idField \(or a primary key in the contract\) or a watermark/,
    );
  });

  it('says INVALID_INPUT', () => {
    expect(() => httpPullConfig(port({ every: 'x' }))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
