import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import { MESH_FILE } from './document-files.js';
import { loadTemplate } from './list-templates.js';
import { addDomainToMesh, readMeshSummary } from './mesh-file.js';
import { checkTitle, type ProductName, parseProductName, toTitle } from './names.js';
import {
  availablePorts,
  type InputPlan,
  type InputSource,
  planInputs,
  resolveInputs,
} from './product-inputs.js';
import { productVariables } from './product-variables.js';
import { renderTemplate, type TemplateFile } from './render-template.js';
import { stampScaffoldTime } from './scaffold-time.js';
import type { TemplateManifest } from './template-manifest.js';
import { type PublishedPort, scanWorkspace, type WorkspaceIndex } from './workspace-scan.js';
import { writeNewFiles } from './write-files.js';

/** What `meshplane new` asks for. */
export interface ScaffoldRequest {
  readonly workspaceRoot: string;
  readonly templatesDir: string;
  /** `DOMAIN/PRODUCT` as typed. */
  readonly product: string;
  readonly template: string;
  /** Output-port contract ids of other products, for templates built from inputs. */
  readonly inputs: readonly string[];
  readonly title?: string | undefined;
  /** The scaffold time recorded in the descriptor (`meshplane.scaffoldedAt`); the clock when absent. */
  readonly now?: Date;
}

/** What was created, for the command to report. */
export interface ScaffoldResult {
  readonly name: ProductName;
  readonly template: TemplateManifest;
  readonly team: string;
  /** Paths written, relative to the workspace root, in order. */
  readonly files: readonly string[];
  /** Set when the domain was new and has been added to mesh.yaml. */
  readonly domainAdded: boolean;
  /** The template's next steps, rendered. */
  readonly nextSteps: readonly string[];
}

async function readSample(root: string, port: PublishedPort): Promise<string | undefined> {
  try {
    return await readFile(join(root, port.productDir, 'tests', 'expected', `${port.port}.csv`), 'utf8');
  } catch {
    return undefined;
  }
}

async function inputPlan(
  root: string,
  request: ScaffoldRequest,
  name: ProductName,
  manifest: TemplateManifest,
  index: WorkspaceIndex,
): Promise<InputPlan | undefined> {
  const needs = manifest.inputs;
  if (needs === undefined) {
    if (request.inputs.length === 0) return undefined;
    throw new MeshplaneError(
      'INVALID_INPUT',
      `template '${manifest.name}' reads no other products; drop --input`,
    );
  }
  if (request.inputs.length < needs.min) {
    const example = index.ports[0];
    throw new MeshplaneError(
      'INVALID_INPUT',
      `template '${manifest.name}' needs at least ${needs.min} --input: ${needs.description}; ${availablePorts(index.ports)}` +
        (example === undefined
          ? ''
          : `\nfor example: meshplane new ${request.product} --template ${manifest.name} --input ${example.contractId}`),
    );
  }
  const sources: InputSource[] = [];
  for (const port of resolveInputs(request.inputs, index.ports, name)) {
    sources.push({
      port,
      contract: index.contracts.get(port.contractId),
      sample: await readSample(root, port),
    });
  }
  return planInputs(sources, name);
}

/** A product descriptor (`*.odps.yaml`) directly in the new product's folder. */
function isDescriptorOf(name: ProductName, file: TemplateFile): boolean {
  const prefix = `${name.path}/`;
  return file.path.startsWith(prefix) && /^[^/]+\.odps\.ya?ml$/.test(file.path.slice(prefix.length));
}

/** The product folder's files first, top-level before nested, then the rest (the CI workflow). */
function byListingOrder(name: ProductName): (a: TemplateFile, b: TemplateFile) => number {
  const key = (f: TemplateFile) => {
    const inProduct = f.path.startsWith(`${name.path}/`);
    return [inProduct ? 0 : 1, f.path.split('/').length, f.path] as const;
  };
  return (a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || (ka[2] < kb[2] ? -1 : ka[2] > kb[2] ? 1 : 0);
  };
}

/**
 * Creates a product folder from a template: checks the name, picks the domain's owner team from
 * mesh.yaml, renders the template and writes it all or nothing, then adds the domain to mesh.yaml
 * if it was not declared (owned by the mesh's first team). Usage problems throw INVALID_INPUT
 * before anything is written.
 */
export async function scaffoldProduct(request: ScaffoldRequest): Promise<ScaffoldResult> {
  const root = request.workspaceRoot;
  const name = parseProductName(request.product);
  const title = checkTitle(request.title ?? toTitle(name.folder));
  const template = await loadTemplate(request.templatesDir, request.template);
  const meshPath = join(root, MESH_FILE);
  const meshText = await readFile(meshPath, 'utf8');
  const mesh = readMeshSummary(meshText, meshPath);
  const declaredOwner = mesh.domains.get(name.domain);
  const team = declaredOwner || mesh.teams[0];
  if (team === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${meshPath} declares no team to own domain '${name.domain}': add one under 'teams'`,
    );
  }
  const index = await scanWorkspace(root);
  const clash = index.productIds.get(name.id);
  if (clash !== undefined) {
    throw new MeshplaneError('INVALID_INPUT', `a product with id '${name.id}' already exists in ${clash}`);
  }
  const plan = await inputPlan(root, request, name, template.manifest, index);
  const variables = { ...productVariables(name, team, title), ...plan?.variables };
  // The scaffold time starts the mesh's "time to create a data product" (see docs/mesh-health.md).
  const at = request.now ?? new Date();
  const files = [...renderTemplate(template.files, variables), ...(plan?.files ?? [])]
    .map((f) => (isDescriptorOf(name, f) ? { ...f, text: stampScaffoldTime(f.text, at) } : f))
    .sort(byListingOrder(name));
  // The new mesh.yaml is computed before anything is written, so a mesh.yaml it cannot extend
  // fails the command while the workspace is still untouched.
  const description = `${toTitle(name.domain)} domain (added by \`meshplane new\`; describe it).`;
  const newMesh =
    declaredOwner === undefined
      ? addDomainToMesh(meshText, { name: name.domain, description, ownerTeam: team }, meshPath)
      : undefined;
  await writeNewFiles(root, files);
  if (newMesh !== undefined) await writeFile(meshPath, newMesh);
  const nextSteps = renderTemplate(
    template.manifest.nextSteps.map((text, i) => ({ path: `step-${i}`, text })),
    variables,
  ).map((f) => f.text);
  return {
    name,
    template: template.manifest,
    team,
    files: files.map((f) => f.path),
    domainAdded: declaredOwner === undefined,
    nextSteps,
  };
}
