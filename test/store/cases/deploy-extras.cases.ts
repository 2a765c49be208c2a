/** What a deploy's completion writes with it: audit events, notifications, webhooks. */
import { describe, expect, it } from 'vitest';
import { cloudEvent } from '../../../src/notify/cloud-event.js';
import type { DeployCompletionExtras } from '../../../src/store/index.js';
import { PRODUCT, registration } from '../fixtures.js';
import { rejection, type StoreHarness } from '../store-harness.js';

const EVENT = cloudEvent(
  {
    source: '/meshplane',
    type: 'dev.meshplane.contract.published',
    subject: `${PRODUCT}/order_lines`,
    data: {},
  },
  { newId: () => 'evt-1' },
);

const EXTRAS: DeployCompletionExtras = {
  audit: [{ actor: 'zoe', action: 'deploy.complete', subject: PRODUCT, details: { version: '1.0.0' } }],
  notifications: [
    { type: EVENT.type, recipient: 'crm-team', title: 'Published', message: 'v1', productId: PRODUCT },
  ],
  webhooks: [{ url: 'https://hooks.example.com/x', event: EVENT }],
};

/** Registers the cases. */
export function deployExtrasCases(h: StoreHarness): void {
  describe('deploy completion extras', () => {
    async function begin(): Promise<string> {
      const { deploy } = await h.store.beginDeploy({
        productId: PRODUCT,
        version: '1.0.0',
        digest: 'sha256:a',
        bundle: {},
      });
      await h.store.recordDeployStep(deploy.id, 'validated');
      return deploy.id;
    }

    async function counts(): Promise<number[]> {
      return [
        (await h.store.listAudit({ limit: 100 })).length,
        (await h.store.listNotifications({ limit: 100 })).length,
        (await h.store.listWebhooks({ limit: 100 })).length,
      ];
    }

    it('commits audit events, notifications and webhooks with the completion, once', async () => {
      const id = await begin();
      await h.store.completeDeploy(id, registration(), EXTRAS);
      expect((await h.store.getProduct(PRODUCT))?.currentVersion).toBe('1.0.0');
      expect(await counts()).toEqual([1, 1, 1]);
      expect((await h.store.listAudit({ limit: 1 }))[0]).toMatchObject({
        actor: 'zoe',
        details: { version: '1.0.0' },
      });
      expect((await h.store.listWebhooks({ limit: 1 }))[0]?.event).toEqual(EVENT);
      expect(await h.store.verifyAudit()).toEqual({ ok: true, count: 1 });

      // Completing again is a no-op: nothing is written twice.
      await h.store.completeDeploy(id, registration(), EXTRAS);
      expect(await counts()).toEqual([1, 1, 1]);
    });

    it('writes none of them, nor the registration, when one cannot be stored', async () => {
      const id = await begin();
      // The bad webhook is written last, after the registration, audit and notices: all roll back.
      await rejection(
        h.store.completeDeploy(id, registration(), {
          ...EXTRAS,
          webhooks: [{ url: 'mailto:x@y', event: EVENT }],
        }),
        'INVALID_INPUT',
      );
      expect(await h.store.getProduct(PRODUCT)).toBeUndefined();
      expect((await h.store.getDeploy(id))?.state).toBe('validated');
      expect(await counts()).toEqual([0, 0, 0]);
      expect(await h.store.verifyAudit()).toEqual({ ok: true, count: 0 });

      await h.store.completeDeploy(id, registration(), EXTRAS);
      expect(await counts()).toEqual([1, 1, 1]);
      expect((await h.store.getDeploy(id))?.state).toBe('succeeded');
    });

    it('keeps working for callers that pass no extras', async () => {
      const id = await begin();
      expect((await h.store.completeDeploy(id, registration())).state).toBe('succeeded');
      expect(await counts()).toEqual([0, 0, 0]);
    });
  });
}
