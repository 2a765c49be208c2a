import { describe, expect, it } from 'vitest';
import { deployFromRows } from './deploy-rows.js';
import { fromJsonStringArray, toJsonText } from './json-text.js';
import { meshToRows, teamsFromJoinedRows } from './mesh-rows.js';
import { runFromRow } from './run-rows.js';

const AT = '2026-05-01T10:00:00.000Z';

describe('run rows', () => {
  it('reads BIGINT counts that PostgreSQL returns as strings', () => {
    const run = runFromRow({
      id: 'r',
      product_id: 'p',
      port: 'o',
      trigger: 'manual',
      mode: 'full',
      status: 'succeeded',
      rows_in: '5000000000',
      rows_out: 12,
      error: null,
      started_at: AT,
      finished_at: AT,
    });
    expect(run).toEqual({
      id: 'r',
      productId: 'p',
      port: 'o',
      trigger: 'manual',
      mode: 'full',
      status: 'succeeded',
      rowsIn: 5_000_000_000,
      rowsOut: 12,
      startedAt: AT,
      finishedAt: AT,
    });
  });
});

describe('deploy rows', () => {
  it('orders steps by seq, keeps only the deploy’s own, and reads the error', () => {
    const deploy = deployFromRows(
      {
        id: 'd',
        product_id: 'p',
        version: '1',
        digest: 'x',
        state: 'failed',
        bundle: '{"a":1}',
        error_message: 'boom',
        error_step: 'provisioned',
        created_at: AT,
        updated_at: AT,
        finished_at: AT,
      },
      [
        { deploy_id: 'd', seq: 2, step: 'provisioned', detail: null, recorded_at: AT },
        { deploy_id: 'other', seq: 1, step: 'validated', detail: null, recorded_at: AT },
        { deploy_id: 'd', seq: 1, step: 'validated', detail: '{"ok":true}', recorded_at: AT },
      ],
    );
    expect(deploy.steps).toEqual([
      { seq: 1, step: 'validated', detail: { ok: true }, at: AT },
      { seq: 2, step: 'provisioned', at: AT },
    ]);
    expect(deploy.error).toEqual({ message: 'boom', step: 'provisioned' });
    expect(deploy.bundle).toEqual({ a: 1 });
  });
});

describe('mesh rows', () => {
  it('flattens members and reads teams back with an empty one', () => {
    const rows = meshToRows({
      name: 'm',
      domains: [],
      teams: [{ name: 't', members: [{ username: 'u', role: 'owner' }] }],
    });
    expect(rows.members).toEqual([{ team_name: 't', username: 'u', name: null, role: 'owner' }]);
    expect(
      teamsFromJoinedRows([
        { team_name: 'e', team_description: 'empty', username: null, member_name: null, member_role: null },
        { team_name: 't', team_description: null, username: 'u', member_name: null, member_role: 'owner' },
      ]),
    ).toEqual([
      { name: 'e', description: 'empty', members: [] },
      { name: 't', members: [{ username: 'u', role: 'owner' }] },
    ]);
  });
});

describe('json text', () => {
  it('stores undefined as null, refuses BigInt, and reads string arrays leniently', () => {
    expect(toJsonText(undefined, 'x')).toBe('null');
    expect(() => toJsonText({ n: 1n }, 'the bundle')).toThrow('the bundle cannot be stored as JSON');
    expect(fromJsonStringArray('["a", 1, "b"]', 'tags')).toEqual(['a', 'b']);
    expect(fromJsonStringArray('{}', 'tags')).toEqual([]);
  });
});
