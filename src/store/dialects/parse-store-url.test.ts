import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import { describePostgresUrl, parseStoreUrl } from './parse-store-url.js';

const ws = path.resolve('/ws');

describe('parseStoreUrl', () => {
  it('defaults to <workspace>/.meshplane/control.db', () => {
    expect(parseStoreUrl(undefined, ws)).toEqual({
      kind: 'sqlite',
      file: path.join(ws, '.meshplane', 'control.db'),
    });
    expect(parseStoreUrl('', ws)).toEqual(parseStoreUrl(undefined, ws));
  });

  it('reads sqlite: URLs relative to the workspace, absolute, or in memory', () => {
    expect(parseStoreUrl('sqlite:meta/control.db', ws)).toEqual({
      kind: 'sqlite',
      file: path.join(ws, 'meta', 'control.db'),
    });
    expect(parseStoreUrl('sqlite:///var/lib/mp.db', ws)).toEqual({ kind: 'sqlite', file: '/var/lib/mp.db' });
    expect(parseStoreUrl('sqlite::memory:', ws)).toEqual({ kind: 'sqlite', file: ':memory:' });
  });

  it('reads postgres:// and postgresql:// URLs, describing them without the password', () => {
    const parsed = parseStoreUrl('postgresql://admin:pa55@db.internal:6543/meta?sslmode=require', ws);
    expect(parsed).toEqual({
      kind: 'postgres',
      url: 'postgresql://admin:pa55@db.internal:6543/meta?sslmode=require',
      target: 'PostgreSQL at db.internal:6543/meta',
    });
    expect(parseStoreUrl('postgres://localhost/x', ws)).toMatchObject({
      target: 'PostgreSQL at localhost:5432/x',
    });
  });

  it('refuses other URLs without repeating them', () => {
    const error = (() => {
      try {
        parseStoreUrl('mysql://root:topsecret@h/db', ws);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('INVALID_INPUT');
    expect((error as MeshplaneError).message).toContain("scheme 'mysql'");
    expect((error as MeshplaneError).message).not.toContain('topsecret');
    expect(() => parseStoreUrl('sqlite:', ws)).toThrow(MeshplaneError);
  });
});

describe('describePostgresUrl', () => {
  it('takes the host from ?host= for socket URLs and the user as the default database', () => {
    expect(describePostgresUrl('postgres://me@/?host=/run/postgresql')).toBe(
      'PostgreSQL at /run/postgresql:5432/me',
    );
    expect(describePostgresUrl('postgres://a b@h:x/')).toBe('PostgreSQL (unparsable URL)');
  });
});
