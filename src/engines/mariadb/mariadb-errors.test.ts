import { describe, expect, it } from 'vitest';
import { toMariadbError } from './mariadb-errors.js';

const failure = (message: string, code: string) => Object.assign(new Error(message), { code });
const target = 'db:3306/shop';

describe('toMariadbError', () => {
  it.each([
    [
      failure('connect ECONNREFUSED 10.0.0.1:3306', 'ECONNREFUSED'),
      'UNAVAILABLE',
      'mariadb db:3306/shop is unreachable: connect ECONNREFUSED 10.0.0.1:3306',
    ],
    [
      failure("Unknown database 'shop'", 'ER_BAD_DB_ERROR'),
      'UNAVAILABLE',
      "mariadb db:3306/shop is unreachable: Unknown database 'shop'",
    ],
    [
      failure("Access denied for user 'etl'@'localhost' (using password: YES)", 'ER_ACCESS_DENIED_ERROR'),
      'UNAVAILABLE',
      "mariadb db:3306/shop: cannot sign in: Access denied for user 'etl'@'localhost' (using password: YES) (check the user and the password)",
    ],
    [
      failure("SELECT command denied to user 'etl'@'%' for table `shop`.`t`", 'ER_TABLEACCESS_DENIED_ERROR'),
      'FORBIDDEN',
      "mariadb db:3306/shop: SELECT command denied to user 'etl'@'%' for table `shop`.`t` (grant the user SELECT on it)",
    ],
    [
      failure("Table 'shop.t' doesn't exist", 'ER_NO_SUCH_TABLE'),
      'NOT_FOUND',
      "mariadb db:3306/shop: Table 'shop.t' doesn't exist",
    ],
    [
      failure("Unknown column 'x' in 'field list'", 'ER_BAD_FIELD_ERROR'),
      'NOT_FOUND',
      "mariadb db:3306/shop: Unknown column 'x' in 'field list'",
    ],
    [failure('Division by 0', 'ER_DIVISION_BY_ZERO'), 'ENGINE_ERROR', 'mariadb db:3306/shop: Division by 0'],
  ])('maps %s', (error, code, message) => {
    const mapped = toMariadbError(error, target);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toBe(message);
  });

  it('says cancelled for an interrupted query or an aborted signal, and removes secrets', () => {
    const interrupted = toMariadbError(
      failure('Query execution was interrupted', 'ER_QUERY_INTERRUPTED'),
      target,
    );
    expect(interrupted).toMatchObject({ code: 'ENGINE_ERROR', message: 'mariadb db:3306/shop: cancelled' });
    expect(interrupted.details).toEqual({ cancelled: true });
    expect(toMariadbError(failure('x', 'PROTOCOL_CONNECTION_LOST'), target, [], true).details).toEqual({
      cancelled: true,
    });
    expect(
      toMariadbError(failure('pw hunter2', 'ER_ACCESS_DENIED_ERROR'), target, ['hunter2']).message,
    ).not.toContain('hunter2');
  });
});
