import { describe, expect, it } from 'vitest';
import { bundleDescriptorFacts } from './bundle-descriptor.js';

describe('bundleDescriptorFacts', () => {
  it('reads the domain and custom properties of the bundle descriptor', () => {
    const bundle = {
      root: '/ws/domains/sales/orders',
      files: [
        { path: 'orders.sql', content: 'select 1' },
        {
          path: 'product.odps.yaml',
          content:
            'id: sales.orders\ndomain: Sales\ncustomProperties:\n  - property: meshplane.scaffoldedAt\n    value: "2025-01-01T00:00:00Z"\n  - nonsense\n',
        },
      ],
    };
    expect(bundleDescriptorFacts(bundle)).toEqual({
      domain: 'sales',
      customProperties: [{ property: 'meshplane.scaffoldedAt', value: '2025-01-01T00:00:00Z' }],
    });
  });

  it('gives nothing for a bundle without a readable descriptor', () => {
    const none = { customProperties: [] };
    expect(bundleDescriptorFacts(undefined)).toEqual(none);
    expect(bundleDescriptorFacts({ files: 'x' })).toEqual(none);
    expect(bundleDescriptorFacts({ files: [{ path: 'p.odps.yaml', content: 'id: [broken' }] })).toEqual(none);
    expect(bundleDescriptorFacts({ files: [{ path: 'p.odps.json', content: '{"domain": 3}' }] })).toEqual(
      none,
    );
  });
});
