/** The nats port's entry for the stream supervisor: one source per stored input port of kind `nats`. */
import type { RuntimeProduct, StoredInputPort } from '../../runtime/runtime-product.js';
import type { StreamSource } from '../stream/stream-types.js';
import { natsPortConfig } from './nats-port-config.js';
import { createNatsSource } from './nats-source.js';

/**
 * Validates the port's settings (INVALID_INPUT naming the port and the setting) and returns the
 * source that feeds `input.<port>` from its JetStream stream.
 */
export function natsSourceFactory(port: StoredInputPort, product: RuntimeProduct): StreamSource {
  return createNatsSource(natsPortConfig(port, product.id));
}
