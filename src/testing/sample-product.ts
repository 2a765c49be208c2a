/**
 * The product as a test runs it: the same output ports, contracts and SQL, with every input port
 * turned into a files port that reads the port's sample file. Pure.
 *
 * Why a files port for every kind: the files port is the runtime's one bulk reader and validator
 * (DuckDB reader, `castSql`, `rejectReasonSql`); streamed ports stage their records through the
 * same SQL (src/ports/stream), so a sample row is accepted or rejected exactly as the real port
 * would do it, without a broker, a database or a server. A port on another product's output reads
 * the sample under that output port's contract, as if the upstream product had served those rows.
 */
import { MeshplaneError } from '../errors/index.js';
import type {
  ProductInputPort,
  RuntimeInputPort,
  RuntimeOutputPort,
  RuntimeProduct,
  StoredInputPort,
} from '../runtime/index.js';
import type { SampleFormat } from './sample-inputs.js';

/** Where a port's sample was placed for the test run (a path no glob character can mislead). */
export interface PlacedSample {
  readonly port: string;
  /** Absolute path of the copy the files port reads. */
  readonly file: string;
  readonly format: SampleFormat;
}

/** The upstream output port version an input port on another product reads. */
export type UpstreamLookup = (input: ProductInputPort) => RuntimeOutputPort | undefined;

/** CSV settings a files port declares; a sample of that port is read with them. */
const CSV_SETTINGS = ['header', 'delimiter', 'quote', 'escape'] as const;

function csvSettings(input: RuntimeInputPort): Record<string, unknown> {
  if (input.kind !== 'files') return {};
  return Object.fromEntries(
    CSV_SETTINGS.filter((k) => input.settings[k] !== undefined).map((k) => [k, input.settings[k]]),
  );
}

function filesPort(
  input: RuntimeInputPort,
  sample: PlacedSample,
  shape: Pick<StoredInputPort, 'contract' | 'schema' | 'columns'>,
): StoredInputPort {
  return {
    kind: 'files',
    name: input.name,
    contract: shape.contract,
    schema: shape.schema,
    columns: shape.columns,
    server: {
      server: 'sample',
      type: 'local',
      settings: { path: sample.file, format: sample.format },
      customProperties: [],
      path: [],
    },
    settings: {
      kind: 'files',
      ...(sample.format === 'csv' ? csvSettings(input) : {}),
    },
  };
}

/**
 * `product` with each input port reading its placed sample. INVALID_INPUT when a port has no
 * sample, or reads another product's output port that `upstream` cannot find.
 */
export function sampleProduct(
  product: RuntimeProduct,
  samples: readonly PlacedSample[],
  upstream: UpstreamLookup,
): RuntimeProduct {
  const inputs = product.inputs.map((input): StoredInputPort => {
    const sample = samples.find((s) => s.port === input.name);
    if (sample === undefined) {
      throw new MeshplaneError('INVALID_INPUT', `${product.id}/${input.name}: no sample input was placed`);
    }
    if (input.kind !== 'product') return filesPort(input, sample, input);
    const port = upstream(input);
    if (port === undefined) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        `${product.id}/${input.name}: reads ${input.productId}/${input.port}, which could not be loaded (run meshplane validate on ${input.productId})`,
      );
    }
    return filesPort(input, sample, port);
  });
  return { ...product, inputs };
}
