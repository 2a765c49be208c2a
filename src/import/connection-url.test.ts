import { describe, expect, it } from 'vitest';
import { parseConnectionUrl, redactUrl, withoutPassword } from './connection-url.js';
import { describeConnection } from './source-connection.js';

describe('parseConnectionUrl', () => {
  it('keeps host, port, database, schema and user, and only the name of the password variable', () => {
    const parsed = parseConnectionUrl(
      'postgres://app:s%40cret@db.internal:6543/shop?sslmode=require',
      'postgres',
      'legacy',
    );
    expect(parsed).toEqual({
      connection: {
        engine: 'postgres',
        host: 'db.internal',
        port: 6543,
        database: 'shop',
        schema: 'legacy',
        user: 'app',
        passwordEnv: 'PGPASSWORD',
      },
      hadPassword: true,
    });
    expect(JSON.stringify(parsed)).not.toContain('cret');
  });

  it('defaults the port and names MYSQL_PWD for MariaDB', () => {
    expect(parseConnectionUrl('mariadb://root:pw@127.0.0.1/test', 'mysql').connection).toEqual({
      engine: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      database: 'test',
      user: 'root',
      passwordEnv: 'MYSQL_PWD',
    });
    expect(parseConnectionUrl('postgresql://localhost/db', 'postgres')).toMatchObject({
      connection: { port: 5432 },
      hadPassword: false,
    });
  });

  it('refuses a URL of another engine, or without a database, without repeating it', () => {
    expect(() => parseConnectionUrl('mysql://u:topsecret@h/db', 'postgres')).toThrow(/starts with postgres:/);
    expect(() => parseConnectionUrl('postgres://u:topsecret@h', 'postgres')).toThrow(
      /no host or no database/,
    );
    try {
      parseConnectionUrl('not a url topsecret', 'postgres');
    } catch (error) {
      expect(String(error)).not.toContain('topsecret');
    }
  });

  it('redacts the password from URLs and messages', () => {
    const url = 'postgres://app:top%23secret@db:5432/shop';
    expect(redactUrl(url)).toBe('postgres://app@db:5432/shop');
    expect(withoutPassword(`cannot connect to ${url} with top#secret`, url)).toBe(
      'cannot connect to postgres://app@db:5432/shop with ***',
    );
    expect(describeConnection(parseConnectionUrl(url, 'postgres').connection)).toBe(
      'postgres://app@db:5432/shop',
    );
  });
});
