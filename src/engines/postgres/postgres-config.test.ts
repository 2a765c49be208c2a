import { describe, expect, it } from 'vitest';
import {
  parsePostgresUrl,
  postgresConfigFromServer,
  postgresTarget,
  redactPostgresUrl,
  resolvePostgresPassword,
} from './postgres-config.js';

describe('parsePostgresUrl', () => {
  it('reads user, password, host, port and database, and freezes', () => {
    const config = parsePostgresUrl(
      'postgres://etl:p%40ss%3Aword@db.example.com:6432/ware%20house?sslmode=require',
    );
    expect(config).toEqual({
      host: 'db.example.com',
      port: 6432,
      database: 'ware house',
      schema: undefined,
      user: 'etl',
      password: {},
      ssl: 'require',
      connectTimeoutMs: 10_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(resolvePostgresPassword(config)).toBe('p@ss:word');
    // The literal password never shows when the config is logged or serialized.
    expect(JSON.stringify(config)).not.toContain('p@ss');
    expect(postgresTarget(config)).toBe('db.example.com:6432/ware house');
  });

  it('defaults the port, leaves user and password to the driver, reads postgresql:// and IPv6', () => {
    expect(parsePostgresUrl('postgresql://[::1]/test')).toMatchObject({
      host: '::1',
      port: 5432,
      user: undefined,
      password: undefined,
      ssl: 'disable',
    });
  });

  it.each([
    ['mysql://u@h/db', /is not a postgres:\/\/ URL/],
    ['postgres://u@h:5432', /names no database/],
    ['postgres://u@h:5432/a/b', /names no database/],
    ['postgres://u@h:5432/db?search_path=x', /unknown parameter 'search_path'/],
    ['postgres://u@h:5432/db?sslmode=sometimes', /sslmode "sometimes" is not one of/],
    ['not a url', /not a valid postgres:\/\/ URL/],
  ])('refuses %s', (url, message) => {
    expect(() => parsePostgresUrl(url)).toThrow(message);
  });

  it('never repeats the password of a URL it refuses', () => {
    expect(() => parsePostgresUrl('postgres://u:hunter2@h:5432')).toThrow(
      'postgres: postgres://u:***@h:5432 names no database (postgres://host:port/database)',
    );
    expect(redactPostgresUrl('postgres://u:hunter2@h/db')).toBe('postgres://u:***@h/db');
    expect(redactPostgresUrl('postgres://h/db')).toBe('postgres://h/db');
  });
});

describe('postgresConfigFromServer', () => {
  const server = { host: '127.0.0.1', port: 5432, database: 'test', schema: 'legacy' };

  it('reads the server entry and the meshplane.port user and password reference', () => {
    const config = postgresConfigFromServer(server, { user: 'reader', password: { env: 'PGPASSWORD' } });
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 5432,
      database: 'test',
      schema: 'legacy',
      user: 'reader',
      password: { env: 'PGPASSWORD' },
      ssl: 'disable',
      connectTimeoutMs: 10_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(resolvePostgresPassword(config, { PGPASSWORD: 's3cret' })).toBe('s3cret');
    expect(() => resolvePostgresPassword(config, {})).toThrow(
      'postgres 127.0.0.1:5432/test: the environment variable PGPASSWORD (the password) is not set',
    );
    expect(resolvePostgresPassword(postgresConfigFromServer(server))).toBeUndefined();
  });

  it.each([
    [{ ...server, host: undefined }, {}, /host is required/],
    [{ ...server, database: '' }, {}, /database must be a non-empty string/],
    [{ ...server, port: 'abc' }, {}, /port "abc" is not a TCP port/],
    [{ ...server, port: 70000 }, {}, /port 70000 is not a TCP port/],
    [server, { password: 'plain-secret' }, /password must be \{ env: NAME \}/],
    [server, { password: { env: 'A B' } }, /password must be \{ env: NAME \}/],
    [server, { password: { env: 'X', value: 'y' } }, /password must be \{ env: NAME \}/],
    [server, { user: 3 }, /user must be a non-empty string/],
  ])('refuses %j %j', (entry, port, message) => {
    expect(() => postgresConfigFromServer(entry, port)).toThrow(message);
  });

  it('never repeats a literal password from a contract', () => {
    expect(() => postgresConfigFromServer(server, { password: 'plain-secret' })).not.toThrow(/plain-secret/);
  });
});
