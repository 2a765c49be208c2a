/**
 * What every shared case gets: a fresh database per case, the store open on it, and helpers to
 * open more stores on the same database (replicas) or restart (close and open, as after a crash).
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { MeshplaneError } from '../../src/errors/index.js';
import {
  type ControlStore,
  type ControlStoreOptions,
  createControlStore,
  type ProductRegistration,
} from '../../src/store/index.js';
import { PRODUCT, registration } from './fixtures.js';

/** A database the cases can open any number of times, and remove afterwards. */
export interface FreshDatabase {
  readonly options: ControlStoreOptions;
  dispose(): Promise<void>;
}

/** A backend: makes fresh, empty databases. */
export interface StoreBackend {
  readonly name: string;
  fresh(): Promise<FreshDatabase>;
}

export interface StoreHarness {
  readonly backend: StoreBackend;
  /** This case's database. */
  readonly database: FreshDatabase;
  /** The store the case works with. */
  readonly store: ControlStore;
  /** Another store on the same database, closed after the case. */
  open(): Promise<ControlStore>;
  /** Closes `store` without finishing anything and opens a new one, as a restarted process. */
  restart(): Promise<ControlStore>;
  /** Begins, steps through and completes a deploy of `PRODUCT`; returns its id. */
  deploy(version: string, digest: string, reg?: ProductRegistration, on?: ControlStore): Promise<string>;
}

/** Registers the before/after hooks of a describe block and returns its harness. */
export function useStoreHarness(backend: StoreBackend): StoreHarness {
  let database: FreshDatabase | undefined;
  let store: ControlStore | undefined;
  const opened: ControlStore[] = [];

  const harness: StoreHarness = {
    backend,
    get database() {
      if (database === undefined) throw new Error('no database outside a case');
      return database;
    },
    get store() {
      if (store === undefined) throw new Error('no store outside a case');
      return store;
    },
    async open() {
      const s = await createControlStore(harness.database.options);
      opened.push(s);
      return s;
    },
    async restart() {
      await harness.store.close().catch(() => undefined);
      store = await harness.open();
      return store;
    },
    async deploy(version, digest, reg = registration(), on = harness.store) {
      const begun = await on.beginDeploy({ productId: PRODUCT, version, digest, bundle: { digest } });
      expect(begun.alreadyDeployed).toBe(false);
      await on.recordDeployStep(begun.deploy.id, 'validated');
      await on.recordDeployStep(begun.deploy.id, 'provisioned', { table: 'order_lines' });
      await on.completeDeploy(begun.deploy.id, reg);
      return begun.deploy.id;
    },
  };

  beforeEach(async () => {
    database = await backend.fresh();
    store = await harness.open();
  });

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => undefined);
    await database?.dispose();
    database = undefined;
    store = undefined;
  });

  return harness;
}

/** The error `promise` rejects with, which must be a MeshplaneError with `code`. */
export async function rejection(promise: Promise<unknown>, code: string): Promise<MeshplaneError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection, got a result'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MeshplaneError);
  expect((error as MeshplaneError).code).toBe(code);
  return error as MeshplaneError;
}
