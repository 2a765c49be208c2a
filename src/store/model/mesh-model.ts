/** The mesh as the control store keeps it: the domains and teams of mesh.yaml. */

/** A domain of the mesh and the team that owns it. */
export interface DomainRecord {
  readonly name: string;
  readonly description?: string;
  readonly ownerTeam: string;
}

/** One member of a team. */
export interface TeamMemberRecord {
  readonly username: string;
  readonly name?: string;
  readonly role?: string;
}

/** A team with its members. */
export interface TeamRecord {
  readonly name: string;
  readonly description?: string;
  readonly members: readonly TeamMemberRecord[];
}

/**
 * What `syncMesh` takes: the whole of mesh.yaml's domains and teams. The normalized `Mesh` of
 * `src/spec/` fits this shape as it is.
 */
export interface MeshSnapshot {
  readonly name: string;
  readonly domains: readonly DomainRecord[];
  readonly teams: readonly TeamRecord[];
}

/** The mesh's own row: its name and when mesh.yaml was last synced. */
export interface MeshRecord {
  readonly name: string;
  readonly syncedAt: string;
}
