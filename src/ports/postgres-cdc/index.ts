/** The `postgres-cdc` input port: a PostgreSQL table's snapshot and then its changes (pgoutput). See CONTEXT.md. */
import type { RuntimeProduct, StoredInputPort } from '../../runtime/runtime-product.js';
import type { StreamSource } from '../stream/stream-types.js';
import { postgresCdcPortSpec } from './postgres-cdc-port-spec.js';
import { createPostgresCdcSource, type PostgresCdcSourceOptions } from './postgres-cdc-source.js';

export { type CdcCheckpoint, formatCheckpoint, parseCheckpoint } from './cdc-checkpoint.js';
export { changeRecords, exactParser } from './change-records.js';
export { formatLsn, parseLsn } from './lsn.js';
export {
  DEFAULT_CDC_BATCH_ROWS,
  type PostgresCdcPortSpec,
  postgresCdcPortSpec,
} from './postgres-cdc-port-spec.js';
export { createPostgresCdcSource, type PostgresCdcSourceOptions } from './postgres-cdc-source.js';

/**
 * The supervisor's factory for `kind: postgres-cdc` ports. Reads the settings now, so a wrong
 * setting fails the port at once (INVALID_INPUT naming it).
 */
export function postgresCdcSourceFactory(port: StoredInputPort, _product: RuntimeProduct): StreamSource {
  return createPostgresCdcSource(postgresCdcPortSpec(port));
}

/** The same factory with options (tests: faster status, another environment). */
export function postgresCdcSourceFactoryWith(
  options: PostgresCdcSourceOptions,
): (port: StoredInputPort, product: RuntimeProduct) => StreamSource {
  return (port) => createPostgresCdcSource(postgresCdcPortSpec(port), options);
}
