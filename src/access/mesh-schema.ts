/**
 * The Cedar schema of a mesh (namespace `Meshplane`), in Cedar's own schema syntax.
 *
 * It lives in a TypeScript constant rather than a `.cedarschema` file so that `tsc` carries it to
 * `dist/` with no copy step and the web UI gets it from the same import. docs/access.md explains
 * every type, attribute and action.
 *
 * Modelling choices:
 * - Team membership is the entity hierarchy (`User in [Team]`), not a `teams` attribute, so that
 *   `principal in resource.owner` and scopes such as `principal in Meshplane::Team::"orders"` work,
 *   transitively, in every policy and grant.
 * - A port carries its product's `domain` and `owner` as well as the `product` reference, so the
 *   default policies never dereference a second entity: a caller who forgets the product entity
 *   cannot make them error.
 * - Classification and status are plain strings: ODCS leaves classification open; values other than
 *   `public` and `internal` are treated as needing a grant.
 * - Every action shares one context: `now` (a datetime, for grant expiry) and an optional `purpose`.
 */
export const MESH_SCHEMA = `namespace Meshplane {
  // The platform itself: the resource of mesh-wide administration.
  entity Mesh;
  entity Domain in [Mesh];
  entity Team;
  entity User in [Team] {
    roles: Set<String>,
    domain?: Domain,
  };
  entity ServiceAccount in [Team] {
    roles: Set<String>,
    domain?: Domain,
  };
  entity DataProduct in [Domain] {
    domain: Domain,
    owner: Team,
    status: String,
    tags: Set<String>,
    classification: String,
  };
  entity OutputPort in [DataProduct] {
    product: DataProduct,
    domain: Domain,
    owner: Team,
    status: String,
    classification: String,
    version: String,
  };

  type RequestContext = {
    now: datetime,
    purpose?: String,
  };

  action discover appliesTo {
    principal: [User, ServiceAccount],
    resource: [DataProduct, OutputPort],
    context: RequestContext,
  };
  action read, subscribe, export appliesTo {
    principal: [User, ServiceAccount],
    resource: [OutputPort],
    context: RequestContext,
  };
  action manage, approveAccess appliesTo {
    principal: [User, ServiceAccount],
    resource: [DataProduct, OutputPort],
    context: RequestContext,
  };
  action administer appliesTo {
    principal: [User, ServiceAccount],
    resource: [Mesh, Domain, Team],
    context: RequestContext,
  };
}
`;
