import {
  COMPATIBILITY_MODE_NAMES,
  type Domain,
  type DomainQuotas,
  type Mesh,
  type MeshDomain,
  type MeshTeam,
  type NamingConvention,
  type RegistrySettings,
  type WebhookSetting,
} from './mesh.js';
import { members } from './normalize-common.js';
import { parseDuration, parseSize } from './quota-units.js';
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

/** A domain's quotas, or undefined when none is set (a value that does not parse sets none). */
function domainQuotas(value: unknown): DomainQuotas | undefined {
  const o = obj(value);
  const quotas = compact({
    storageBytes: parseSize(o.storageBytes),
    queryTimePerDayMs: parseDuration(o.queryTimePerDay),
  });
  return Object.keys(quotas).length === 0 ? undefined : quotas;
}

function meshDomain(value: unknown, index: number): MeshDomain {
  const o = obj(value);
  return compact({
    name: str(o.name) ?? '',
    description: str(o.description),
    ownerTeam: str(o.ownerTeam) ?? '',
    quotas: domainQuotas(o.quotas),
    path: ['domains', index],
  });
}

function registry(value: unknown): RegistrySettings {
  const o = obj(value);
  const days = o.activeConsumerDays;
  return {
    compatibility: COMPATIBILITY_MODE_NAMES.find((m) => m === str(o.compatibility)) ?? 'BACKWARD',
    policy: str(o.policy) === 'lenient' ? 'lenient' : 'strict',
    activeConsumerDays: typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : 30,
  };
}

function webhook(value: unknown): WebhookSetting[] {
  const o = obj(value);
  const url = str(o.url);
  if (url === undefined) return [];
  return [
    compact({
      url,
      events: arr(o.events).flatMap((e) => str(e) ?? []),
      format: str(o.format) === 'slack' ? ('slack' as const) : ('cloudevents' as const),
      secretEnv: str(o.secretEnv),
    }),
  ];
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
    registry: registry(o.registry),
    webhooks: arr(obj(o.notifications).webhooks).flatMap(webhook),
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
