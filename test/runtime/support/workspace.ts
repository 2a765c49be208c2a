/**
 * Temporary workspaces for runtime tests: a mesh.yaml, products and contracts written from small
 * descriptions (as valid ODPS v1.0.0 / ODCS v3.1.0 documents), data files, and a runtime on them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadMesh, MemoryRunRecorder, MeshRuntime, type RuntimeProduct } from '../../../src/runtime/index.js';

export interface PropertySpec {
  readonly name: string;
  readonly logicalType: string;
  readonly physicalType?: string;
  readonly required?: boolean;
  readonly primaryKey?: number;
  readonly options?: Record<string, unknown>;
  readonly validValues?: readonly unknown[];
}

export interface ContractSpec {
  readonly id: string;
  readonly domain: string;
  readonly product: string;
  readonly table: string;
  readonly properties: readonly PropertySpec[];
  /** Input contracts: where the files are. */
  readonly files?: {
    readonly path: string;
    readonly format?: string;
    readonly port?: Record<string, unknown>;
  };
  /** Output contracts: `meshplane.*` settings, e.g. { transform: 'x.sql', refresh: 'merge' }. */
  readonly meshplane?: Record<string, unknown>;
}

function property(p: PropertySpec): Record<string, unknown> {
  return {
    name: p.name,
    logicalType: p.logicalType,
    ...(p.physicalType === undefined ? {} : { physicalType: p.physicalType }),
    ...(p.required === undefined ? {} : { required: p.required }),
    ...(p.primaryKey === undefined ? {} : { primaryKey: true, primaryKeyPosition: p.primaryKey }),
    ...(p.options === undefined ? {} : { logicalTypeOptions: p.options }),
    ...(p.validValues === undefined
      ? {}
      : {
          quality: [
            {
              type: 'library',
              metric: 'invalidValues',
              mustBe: 0,
              arguments: { validValues: p.validValues },
            },
          ],
        }),
  };
}

export function contractYaml(c: ContractSpec): string {
  const server = c.files
    ? [
        {
          server: 'files',
          type: 'local',
          path: c.files.path,
          ...(c.files.format === undefined ? {} : { format: c.files.format }),
          customProperties: [{ property: 'meshplane.port', value: { kind: 'files', ...c.files.port } }],
        },
      ]
    : [];
  return stringify({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: c.id,
    name: c.table,
    version: '1.0.0',
    status: 'active',
    domain: c.domain,
    dataProduct: c.product,
    team: { name: `${c.domain}-team` },
    ...(server.length > 0 ? { servers: server } : {}),
    schema: [
      { name: c.table, physicalName: c.table, logicalType: 'object', properties: c.properties.map(property) },
    ],
    ...(c.meshplane === undefined
      ? {}
      : {
          customProperties: Object.entries(c.meshplane).map(([k, v]) => ({
            property: `meshplane.${k}`,
            value: v,
          })),
        }),
  });
}

export interface ProductSpec {
  readonly id: string;
  readonly domain: string;
  readonly inputs: readonly { readonly name: string; readonly contractId: string }[];
  readonly outputs: readonly { readonly name: string; readonly contractId: string }[];
}

export function productYaml(p: ProductSpec): string {
  return stringify({
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id: p.id,
    name: p.id.split('.').at(-1),
    version: '1.0.0',
    status: 'active',
    domain: p.domain,
    inputPorts: p.inputs.map((i) => ({ ...i, version: '1.0.0' })),
    outputPorts: p.outputs.map((o) => ({ ...o, version: '1.0.0', type: 'tables' })),
    team: { name: `${p.domain}-team`, members: [{ username: 'owner@example.com', role: 'owner' }] },
  });
}

export function meshYaml(domains: readonly string[]): string {
  return stringify({
    apiVersion: 'meshplane/v1',
    kind: 'Mesh',
    name: 'test',
    teams: domains.map((d) => ({
      name: `${d}-team`,
      members: [{ username: 'owner@example.com', role: 'owner' }],
    })),
    domains: domains.map((d) => ({ name: d, ownerTeam: `${d}-team` })),
  });
}

/** A fresh temporary folder holding `files` (relative path → content). */
export function makeWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'meshplane-runtime-'));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

export interface TestMesh {
  readonly root: string;
  readonly runtime: MeshRuntime;
  readonly recorder: MemoryRunRecorder;
  product(id: string): RuntimeProduct;
}

/** Loads the workspace (failing on any problem), opens a runtime on it and deploys every product. */
export async function openMesh(root: string): Promise<TestMesh> {
  const mesh = await loadMesh(root);
  const errors = mesh.report.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
  if (mesh.problems.length > 0 || errors.length > 0) {
    throw new Error(
      `workspace problems: ${JSON.stringify([...mesh.problems, ...errors.map((e) => `${e.file}:${e.line} ${e.message}`)])}`,
    );
  }
  const recorder = new MemoryRunRecorder();
  const runtime = await MeshRuntime.open({
    workspace: root,
    recorder,
    settleMs: 0,
    duckdb: { threads: 2, memoryLimit: undefined, tempDirectory: undefined, streamChunkRows: 2048 },
  });
  await runtime.deploy(mesh.products);
  const product = (id: string) => {
    const found = mesh.products.find((p) => p.id === id);
    if (found === undefined) throw new Error(`no product ${id}`);
    return found;
  };
  return { root, runtime, recorder, product };
}
