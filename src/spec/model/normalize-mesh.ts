import type { Domain, Mesh, MeshDomain, MeshTeam, NamingConvention } from './mesh.js';
import { members } from './normalize-common.js';
import { arr, compact, obj, str } from './read-value.js';

const CONVENTIONS: readonly NamingConvention[] = [
  'snake_case',
  'camelCase',
  'PascalCase',
  'kebab-case',
  'any',
];

function meshTeam(value: unknown, index: number): MeshTeam {
  const o = obj(value);
  return compact({
    name: str(o.name) ?? '',
    description: str(o.description),
    members: members(o.members),
    path: ['teams', index],
  });
}

function meshDomain(value: unknown, index: number): MeshDomain {
  const o = obj(value);
  return compact({
    name: str(o.name) ?? '',
    description: str(o.description),
    ownerTeam: str(o.ownerTeam) ?? '',
    path: ['domains', index],
  });
}

/** Reads mesh.yaml into the normalized Mesh; defaults are resolved here, once. */
export function normalizeMesh(value: unknown): Mesh {
  const o = obj(value);
  const declared = str(obj(o.conventions).physicalNames);
  const physicalNames = CONVENTIONS.find((c) => c === declared) ?? 'snake_case';
  const settings = obj(o.settings);
  return compact({
    kind: 'Mesh' as const,
    apiVersion: str(o.apiVersion) ?? '',
    name: str(o.name) ?? '',
    description: str(o.description),
    teams: arr(o.teams).map(meshTeam),
    domains: arr(o.domains).map(meshDomain),
    conventions: { physicalNames },
    settings,
  });
}

/** Reads a domain.yaml into the normalized Domain. */
export function normalizeDomain(value: unknown): Domain {
  const o = obj(value);
  return compact({
    kind: 'Domain' as const,
    apiVersion: str(o.apiVersion) ?? '',
    name: str(o.name) ?? '',
    description: str(o.description),
    ownerTeam: str(o.ownerTeam),
    members: members(o.members),
  });
}
