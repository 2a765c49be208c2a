import { describe, expect, it } from 'vitest';
import { clearSnapshotSql } from './snapshot-statements.js';

describe('clearSnapshotSql', () => {
  it("removes the port's rows and only its quarantine", () => {
    expect(clearSnapshotSql('p_crm_customers', "it's")).toEqual([
      `DELETE FROM "p_crm_customers"."input"."it's"`,
      `DELETE FROM "p_crm_customers"."_meshplane"."quarantine" WHERE port = 'it''s'`,
    ]);
  });
});
