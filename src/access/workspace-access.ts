import { MeshplaneError } from '../errors/index.js';
import type { DataContract } from '../spec/model/data-contract.js';
import type { DataProduct, OutputPort } from '../spec/model/data-product.js';
import type { Mesh } from '../spec/model/mesh.js';
import type { WorkspaceEntry } from '../spec/rules/rule.js';
import {
  type DecisionRequest,
  type EntityRef,
  MESH_ACTIONS,
  type MeshAction,
  type MeshEntity,
  type PolicySource,
} from './access-types.js';
import { REQUEST_LIMITS } from './check-request.js';
import { createDecisionPoint, type DecisionPoint } from './decision-point.js';
import {
  domainEntity,
  meshEntity,
  normalizeClassification,
  type PortFacts,
  portEntity,
  productEntity,
  serviceAccountEntity,
  teamEntity,
  userEntity,
} from './mesh-entities.js';
import { MESH_SCHEMA } from './mesh-schema.js';
import { PLATFORM_POLICIES } from './platform-policies.js';

/** One `policies/*.cedar` file of a workspace. */
export interface WorkspacePolicyFile {
  /** Workspace-relative path with `/` separators; it is the policy's id. */
  readonly path: string;
  readonly text: string;
  /** The name diagnostics show (relative to the current folder, say); defaults to `path`. */
  readonly file?: string;
}

/** What a workspace access model is built from: the analyzed documents and the mesh's policies. */
export interface WorkspaceAccessInput {
  /** The documents as `analyzeWorkspace` returns them; those that did not normalize are skipped. */
  readonly entries: Iterable<WorkspaceEntry>;
  readonly policies: readonly WorkspacePolicyFile[];
}

/** One question asked in the words of the command line. */
export interface AccessQuestion {
  /** A mesh.yaml user name or e-mail, `team:NAME` or `service:NAME`. */
  readonly principal: string;
  readonly action: string;
  /** `DOMAIN.PRODUCT`, `DOMAIN.PRODUCT/PORT[@VERSION]` or `domain:NAME`. */
  readonly resource: string;
  /** The principal's domain; lets a principal the mesh does not declare be asked about. */
  readonly principalDomain?: string;
  readonly now: Date;
  readonly purpose?: string;
}

/** The names a workspace defines, for error messages and completion. */
export interface KnownNames {
  readonly users: readonly string[];
  readonly teams: readonly string[];
  readonly domains: readonly string[];
  readonly products: readonly string[];
  readonly ports: readonly string[];
}

/** The decision point of a workspace and the entities its documents describe. */
export interface WorkspaceAccess {
  /** PLATFORM_POLICIES plus the workspace's policies; `point.diagnostics` holds their findings. */
  readonly point: DecisionPoint;
  readonly known: KnownNames;
  /** Turns a question into a request on `point`. Throws INVALID_INPUT naming what is unknown. */
  request(question: AccessQuestion): DecisionRequest;
}

/**
 * Classifications from least to most restrictive. A value outside this list ranks above all of
 * them: a contract that says `secret` or `pii` is never read as more open than `restricted`.
 */
const CLASSIFICATION_ORDER = ['public', 'internal', 'confidential', 'restricted'];

function rank(value: string): number {
  const i = CLASSIFICATION_ORDER.indexOf(value);
  return i === -1 ? CLASSIFICATION_ORDER.length : i;
}

/** The most restrictive of `values` (ties broken by name), or undefined when none is set. */
export function mostRestrictive(values: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const raw of values) {
    const v = raw.trim().toLowerCase();
    if (v === '') continue;
    if (best === undefined || rank(v) > rank(best) || (rank(v) === rank(best) && v < best)) best = v;
  }
  return best;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every `classification` of a contract's schema objects and their properties (nested ones and
 * array items too). Read from the document itself because the normalized schema object does not
 * keep its own classification.
 */
function contractClassifications(raw: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (!isRecord(node)) return;
    if (typeof node.classification === 'string') found.push(node.classification);
    if (Array.isArray(node.properties)) for (const p of node.properties) visit(p);
    visit(node.items);
  };
  if (isRecord(raw) && Array.isArray(raw.schema)) for (const s of raw.schema) visit(s);
  return found;
}

/** Compares dotted versions numerically where both parts are numbers (`1.10.0` after `1.9.0`). */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

function listed(kind: string, names: readonly string[]): string {
  if (names.length === 0) return `the workspace defines no ${kind}`;
  const shown = names.slice(0, 20).join(', ');
  return `known ${kind}: ${shown}${names.length > 20 ? ` (and ${names.length - 20} more)` : ''}`;
}

function invalid(message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', message);
}

/** The key an entity is unique by; Cedar refuses two entities with one uid. */
function entityKey(e: MeshEntity): string {
  const uid = '__entity' in e.uid ? e.uid.__entity : e.uid;
  return `${uid.type}::${uid.id}`;
}

interface Member {
  readonly teams: string[];
  readonly roles: Set<string>;
}

/** The users of mesh.yaml: every team member, with the teams listing them and the roles they hold there. */
function meshUsers(mesh: Mesh | undefined): Map<string, Member> {
  const users = new Map<string, Member>();
  for (const team of mesh?.teams ?? []) {
    for (const m of team.members) {
      const user = users.get(m.username) ?? { teams: [], roles: new Set<string>() };
      if (!user.teams.includes(team.name)) user.teams.push(team.name);
      const role = m.role?.trim().toLowerCase();
      if (role !== undefined && role !== '') user.roles.add(role);
      users.set(m.username, user);
    }
  }
  return users;
}

/**
 * Builds the decision point of a workspace (PLATFORM_POLICIES plus each `policies/*.cedar`, id =
 * its path, source `mesh`) and the entities its documents describe:
 *
 * - users are the members of mesh.yaml's teams; a user belongs to every team listing it, holds
 *   every role those listings give (`role: admin` makes a mesh admin), and its domain is the first
 *   domain of mesh.yaml owned by one of its teams;
 * - teams and domains come from mesh.yaml (and the domains and owner teams products name);
 * - a product carries its domain, owner team (`team.name`), status and tags; its classification
 *   is the most restrictive of its ports';
 * - an output port is `PRODUCT/PORT`; its classification is the most restrictive property or
 *   schema classification of its contract (none at all reads as `restricted`), its status the
 *   contract's (`retired` when the product is), its version the highest one the product declares.
 *
 * Pure apart from Cedar; the caller reads the files. An invalid policy never takes effect and is
 * in `point.diagnostics`.
 */
export function buildWorkspaceAccess(input: WorkspaceAccessInput): WorkspaceAccess {
  let mesh: Mesh | undefined;
  const products = new Map<string, DataProduct>();
  const contracts = new Map<string, { model: DataContract; raw: unknown }>();
  for (const entry of input.entries) {
    const parsed = entry.parsed;
    if (parsed?.kind === 'Mesh' && mesh === undefined) mesh = parsed.model;
    if (parsed?.kind === 'DataProduct' && !products.has(parsed.model.id))
      products.set(parsed.model.id, parsed.model);
    if (parsed?.kind === 'DataContract' && !contracts.has(parsed.model.id))
      contracts.set(parsed.model.id, { model: parsed.model, raw: entry.doc.value });
  }

  const entities = new Map<string, MeshEntity>();
  const add = (e: MeshEntity) => entities.set(entityKey(e), e);
  add(meshEntity());

  const users = meshUsers(mesh);
  const domainOwners = new Map((mesh?.domains ?? []).map((d) => [d.name, d.ownerTeam] as const));
  const teams = new Set((mesh?.teams ?? []).map((t) => t.name));
  const domains = new Set(domainOwners.keys());
  const domainOf = (product: DataProduct) => product.domain ?? product.id.split('.')[0] ?? '';
  for (const p of products.values()) {
    domains.add(domainOf(p));
    if (p.team.name !== undefined) teams.add(p.team.name);
  }
  for (const d of domains) add(domainEntity(d));
  for (const t of teams) add(teamEntity(t));
  const userDomain = (memberOf: readonly string[]) =>
    (mesh?.domains ?? []).find((d) => memberOf.includes(d.ownerTeam))?.name;
  for (const [id, user] of users) {
    const domain = userDomain(user.teams);
    add(userEntity({ id, teams: user.teams, roles: [...user.roles].sort(), ...(domain ? { domain } : {}) }));
  }

  /** Every version of every output port, newest first, by `PRODUCT/PORT`. */
  const ports = new Map<string, PortFacts[]>();
  const portFacts = (product: DataProduct, port: OutputPort): PortFacts => {
    const contract = port.contractId === undefined ? undefined : contracts.get(port.contractId);
    const classification = mostRestrictive(contractClassifications(contract?.raw));
    const retired = product.status.trim().toLowerCase() === 'retired';
    return {
      id: `${product.id}/${port.name}`,
      product: product.id,
      domain: domainOf(product),
      owner: product.team.name ?? '',
      status: retired ? 'retired' : (contract?.model.status ?? product.status),
      version: port.version,
      ...(classification === undefined ? {} : { classification }),
    };
  };
  for (const product of products.values()) {
    const own = product.outputPorts.map((port) => portFacts(product, port));
    for (const facts of own) {
      const versions = ports.get(facts.id) ?? [];
      versions.push(facts);
      versions.sort((a, b) => compareVersions(b.version, a.version));
      ports.set(facts.id, versions);
    }
    const classification = mostRestrictive(own.map((f) => normalizeClassification(f.classification)));
    add(
      productEntity({
        id: product.id,
        domain: domainOf(product),
        owner: product.team.name ?? '',
        status: product.status,
        tags: product.tags,
        ...(classification === undefined ? {} : { classification }),
      }),
    );
  }
  for (const versions of ports.values()) if (versions[0]) add(portEntity(versions[0]));

  const policies: PolicySource[] = [
    ...PLATFORM_POLICIES,
    ...input.policies.map((p) => ({
      id: p.path,
      source: 'mesh' as const,
      text: p.text,
      file: p.file ?? p.path,
    })),
  ];
  const point = createDecisionPoint({ schema: MESH_SCHEMA, policies });
  const sorted = (values: Iterable<string>) => [...values].sort();
  const known: KnownNames = Object.freeze({
    users: sorted(users.keys()),
    teams: sorted(teams),
    domains: sorted(domains),
    products: sorted(products.keys()),
    ports: sorted(ports.keys()),
  });

  function principalOf(text: string, domain: string | undefined): { ref: EntityRef; entity: MeshEntity } {
    const withDomain = domain === undefined ? {} : { domain };
    if (text.startsWith('team:')) {
      const name = text.slice('team:'.length);
      if (!teams.has(name)) throw invalid(`unknown team '${name}'; ${listed('teams', known.teams)}`);
      // Stands for a member of that team and of no other, with no roles.
      const id = `team:${name}`;
      const own = domain ?? userDomain([name]);
      return {
        ref: { type: 'User', id },
        entity: userEntity({ id, teams: [name], ...(own === undefined ? {} : { domain: own }) }),
      };
    }
    if (text.startsWith('service:')) {
      const id = text.slice('service:'.length);
      if (id === '') throw invalid('a service principal needs a name: service:NAME');
      return { ref: { type: 'ServiceAccount', id }, entity: serviceAccountEntity({ id, ...withDomain }) };
    }
    const id = users.has(text) ? text : known.users.find((u) => u.toLowerCase() === text.toLowerCase());
    const user = id === undefined ? undefined : users.get(id);
    if (id !== undefined && user !== undefined) {
      const own = domain ?? userDomain(user.teams);
      return {
        ref: { type: 'User', id },
        entity: userEntity({
          id,
          teams: user.teams,
          roles: [...user.roles].sort(),
          ...(own === undefined ? {} : { domain: own }),
        }),
      };
    }
    if (domain === undefined) {
      throw invalid(
        `unknown principal '${text}': not a member of any team in mesh.yaml; ${listed('users', known.users)}. ` +
          'Use team:NAME or service:NAME, or --principal-domain DOMAIN to ask for a user the mesh does not declare',
      );
    }
    // An outsider: no team, no role, only the domain the caller gave.
    return { ref: { type: 'User', id: text }, entity: userEntity({ id: text, ...withDomain }) };
  }

  function resourceOf(text: string): { ref: EntityRef; entity?: MeshEntity } {
    if (text.startsWith('domain:')) {
      const name = text.slice('domain:'.length);
      if (!domains.has(name)) throw invalid(`unknown domain '${name}'; ${listed('domains', known.domains)}`);
      return { ref: { type: 'Domain', id: name } };
    }
    const slash = text.indexOf('/');
    if (slash === -1) {
      if (!products.has(text))
        throw invalid(`unknown data product '${text}'; ${listed('products', known.products)}`);
      return { ref: { type: 'DataProduct', id: text } };
    }
    const productId = text.slice(0, slash);
    const [name = '', version] = text.slice(slash + 1).split('@', 2);
    if (!products.has(productId))
      throw invalid(`unknown data product '${productId}'; ${listed('products', known.products)}`);
    const id = `${productId}/${name}`;
    const versions = ports.get(id);
    if (versions === undefined) {
      const own = known.ports.filter((p) => p.startsWith(`${productId}/`));
      throw invalid(`data product '${productId}' has no output port '${name}'; ${listed('ports', own)}`);
    }
    const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (chosen === undefined) {
      throw invalid(
        `output port '${id}' has no version '${version}'; versions: ${versions.map((v) => v.version).join(', ')}`,
      );
    }
    return { ref: { type: 'OutputPort', id }, entity: portEntity(chosen) };
  }

  function request(question: AccessQuestion): DecisionRequest {
    const bounded = (what: string, value: string, max: number) => {
      if (value.length === 0 || value.length > max) throw invalid(`${what} must be 1 to ${max} characters`);
    };
    bounded('--principal', question.principal, REQUEST_LIMITS.maxIdLength);
    bounded('--resource', question.resource, REQUEST_LIMITS.maxIdLength);
    if (question.purpose !== undefined) bounded('--purpose', question.purpose, REQUEST_LIMITS.maxPurpose);
    if (!(MESH_ACTIONS as readonly string[]).includes(question.action)) {
      throw invalid(`unknown action '${question.action}'; actions: ${MESH_ACTIONS.join(', ')}`);
    }
    if (question.principalDomain !== undefined && !domains.has(question.principalDomain)) {
      throw invalid(
        `unknown domain '${question.principalDomain}' for --principal-domain; ${listed('domains', known.domains)}`,
      );
    }
    const principal = principalOf(question.principal, question.principalDomain);
    const resource = resourceOf(question.resource);
    const all = new Map(entities);
    for (const e of [principal.entity, resource.entity]) if (e) all.set(entityKey(e), e);
    return {
      principal: principal.ref,
      action: question.action as MeshAction,
      resource: resource.ref,
      context: {
        now: question.now,
        ...(question.purpose === undefined ? {} : { purpose: question.purpose }),
      },
      entities: [...all.values()],
    };
  }

  return Object.freeze({ point, known, request });
}
