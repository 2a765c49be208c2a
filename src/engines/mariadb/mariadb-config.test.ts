import { describe, expect, it } from 'vitest';
import {
  mariadbConfigFromServer,
  mariadbTarget,
  parseMariadbUrl,
  redactMariadbUrl,
  resolveMariadbPassword,
} from './mariadb-config.js';

describe('parseMariadbUrl', () => {
  it('reads mysql:// and mariadb:// URLs, and freezes', () => {
    const config = parseMariadbUrl('mariadb://etl:p%40ss@db.example.com:3307/shop?ssl-mode=REQUIRED');
    expect(config).toEqual({
      host: 'db.example.com',
      port: 3307,
      database: 'shop',
      user: 'etl',
      password: {},
      ssl: 'require',
      connectTimeoutMs: 10_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(resolveMariadbPassword(config)).toBe('p@ss');
    expect(JSON.stringify(config)).not.toContain('p@ss');
    expect(mariadbTarget(config)).toBe('db.example.com:3307/shop');
  });

  it('needs no database, defaults the port', () => {
    const config = parseMariadbUrl('mysql://root@127.0.0.1');
    expect(config).toMatchObject({ port: 3306, database: undefined, user: 'root', password: undefined });
    expect(mariadbTarget(config)).toBe('127.0.0.1:3306');
  });

  it.each([
    ['postgres://u@h/db', /is not a mysql:\/\/ or mariadb:\/\/ URL/],
    ['mysql://u@h/a/b', /the path must be one database name/],
    ['mysql://u@h/db?charset=latin1', /unknown parameter 'charset'/],
    ['mysql://u@h/db?ssl-mode=maybe', /ssl-mode "maybe" is not one of/],
    ['mysql://', /names no host|not a valid/],
  ])('refuses %s', (url, message) => {
    expect(() => parseMariadbUrl(url)).toThrow(message);
  });

  it('never repeats the password of a URL it refuses', () => {
    expect(() => parseMariadbUrl('mysql://u:hunter2@h/db?x=1')).toThrow(
      "mariadb: mysql://u:***@h/db?x=1: unknown parameter 'x'",
    );
    expect(redactMariadbUrl('mariadb://u:hunter2@h/db')).toBe('mariadb://u:***@h/db');
  });
});

describe('mariadbConfigFromServer', () => {
  const server = { host: '127.0.0.1', port: 3306, database: 'shop' };

  it('reads the server entry and the meshplane.port user and password reference', () => {
    const config = mariadbConfigFromServer(server, { user: 'reader', password: { env: 'MYSQL_PWD' } });
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 3306,
      database: 'shop',
      user: 'reader',
      password: { env: 'MYSQL_PWD' },
      ssl: 'disable',
      connectTimeoutMs: 10_000,
    });
    expect(resolveMariadbPassword(config, { MYSQL_PWD: 's3cret' })).toBe('s3cret');
    expect(() => resolveMariadbPassword(config, {})).toThrow(
      'mariadb 127.0.0.1:3306/shop: the environment variable MYSQL_PWD (the password) is not set',
    );
  });

  it.each([
    [{ ...server, host: undefined }, {}, /host is required/],
    [{ ...server, database: undefined }, {}, /database is required/],
    [{ ...server, port: -1 }, {}, /is not a TCP port/],
    [server, { password: 'plain-secret' }, /password must be \{ env: NAME \}/],
    [server, { 'ssl-mode': 'sometimes' }, /ssl-mode "sometimes"/],
  ])('refuses %j %j', (entry, port, message) => {
    expect(() => mariadbConfigFromServer(entry, port)).toThrow(message);
  });
});
