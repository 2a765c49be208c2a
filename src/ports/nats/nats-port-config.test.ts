import { describe, expect, it } from 'vitest';
import { MeshplaneError } from '../../errors/index.js';
import type { StoredInputPort } from '../../runtime/runtime-product.js';
import { natsPortConfig } from './nats-port-config.js';

const columns = [
  { name: 'order_id', sqlType: 'VARCHAR', kind: 'string', required: true },
  { name: 'amount', sqlType: 'DOUBLE', kind: 'number', required: false },
];

function port(settings: Record<string, unknown>, server: Record<string, unknown> = {}): StoredInputPort {
  return {
    kind: 'nats',
    name: 'orders',
    columns,
    settings: { kind: 'nats', ...settings },
    schema: { name: 'orders', properties: [] },
    server: { server: 'events', type: 'custom', settings: server, customProperties: [], path: [] },
  } as unknown as StoredInputPort;
}

function failure(settings: Record<string, unknown>): MeshplaneError {
  try {
    natsPortConfig(port(settings), 'sales.orders');
  } catch (error) {
    expect(error).toBeInstanceOf(MeshplaneError);
    expect((error as MeshplaneError).code).toBe('INVALID_INPUT');
    expect((error as MeshplaneError).message).toMatch(/^input port orders: meshplane\.port /);
    return error as MeshplaneError;
  }
  throw new Error(`accepted ${JSON.stringify(settings)}`);
}

describe('natsPortConfig', () => {
  it('fills the defaults and freezes the result', () => {
    const config = natsPortConfig(port({ stream: 'ORDERS' }), 'sales.orders');
    expect(config).toEqual({
      port: 'orders',
      servers: ['nats://127.0.0.1:4222'],
      stream: 'ORDERS',
      subjects: [],
      create: false,
      consumer: 'meshplane_sales_orders_orders',
      batch: 1000,
      idField: undefined,
      ackWaitMs: 30_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.servers)).toBe(true);
    expect(Object.isFrozen(config.subjects)).toBe(true);
  });

  it('reads every setting', () => {
    const config = natsPortConfig(
      port({
        url: 'nats://a:4222, tls://b:4223',
        stream: 'ORDERS',
        subjects: ['orders.*.created', 'orders.>'],
        create: true,
        consumer: 'orders-reader',
        batch: 250,
        idField: 'order_id',
        ackWaitSeconds: 5,
      }),
      'sales.orders',
    );
    expect(config).toMatchObject({
      servers: ['nats://a:4222', 'tls://b:4223'],
      subjects: ['orders.*.created', 'orders.>'],
      create: true,
      consumer: 'orders-reader',
      batch: 250,
      idField: 'order_id',
      ackWaitMs: 5000,
    });
  });

  it("takes the URL from the server entry's endpointUrl when the port names none", () => {
    const config = natsPortConfig(port({ stream: 'S' }, { endpointUrl: 'nats://events:4222' }), 'p');
    expect(config.servers).toEqual(['nats://events:4222']);
    expect(natsPortConfig(port({ stream: 'S', subjects: 'a.b' }), 'p').subjects).toEqual(['a.b']);
  });

  it.each([
    [{}, /stream must name/],
    [{ stream: 'ORD.ERS' }, /stream must name/],
    [{ stream: 'has space' }, /stream must name/],
    [{ stream: 'S', url: 'http://x:4222' }, /url "http:\/\/x:4222" must look like nats:/],
    [{ stream: 'S', url: [] }, /url must be/],
    [{ stream: 'S', subjects: ['a..b'] }, /"a\.\.b" is not a NATS subject/],
    [{ stream: 'S', subjects: ['a.>.b'] }, /"a\.>\.b" is not a NATS subject/],
    [{ stream: 'S', subjects: ['a.b*'] }, /"a\.b\*" is not a NATS subject/],
    [{ stream: 'S', subjects: [] }, /subjects must be/],
    [{ stream: 'S', create: 'yes' }, /create must be true or false/],
    [{ stream: 'S', create: true }, /create: true needs the subjects/],
    [{ stream: 'S', consumer: 'a.b' }, /consumer must be a durable consumer name/],
    [{ stream: 'S', batch: 0 }, /batch must be a whole number from 1 to 10000/],
    [{ stream: 'S', batch: 10_001 }, /batch must be a whole number/],
    [{ stream: 'S', batch: 1.5 }, /batch must be a whole number/],
    [{ stream: 'S', ackWaitSeconds: 0 }, /ackWaitSeconds must be a whole number from 1 to 3600/],
    [{ stream: 'S', idField: 'missing' }, /idField must name a column of the contract \(order_id, amount\)/],
    [{ stream: 'S', subject: 'a.b' }, /unknown settings subject/],
  ])('refuses %j', (settings, message) => {
    expect(failure(settings).message).toMatch(message);
  });
});
