import type { EntityRef, MeshEntity, MeshEntityType } from './access-types.js';

/** The Cedar namespace of every Meshplane entity type and action. */
export const NAMESPACE = 'Meshplane';

/** `User` to `Meshplane::User`. */
export function qualifiedType(type: MeshEntityType | 'Action'): string {
  return `${NAMESPACE}::${type}`;
}

/** A reference in Cedar's JSON form, as used inside entity attributes. */
function ref(type: MeshEntityType, id: string) {
  return { __entity: { type: qualifiedType(type), id } };
}

function entity(
  type: MeshEntityType,
  id: string,
  attrs: MeshEntity['attrs'],
  parents: readonly EntityRef[] = [],
): MeshEntity {
  return {
    uid: { type: qualifiedType(type), id },
    attrs,
    parents: parents.map((p) => ({ type: qualifiedType(p.type), id: p.id })),
  };
}

/**
 * Classification as the policies compare it: trimmed, lower-case; absent or empty reads as
 * `restricted`, so a port nobody classified is never open by accident.
 */
export function normalizeClassification(value: string | undefined): string {
  const v = (value ?? '').trim().toLowerCase();
  return v === '' ? 'restricted' : v;
}

/** A person or a service account: the teams it belongs to, its roles (`admin`), its domain. */
export interface PrincipalFacts {
  readonly id: string;
  readonly teams?: readonly string[];
  readonly roles?: readonly string[];
  readonly domain?: string;
}

function principalEntity(type: 'User' | 'ServiceAccount', facts: PrincipalFacts): MeshEntity {
  return entity(
    type,
    facts.id,
    {
      roles: [...(facts.roles ?? [])],
      ...(facts.domain === undefined ? {} : { domain: ref('Domain', facts.domain) }),
    },
    (facts.teams ?? []).map((id) => ({ type: 'Team', id })),
  );
}

/** A user entity; team membership becomes the entity's parents. */
export function userEntity(facts: PrincipalFacts): MeshEntity {
  return principalEntity('User', facts);
}

/** A service account entity; same shape as a user. */
export function serviceAccountEntity(facts: PrincipalFacts): MeshEntity {
  return principalEntity('ServiceAccount', facts);
}

/** The mesh itself, the resource of mesh-wide administration. */
export function meshEntity(id = 'mesh'): MeshEntity {
  return entity('Mesh', id, {});
}

/** A domain, inside the mesh. */
export function domainEntity(id: string, mesh = 'mesh'): MeshEntity {
  return entity('Domain', id, {}, [{ type: 'Mesh', id: mesh }]);
}

/** A team. */
export function teamEntity(id: string): MeshEntity {
  return entity('Team', id, {});
}

/** What the policies know of a data product. */
export interface ProductFacts {
  readonly id: string;
  readonly domain: string;
  /** The owner team's id. */
  readonly owner: string;
  /** ODPS status: proposed, draft, active, deprecated, retired. */
  readonly status: string;
  readonly tags?: readonly string[];
  readonly classification?: string;
}

/** A data product, inside its domain. */
export function productEntity(facts: ProductFacts): MeshEntity {
  return entity(
    'DataProduct',
    facts.id,
    {
      domain: ref('Domain', facts.domain),
      owner: ref('Team', facts.owner),
      status: facts.status.trim().toLowerCase(),
      tags: [...(facts.tags ?? [])],
      classification: normalizeClassification(facts.classification),
    },
    [{ type: 'Domain', id: facts.domain }],
  );
}

/** What the policies know of an output port (one version of it). */
export interface PortFacts {
  readonly id: string;
  readonly product: string;
  readonly domain: string;
  readonly owner: string;
  readonly status: string;
  readonly classification?: string;
  readonly version: string;
}

/** An output port, inside its product; carries the product's domain and owner (see mesh-schema.ts). */
export function portEntity(facts: PortFacts): MeshEntity {
  return entity(
    'OutputPort',
    facts.id,
    {
      product: ref('DataProduct', facts.product),
      domain: ref('Domain', facts.domain),
      owner: ref('Team', facts.owner),
      status: facts.status.trim().toLowerCase(),
      classification: normalizeClassification(facts.classification),
      version: facts.version,
    },
    [{ type: 'DataProduct', id: facts.product }],
  );
}
