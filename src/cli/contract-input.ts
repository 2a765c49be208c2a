/**
 * The OLD and NEW arguments of `meshplane diff` and `meshplane compat`: an ODCS contract file, a
 * plain JSON Schema file, or a registered version `PRODUCT[/PORT]@VERSION` fetched from the
 * server. A contract that does not validate is refused with its diagnostics.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContractVersionSide, Schema } from '../compat/index.js';
import { MeshplaneError } from '../errors/index.js';
import { DEFAULT_LOAD_LIMITS } from '../spec/load/limits.js';
import type { DataContract } from '../spec/model/data-contract.js';
import { analyzeWorkspace, type ValidationReport } from '../spec/validate/index.js';
import { readBounded } from '../workspace/read-documents.js';
import { callApi } from './http-client.js';

export type ContractInput =
  | { readonly kind: 'contract'; readonly side: ContractVersionSide }
  | { readonly kind: 'json-schema'; readonly label: string; readonly schema: Schema }
  | { readonly kind: 'invalid'; readonly report: ValidationReport };

const REGISTRY_REF = /^([A-Za-z0-9_.-]+)(?:\/([A-Za-z0-9_-]+))?@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

function looksLikeJsonSchema(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  return (
    typeof o.$schema === 'string' || 'properties' in o || 'type' in o || '$defs' in o || 'definitions' in o
  );
}

async function fromFile(absolute: string, display: string): Promise<ContractInput> {
  const source = await readBounded(absolute, display, DEFAULT_LOAD_LIMITS.maxBytes);
  const { report, entries } = analyzeWorkspace([source]);
  const entry = entries.get(display);
  if (entry?.parsed?.kind === 'DataContract') {
    if (report.summary.errors > 0) return { kind: 'invalid', report };
    const contract = entry.parsed.model;
    return {
      kind: 'contract',
      side: {
        contract,
        file: display,
        label: `${display} (${contract.version})`,
        locate: (p) => entry.doc.sourceMap.locate(p),
      },
    };
  }
  if (
    entry?.doc.value !== undefined &&
    looksLikeJsonSchema(entry.doc.value) &&
    entry.doc.diagnostics.length === 0
  ) {
    return { kind: 'json-schema', label: display, schema: entry.doc.value as Schema };
  }
  if (report.summary.errors > 0 && entry?.doc.value === undefined) return { kind: 'invalid', report };
  throw new MeshplaneError(
    'INVALID_INPUT',
    `${display} is neither an ODCS data contract nor a JSON Schema document`,
  );
}

interface VersionsBody {
  readonly versions: readonly {
    readonly version: string;
    readonly contractId: string;
    readonly document: unknown;
  }[];
}

async function fromRegistry(server: string, ref: string, match: RegExpExecArray): Promise<ContractInput> {
  const [, productId = '', explicitPort, version = ''] = match;
  let port = explicitPort;
  if (port === undefined) {
    const product = (await (
      await callApi(server, `/api/v1/products/${encodeURIComponent(productId)}`)
    ).json()) as {
      outputPorts: readonly { name: string }[];
    };
    port = product.outputPorts[0]?.name;
    if (port === undefined) throw new MeshplaneError('NOT_FOUND', `${productId} has no output port`);
  }
  const response = await callApi(
    server,
    `/api/v1/products/${encodeURIComponent(productId)}/ports/${encodeURIComponent(port)}/versions?documents=true`,
  );
  const body = (await response.json()) as VersionsBody;
  const found = body.versions.find((v) => v.version === version);
  if (found === undefined) {
    throw new MeshplaneError(
      'NOT_FOUND',
      `${productId}/${port} has no registered contract version ${version} (it has: ${body.versions.map((v) => v.version).join(', ')})`,
    );
  }
  return {
    kind: 'contract',
    side: { contract: found.document as DataContract, file: `${productId}/${port}@${version}`, label: ref },
  };
}

/** Reads one argument; a path that exists wins over a registry reference of the same spelling. */
export async function readContractInput(arg: string, cwd: string, server: string): Promise<ContractInput> {
  const absolute = path.resolve(cwd, arg);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isFile() === true) return fromFile(absolute, path.relative(cwd, absolute) || absolute);
  const match = REGISTRY_REF.exec(arg);
  if (match !== null) return fromRegistry(server, arg, match);
  throw new MeshplaneError(
    'INVALID_INPUT',
    `no such file: ${absolute} (a registered version is written PRODUCT[/PORT]@VERSION, e.g. orders.orders/order_lines@1.2.0)`,
  );
}
