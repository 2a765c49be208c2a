import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { MeshplaneError } from '../errors/index.js';

/** What scaffolding needs from mesh.yaml: the teams and which team owns each domain. */
export interface MeshSummary {
  readonly name: string;
  readonly teams: readonly string[];
  readonly domains: ReadonlyMap<string, string>;
}

/** A domain entry as `meshplane new` adds it to mesh.yaml. */
export interface NewDomain {
  readonly name: string;
  readonly description: string;
  readonly ownerTeam: string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function load(source: string, file: string) {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${file} is not valid YAML: ${doc.errors[0]?.message ?? ''}`.trim(),
    );
  }
  return doc;
}

/**
 * Reads the parts of mesh.yaml that scaffolding relies on. Pure. Lenient on purpose: checking
 * the file is `meshplane validate`'s job; this only refuses text that is not YAML.
 */
export function readMeshSummary(source: string, file = 'mesh.yaml'): MeshSummary {
  const mesh = record(load(source, file).toJS());
  const teams = list(mesh.teams).flatMap((t) => text(record(t).name) ?? []);
  const domains = new Map<string, string>();
  for (const d of list(mesh.domains)) {
    const name = text(record(d).name);
    if (name !== undefined) domains.set(name, text(record(d).ownerTeam) ?? '');
  }
  return { name: text(mesh.name) ?? '', teams, domains };
}

/**
 * Appends a domain to mesh.yaml's `domains` list and returns the new text. Pure. Goes through
 * the yaml Document API so the user's comments, key order and formatting survive.
 */
export function addDomainToMesh(source: string, domain: NewDomain, file = 'mesh.yaml'): string {
  const doc = load(source, file);
  if (!isMap(doc.contents)) throw new MeshplaneError('INVALID_INPUT', `${file} is not a mapping`);
  const entry = doc.createNode({
    name: domain.name,
    description: domain.description,
    ownerTeam: domain.ownerTeam,
  });
  const domains = doc.get('domains', true);
  if (isSeq(domains)) domains.items.push(entry);
  else if (domains === undefined || (isScalar(domains) && domains.value === null))
    doc.set('domains', doc.createNode([entry]));
  else throw new MeshplaneError('INVALID_INPUT', `${file}: 'domains' is not a list`);
  // lineWidth 0: never fold the user's long lines while writing the file back.
  return doc.toString({ lineWidth: 0 });
}
