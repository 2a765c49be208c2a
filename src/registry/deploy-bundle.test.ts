import { describe, expect, it } from 'vitest';
import { bundleDigest, checkBundle } from './deploy-bundle.js';

const bundle = (files: { path: string; content: string }[]) => ({ root: '/w/domains/orders/orders', files });

describe('deploy bundles', () => {
  it('refuses paths that leave the product folder, repeated paths, and zero or two descriptors', () => {
    expect(() => checkBundle(bundle([{ path: '../x.odps.yaml', content: '' }]))).toThrow(
      /inside the product folder/,
    );
    expect(() => checkBundle(bundle([{ path: '/etc/x.odps.yaml', content: '' }]))).toThrow(/relative/);
    expect(() =>
      checkBundle(
        bundle([
          { path: 'p.odps.yaml', content: '' },
          { path: 'p.odps.yaml', content: '' },
        ]),
      ),
    ).toThrow(/twice/);
    expect(() => checkBundle(bundle([{ path: 'a.sql', content: '' }]))).toThrow(
      /exactly one product descriptor/,
    );
  });

  it('digests content, not order or origin', async () => {
    const a = bundle([
      { path: 'p.odps.yaml', content: 'x' },
      { path: 'o.sql', content: 'select 1' },
    ]);
    const b = { root: '/elsewhere', files: [...a.files].reverse() };
    expect(await bundleDigest(a)).toBe(await bundleDigest(b));
    const changed = bundle([
      { path: 'p.odps.yaml', content: 'x' },
      { path: 'o.sql', content: 'select 2' },
    ]);
    expect(await bundleDigest(changed)).not.toBe(await bundleDigest(a));
    expect(await bundleDigest(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
