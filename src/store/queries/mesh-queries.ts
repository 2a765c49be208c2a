/** The mesh: domains and teams, replaced wholesale from mesh.yaml. */
import { requireText, requireUnique } from '../input-checks.js';
import { domainFromRow, meshToRows, teamsFromJoinedRows } from '../mapping/mesh-rows.js';
import type { DomainRecord, MeshRecord, MeshSnapshot, TeamRecord } from '../model/mesh-model.js';
import type { StoreContext } from '../store-context.js';

function checkSnapshot(mesh: MeshSnapshot): void {
  requireText(mesh.name, 'mesh name');
  for (const d of mesh.domains) {
    requireText(d.name, 'domain name');
    requireText(d.ownerTeam, `owner team of domain ${d.name}`);
  }
  requireUnique(
    mesh.domains.map((d) => d.name),
    'domain names',
  );
  for (const t of mesh.teams) {
    requireText(t.name, 'team name');
    for (const m of t.members) requireText(m.username, `username of a member of team ${t.name}`);
    requireUnique(
      t.members.map((m) => m.username),
      `members of team ${t.name}`,
    );
  }
  requireUnique(
    mesh.teams.map((t) => t.name),
    'team names',
  );
}

/** Replaces the mesh's name, domains and teams in one transaction. */
export async function syncMesh(ctx: StoreContext, mesh: MeshSnapshot): Promise<void> {
  checkSnapshot(mesh);
  const rows = meshToRows(mesh);
  const syncedAt = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('team_members').execute();
    await trx.deleteFrom('teams').execute();
    await trx.deleteFrom('domains').execute();
    await trx
      .insertInto('mesh')
      .values({ id: 1, name: mesh.name, synced_at: syncedAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: mesh.name, synced_at: syncedAt }))
      .execute();
    if (rows.domains.length > 0) await trx.insertInto('domains').values(rows.domains).execute();
    if (rows.teams.length > 0) await trx.insertInto('teams').values(rows.teams).execute();
    if (rows.members.length > 0) await trx.insertInto('team_members').values(rows.members).execute();
  });
}

/** The mesh's name and last sync, or undefined before the first sync. */
export async function getMesh(ctx: StoreContext): Promise<MeshRecord | undefined> {
  const row = await ctx.db.selectFrom('mesh').select(['name', 'synced_at']).executeTakeFirst();
  return row === undefined ? undefined : { name: row.name, syncedAt: row.synced_at };
}

/** Domains by name. */
export async function listDomains(ctx: StoreContext): Promise<DomainRecord[]> {
  const rows = await ctx.db.selectFrom('domains').selectAll().orderBy('name').execute();
  return rows.map(domainFromRow);
}

/** Teams by name, members by username; one statement, so one consistent snapshot. */
export async function listTeams(ctx: StoreContext): Promise<TeamRecord[]> {
  const rows = await ctx.db
    .selectFrom('teams')
    .leftJoin('team_members', 'team_members.team_name', 'teams.name')
    .select([
      'teams.name as team_name',
      'teams.description as team_description',
      'team_members.username',
      'team_members.name as member_name',
      'team_members.role as member_role',
    ])
    .orderBy('teams.name')
    .orderBy('team_members.username')
    .execute();
  return teamsFromJoinedRows(rows);
}
