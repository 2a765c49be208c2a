/** A port's contract history, as deploys registered it. */
import { describe, expect, it } from 'vitest';
import type { ProductRegistration } from '../../../src/store/index.js';
import { PRODUCT, registration } from '../fixtures.js';
import type { StoreHarness } from '../store-harness.js';

/** A contract of the `order_lines` port. */
interface PortContract {
  readonly portVersion: string;
  readonly id: string;
  readonly version: string;
}

/** The fixture's registration with `order_lines` served at each given version and contract. */
function withContracts(contracts: readonly PortContract[]): ProductRegistration {
  const base = registration();
  return {
    ...base,
    outputPorts: contracts.map((c) => ({ name: 'order_lines', version: c.portVersion, contractId: c.id })),
    contracts: [
      ...contracts.map((c) => ({
        id: c.id,
        version: c.version,
        port: 'order_lines',
        apiVersion: 'v3.1.0',
        document: { id: c.id, version: c.version },
      })),
      ...base.contracts.filter((c) => c.port === undefined),
    ],
  };
}

/** Registers the cases. */
export function contractHistoryCases(h: StoreHarness): void {
  describe('contract history', () => {
    it('lists each contract version of a port once, from its first registration, oldest first', async () => {
      const v1 = { portVersion: '1.0.0', id: 'orders.order_lines.v1' };
      await h.deploy('1.0.0', 'sha256:a', withContracts([{ ...v1, version: '1.0.0' }]));
      await h.deploy('1.1.0', 'sha256:b', withContracts([{ ...v1, version: '1.0.0' }]));
      await h.deploy('1.2.0', 'sha256:c', withContracts([{ ...v1, version: '1.1.0' }]));
      await h.deploy(
        '2.0.0',
        'sha256:d',
        withContracts([
          { ...v1, version: '1.1.0' },
          { portVersion: '2.0.0', id: 'orders.order_lines.v2', version: '2.0.0' },
        ]),
      );

      const history = await h.store.listPortContracts(PRODUCT, 'order_lines');
      expect(history.map((c) => [c.contractId, c.contractVersion, c.portVersion, c.productVersion])).toEqual([
        ['orders.order_lines.v1', '1.0.0', '1.0.0', '1.0.0'],
        ['orders.order_lines.v1', '1.1.0', '1.0.0', '1.2.0'],
        ['orders.order_lines.v2', '2.0.0', '2.0.0', '2.0.0'],
      ]);
      expect(history[0]?.document).toEqual({ id: 'orders.order_lines.v1', version: '1.0.0' });
      const versions = (await h.store.getProduct(PRODUCT))?.versions ?? [];
      expect(history[0]?.deployedAt).toBe(versions.find((v) => v.version === '1.0.0')?.deployedAt);
      expect(history[2]?.deployedAt).toBe(versions.find((v) => v.version === '2.0.0')?.deployedAt);

      // Input contracts (no port) and other ports are not part of the history.
      expect(await h.store.listPortContracts(PRODUCT, 'raw_orders')).toEqual([]);
      expect(await h.store.listPortContracts(PRODUCT, 'no_such_port')).toEqual([]);
      expect(await h.store.listPortContracts('customers.customers', 'order_lines')).toEqual([]);
    });
  });
}
