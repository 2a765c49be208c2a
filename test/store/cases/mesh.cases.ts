/** The mesh: domains and teams replaced from mesh.yaml. */
import { describe, expect, it } from 'vitest';
import { MESH } from '../fixtures.js';
import { rejection, type StoreHarness } from '../store-harness.js';

/** Registers the cases. */
export function meshCases(h: StoreHarness): void {
  describe('mesh', () => {
    it('is empty before the first sync', async () => {
      expect(await h.store.getMesh()).toBeUndefined();
      expect(await h.store.listDomains()).toEqual([]);
      expect(await h.store.listTeams()).toEqual([]);
    });

    it('stores domains and teams by name, optional fields absent', async () => {
      await h.store.syncMesh(MESH);
      expect(await h.store.listDomains()).toEqual([
        { name: 'customers', ownerTeam: 'crm-team' },
        { name: 'orders', description: 'Orders and order lines', ownerTeam: 'orders-team' },
      ]);
      expect(await h.store.listTeams()).toEqual([
        { name: 'crm-team', members: [] },
        {
          name: 'orders-team',
          description: 'Owns orders',
          members: [
            { username: 'adam', role: 'engineer' },
            { username: 'zoe', name: 'Zoe Z', role: 'owner' },
          ],
        },
      ]);
      const mesh = await h.store.getMesh();
      expect(mesh?.name).toBe('shop');
      expect(mesh?.syncedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('replaces everything on the next sync', async () => {
      await h.store.syncMesh(MESH);
      await h.store.syncMesh({
        name: 'shop2',
        domains: [{ name: 'shipping', ownerTeam: 'logistics' }],
        teams: [{ name: 'logistics', members: [{ username: 'lee' }] }],
      });
      expect(await h.store.listDomains()).toEqual([{ name: 'shipping', ownerTeam: 'logistics' }]);
      expect(await h.store.listTeams()).toEqual([{ name: 'logistics', members: [{ username: 'lee' }] }]);
      expect((await h.store.getMesh())?.name).toBe('shop2');
    });

    it('rejects duplicate names and keeps the previous mesh', async () => {
      await h.store.syncMesh(MESH);
      const error = await rejection(
        h.store.syncMesh({
          name: 'shop',
          domains: [
            { name: 'a', ownerTeam: 't' },
            { name: 'a', ownerTeam: 't' },
          ],
          teams: [],
        }),
        'INVALID_INPUT',
      );
      expect(error.message).toContain('duplicate domain names: a');
      expect(await h.store.listDomains()).toHaveLength(2);
    });
  });
}
