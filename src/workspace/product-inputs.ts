import { MeshplaneError } from '../errors/index.js';
import { countCsvRecords } from './csv-records.js';
import type { ProductName } from './names.js';
import type { TemplateFile } from './render-template.js';
import type { ContractSummary, PublishedPort } from './workspace-scan.js';

/** An input of a product built from other products: the output port it reads and a sample of it. */
export interface InputSource {
  readonly port: PublishedPort;
  readonly contract: ContractSummary | undefined;
  /** The publisher's own sample of the port (its `tests/expected/<port>.csv`), when it has one. */
  readonly sample: string | undefined;
}

/** The variables and extra files that `{{inputs}}` templates get from their inputs. */
export interface InputPlan {
  readonly variables: Readonly<Record<string, string>>;
  readonly files: readonly TemplateFile[];
}

/**
 * Finds each `--input` id among the workspace's output ports. Pure. Throws INVALID_INPUT for an
 * id given twice, one that no product publishes (listing those that exist) or the product's own.
 */
export function resolveInputs(
  ids: readonly string[],
  ports: readonly PublishedPort[],
  product: ProductName,
): PublishedPort[] {
  const byId = new Map(ports.map((p) => [p.contractId, p] as const));
  const seen = new Set<string>();
  return ids.map((id) => {
    if (seen.has(id)) throw new MeshplaneError('INVALID_INPUT', `--input '${id}' is given twice`);
    seen.add(id);
    const port = byId.get(id);
    if (port === undefined) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        `--input '${id}' is not the contractId of any output port in the workspace; ${availablePorts(ports)}`,
      );
    }
    if (port.productId === product.id) {
      throw new MeshplaneError('INVALID_INPUT', `--input '${id}' is an output port of ${product.id} itself`);
    }
    return port;
  });
}

/** "output ports in the workspace: a, b" (or how to get one), for messages about `--input`. */
export function availablePorts(ports: readonly PublishedPort[]): string {
  if (ports.length === 0)
    return 'the workspace has no output ports yet: create a source product first (e.g. --template batch)';
  return `output ports in the workspace:\n${ports.map((p) => `  ${p.contractId}  (${p.productDir})`).join('\n')}`;
}

function identifier(name: string): string {
  const snake = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  return /^[a-z]/.test(snake) ? snake : `p_${snake}`;
}

function major(port: PublishedPort): string {
  return /\.v(\d+)$/.exec(port.contractId)?.[1] ?? port.version.split('.')[0] ?? '1';
}

function repeated(names: readonly string[], reserved: string): (name: string) => boolean {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return (name) => name === reserved || (counts.get(name) ?? 0) > 1;
}

/**
 * Input port names: the upstream port's name, prefixed with its domain when two inputs (or the
 * product's own output port) share it, then suffixed with the major version if still ambiguous.
 * They are SQL table names in the transform, so they are made plain identifiers.
 */
export function inputPortNames(ports: readonly PublishedPort[], ownPort: string): string[] {
  let names = ports.map((p) => identifier(p.port));
  let clash = repeated(names, ownPort);
  names = names.map((n, i) => (clash(n) ? identifier(`${ports[i]?.domain}_${n}`) : n));
  clash = repeated(names, ownPort);
  names = names.map((n, i) => (clash(n) && ports[i] ? `${n}_v${major(ports[i])}` : n));
  clash = repeated(names, ownPort);
  return names.map((n, i) => (clash(n) ? `${n}_${i + 1}` : n));
}

function yamlString(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) ? value : JSON.stringify(value);
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function sampleOf(source: InputSource): string {
  if (source.sample !== undefined) return source.sample.endsWith('\n') ? source.sample : `${source.sample}\n`;
  const columns = source.contract?.columns ?? [];
  if (columns.length === 0) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `--input '${source.port.contractId}': its contract is not in the workspace and ${source.port.productDir} has no tests/expected/${source.port.port}.csv to sample; fix that product first`,
    );
  }
  return `${columns.join(',')}\n`;
}

/**
 * What an `{{inputs}}` template gets from its inputs. Pure. Variables: `inputs` (ODPS inputPorts
 * items), `inputContracts` (ODPS outputPort inputContracts items), `inputsSql` (a query with one
 * row per input and its row count) and `expectedRows` (that query's result on the samples, as
 * CSV). Files: one `tests/input/<port>.csv` per input, copied from the publisher's sample.
 */
export function planInputs(sources: readonly InputSource[], product: ProductName): InputPlan {
  const names = inputPortNames(
    sources.map((s) => s.port),
    product.product,
  );
  const rows = sources.map((source, i) => {
    const name = names[i] ?? source.port.port;
    const sample = sampleOf(source);
    return { name, source, sample, count: Math.max(0, countCsvRecords(sample) - 1) };
  });
  const sorted = [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const version = (r: (typeof rows)[number]) => yamlString(r.source.port.version);
  const id = (r: (typeof rows)[number]) => yamlString(r.source.port.contractId);
  return {
    variables: {
      inputs: rows
        .map((r) => `- name: ${r.name}\n  version: ${version(r)}\n  contractId: ${id(r)}`)
        .join('\n'),
      inputContracts: rows.map((r) => `- id: ${id(r)}\n  version: ${version(r)}`).join('\n'),
      inputsSql: `${rows
        .map(
          (r) =>
            `select ${sqlString(r.name)} as input_port, ${sqlString(r.source.port.contractId)} as contract_id, count(*) as row_count from ${r.name}`,
        )
        .join('\nunion all\n')}\norder by input_port`,
      expectedRows: sorted
        .map((r) => [r.name, csvField(r.source.port.contractId), r.count].join(','))
        .join('\n'),
    },
    files: rows.map((r) => ({ path: `${product.path}/tests/input/${r.name}.csv`, text: r.sample })),
  };
}
