/** Pure mapping between the mesh's rows and its model. */
import type { Insertable, Selectable } from 'kysely';
import type { DomainRecord, MeshSnapshot, TeamRecord } from '../model/mesh-model.js';
import type { DomainsTable, TeamMembersTable, TeamsTable } from '../schema/control-database.js';
import { groupBy } from './group-by.js';
import { nullable, optional } from './optional.js';

/** The rows that hold a mesh snapshot's domains, teams and members. */
export interface MeshRows {
  readonly domains: Insertable<DomainsTable>[];
  readonly teams: Insertable<TeamsTable>[];
  readonly members: Insertable<TeamMembersTable>[];
}

/** A mesh snapshot as rows. */
export function meshToRows(mesh: MeshSnapshot): MeshRows {
  return {
    domains: mesh.domains.map((d) => ({
      name: d.name,
      description: nullable(d.description),
      owner_team: d.ownerTeam,
    })),
    teams: mesh.teams.map((t) => ({ name: t.name, description: nullable(t.description) })),
    members: mesh.teams.flatMap((t) =>
      t.members.map((m) => ({
        team_name: t.name,
        username: m.username,
        name: nullable(m.name),
        role: nullable(m.role),
      })),
    ),
  };
}

/** A domain row as a record. */
export function domainFromRow(row: Selectable<DomainsTable>): DomainRecord {
  return { name: row.name, ...optional('description', row.description), ownerTeam: row.owner_team };
}

/** One row of teams left-joined with their members: a team without members has one row of nulls. */
export interface TeamMemberJoinRow {
  readonly team_name: string;
  readonly team_description: string | null;
  readonly username: string | null;
  readonly member_name: string | null;
  readonly member_role: string | null;
}

/** Joined team and member rows as teams, in the order the rows come. */
export function teamsFromJoinedRows(rows: readonly TeamMemberJoinRow[]): TeamRecord[] {
  return [...groupBy(rows, (r) => r.team_name).values()].map((group) => {
    const [first] = group as [TeamMemberJoinRow, ...TeamMemberJoinRow[]];
    return {
      name: first.team_name,
      ...optional('description', first.team_description),
      members: group.flatMap((m) =>
        m.username === null
          ? []
          : [
              {
                username: m.username,
                ...optional('name', m.member_name),
                ...optional('role', m.member_role),
              },
            ],
      ),
    };
  });
}
