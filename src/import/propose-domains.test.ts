import { describe, expect, it } from 'vitest';
import type { ImportedTable } from './imported-table.js';
import { proposeDomains } from './propose-domains.js';

/** A table with an `id` key and `<target>_id` columns referencing each target. */
function table(name: string, ...references: string[]): ImportedTable {
  return {
    schema: 'app',
    name,
    columns: [
      { name: 'id', dataType: 'integer', nullable: false },
      ...references.map((r) => ({ name: `${r}_id`, dataType: 'integer', nullable: true })),
    ],
    primaryKey: ['id'],
    uniqueKeys: [],
    foreignKeys: references.map((r) => ({
      columns: [`${r}_id`],
      referencedTable: r,
      referencedColumns: ['id'],
    })),
  };
}

/**
 * Three natural groups (accounts, sales, support) tied together by a few foreign keys to
 * `users` and `orders`, plus two tables with no foreign key at all: 20 tables.
 */
const SCHEMA: ImportedTable[] = [
  // accounts
  table('users'),
  table('addresses', 'users'),
  table('user_profiles', 'users'),
  table('user_settings', 'users'),
  table('sessions', 'users'),
  table('login_events', 'users', 'sessions'),
  // sales
  table('products'),
  table('orders', 'users'),
  table('order_lines', 'orders', 'products'),
  table('payments', 'orders'),
  table('refunds', 'payments', 'order_lines'),
  table('shipments', 'orders'),
  table('shipment_items', 'shipments', 'order_lines'),
  // support
  table('agents'),
  table('sla_policies'),
  table('tickets', 'users', 'orders', 'agents', 'sla_policies'),
  table('ticket_comments', 'tickets', 'agents'),
  table('ticket_tags', 'tickets'),
  // no foreign keys
  table('audit_log'),
  table('feature_flags'),
];

describe('proposeDomains', () => {
  it('splits the connected schema into its three natural groups, named after their most referenced table', () => {
    const proposal = proposeDomains(SCHEMA);
    const byName = Object.fromEntries(proposal.domains.map((d) => [d.name, [...d.tables].sort()]));
    expect(byName).toEqual({
      users: ['addresses', 'login_events', 'sessions', 'user_profiles', 'user_settings', 'users'],
      orders: ['order_lines', 'orders', 'payments', 'products', 'refunds', 'shipment_items', 'shipments'],
      tickets: ['agents', 'sla_policies', 'ticket_comments', 'ticket_tags', 'tickets'],
    });
    expect(proposal.unrelated).toEqual(['audit_log', 'feature_flags']);
    for (const d of proposal.domains) expect(d.reason).toMatch(/split from a group of 18 tables/);
  });

  it('lists every foreign key between proposed domains for review', () => {
    const proposal = proposeDomains(SCHEMA);
    const links = proposal.crossReferences.map(
      (r) => `${r.fromDomain}.${r.fromTable} -> ${r.toDomain}.${r.toTable}`,
    );
    expect(links).toEqual([
      'orders.orders -> users.users',
      'tickets.tickets -> users.users',
      'tickets.tickets -> orders.orders',
    ]);
    expect(proposal.crossReferences[0]).toMatchObject({ columns: ['users_id'], referencedColumns: ['id'] });
  });

  it('keeps a connected group that is small enough whole', () => {
    const proposal = proposeDomains(SCHEMA, { maxDomainTables: 30 });
    expect(proposal.domains).toHaveLength(1);
    expect(proposal.domains[0]).toMatchObject({ name: 'users', anchor: 'users' });
    expect(proposal.domains[0]?.tables).toHaveLength(18);
    expect(proposal.crossReferences).toEqual([]);
  });

  it('reports foreign keys to tables outside the import', () => {
    const proposal = proposeDomains([table('orders', 'customers'), table('order_lines', 'orders')]);
    expect(proposal.externalReferences).toEqual([{ table: 'orders', referencedTable: 'customers' }]);
    expect(proposal.domains.map((d) => d.name)).toEqual(['orders']);
  });

  it('is deterministic whatever the order of the tables', () => {
    const a = proposeDomains(SCHEMA);
    const b = proposeDomains([...SCHEMA].reverse());
    expect(b).toEqual(a);
  });
});
