import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { parse } from 'yaml';
import { listDocumentFiles } from './read-documents.js';

/** An output port some product of the workspace publishes. */
export interface PublishedPort {
  readonly contractId: string;
  readonly productId: string;
  readonly domain: string;
  readonly port: string;
  readonly version: string;
  /** The publishing product's folder, relative to the workspace root (POSIX separators). */
  readonly productDir: string;
}

/** A data contract of the workspace, reduced to what scaffolding reads. */
export interface ContractSummary {
  readonly id: string;
  readonly version: string;
  /** Column names of the contract's first table. */
  readonly columns: readonly string[];
}

/** The workspace's products and contracts, as far as they could be read. */
export interface WorkspaceIndex {
  readonly productIds: ReadonlyMap<string, string>;
  readonly ports: readonly PublishedPort[];
  readonly contracts: ReadonlyMap<string, ContractSummary>;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** JSON is YAML too, so one parser reads `.json` documents as well. */
async function readYaml(path: string): Promise<Record<string, unknown>> {
  try {
    return record(parse(await readFile(path, 'utf8')));
  } catch {
    // An unreadable document is `meshplane validate`'s to report; scaffolding just skips it.
    return {};
  }
}

function columnsOf(contract: Record<string, unknown>): string[] {
  const first = Array.isArray(contract.schema) ? record(contract.schema[0]) : {};
  const properties = Array.isArray(first.properties) ? first.properties : [];
  return properties.flatMap((p) => text(record(p).physicalName) ?? text(record(p).name) ?? []);
}

/**
 * Reads every ODPS and ODCS document under the workspace root (found by suffix, as `validate`
 * finds them): product ids, the output ports they publish and the contracts' ids and columns.
 * Files that do not parse are skipped.
 */
export async function scanWorkspace(root: string): Promise<WorkspaceIndex> {
  const productIds = new Map<string, string>();
  const ports: PublishedPort[] = [];
  const contracts = new Map<string, ContractSummary>();
  for (const file of await listDocumentFiles(root)) {
    const isContract = /\.odcs\.(ya?ml|json)$/.test(file);
    if (!isContract && !/\.odps\.(ya?ml|json)$/.test(file)) continue;
    const doc = await readYaml(file);
    const id = text(doc.id);
    if (id === undefined) continue;
    if (isContract) {
      contracts.set(id, { id, version: text(doc.version) ?? '1.0.0', columns: columnsOf(doc) });
      continue;
    }
    const productDir = relative(root, dirname(file)).split('\\').join('/');
    productIds.set(id, productDir);
    for (const p of Array.isArray(doc.outputPorts) ? doc.outputPorts : []) {
      const port = record(p);
      const contractId = text(port.contractId);
      const name = text(port.name);
      if (contractId === undefined || name === undefined) continue;
      const domain = text(doc.domain) ?? id.split('.')[0] ?? '';
      ports.push({
        contractId,
        productId: id,
        domain,
        port: name,
        version: text(port.version) ?? '1.0.0',
        productDir,
      });
    }
  }
  ports.sort((a, b) => (a.contractId < b.contractId ? -1 : a.contractId > b.contractId ? 1 : 0));
  return { productIds, ports, contracts };
}
