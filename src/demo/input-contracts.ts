import path from 'node:path';
import { DEFAULT_LOAD_LIMITS } from '../spec/load/limits.js';
import type { DataContract, SchemaObject, Server } from '../spec/model/data-contract.js';
import { analyzeWorkspace } from '../spec/validate/index.js';
import { listDocumentFiles, readBounded } from '../workspace/read-documents.js';
import { type FileGlob, parseFileGlob } from './file-glob.js';
import { type CsvOptions, csvOptions, type FileFormat, fileFormat } from './port-options.js';

/** An input contract whose `local` server says where files go and in which format. */
export interface FileInput {
  readonly contract: DataContract;
  /** The contract file, relative to the workspace (POSIX separators). */
  readonly contractFile: string;
  /** The product folder the server's path is relative to: the contract's folder. Absolute. */
  readonly productDir: string;
  readonly server: Server;
  /** The contract's first schema object: the table its files hold. */
  readonly table: SchemaObject;
  readonly glob: FileGlob;
  readonly format: FileFormat;
  readonly csv: CsvOptions;
}

/** A contract with a local file server that cannot be written, and why. */
export interface SkippedInput {
  readonly contractId: string;
  readonly reason: string;
}

export interface FileInputs {
  readonly inputs: readonly FileInput[];
  readonly skipped: readonly SkippedInput[];
}

function fileInput(
  contract: DataContract,
  server: Server,
  contractFile: string,
  workspaceDir: string,
): FileInput | SkippedInput {
  const skip = (reason: string): SkippedInput => ({ contractId: contract.id, reason });
  const table = contract.schema[0];
  if (table === undefined) return skip('the contract has no schema object');
  const glob = parseFileGlob(String(server.settings.path));
  if ('unsupported' in glob) return skip(glob.unsupported);
  const format = fileFormat(server);
  if (typeof format !== 'string') return skip(format.unsupported);
  return {
    contract,
    contractFile,
    productDir: path.dirname(path.join(workspaceDir, contractFile)),
    server,
    table,
    glob,
    format,
    csv: csvOptions(server),
  };
}

/**
 * Reads the workspace's documents through the spec pipeline and returns its input contracts: those
 * with a server of type `local` that has a `path`. Documents that do not parse are left to
 * `meshplane validate`; contracts are in file order.
 */
export async function findFileInputs(workspaceDir: string): Promise<FileInputs> {
  const files = await listDocumentFiles(workspaceDir);
  const display = (f: string) => path.relative(workspaceDir, f).split(path.sep).join('/');
  const sources = await Promise.all(
    files.map((f) => readBounded(f, display(f), DEFAULT_LOAD_LIMITS.maxBytes)),
  );
  const { entries } = analyzeWorkspace(sources);
  const inputs: FileInput[] = [];
  const skipped: SkippedInput[] = [];
  for (const [file, entry] of entries) {
    if (entry.parsed?.kind !== 'DataContract') continue;
    const contract = entry.parsed.model;
    for (const server of contract.servers) {
      if (server.type !== 'local' || typeof server.settings.path !== 'string') continue;
      const found = fileInput(contract, server, file, workspaceDir);
      if ('reason' in found) skipped.push(found);
      else inputs.push(found);
    }
  }
  return { inputs, skipped };
}
