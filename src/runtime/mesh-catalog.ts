import { createSchemaSql, type DuckDBDriver, qualifiedName, quoteLiteral } from '../engines/duckdb/index.js';
import type { MeshNameEntry, MeshNames } from './mesh-names.js';
import { OUTPUT_SCHEMA } from './storage-layout.js';

/** `CREATE OR REPLACE VIEW "<domain>"."<schema>"."<view>" AS SELECT * FROM "p_<id>"."main"."<port>"`. */
export function meshViewSql(entry: MeshNameEntry): string {
  const source = qualifiedName(entry.target.alias, OUTPUT_SCHEMA, entry.target.port);
  return `CREATE OR REPLACE VIEW ${qualifiedName(entry.catalog, entry.schema, entry.view)} AS SELECT * FROM ${source}`;
}

/** Catalogs of the hub that hold mesh views: every in-memory catalog but DuckDB's own. */
function domainCatalogs(hub: DuckDBDriver): string[] {
  return [...hub.attached()].filter(([, file]) => file === ':memory:').map(([alias]) => alias);
}

/**
 * Makes the hub resolve the mesh names: one in-memory catalog per domain holding views over the
 * products' output tables. Views of names that are gone are dropped, domains that are gone are
 * detached. Every product named must be provisioned (attached, tables created) first.
 */
export async function syncMeshCatalog(hub: DuckDBDriver, names: MeshNames): Promise<void> {
  const domains = new Set(names.entries.map((e) => e.catalog));
  for (const stale of domainCatalogs(hub).filter((d) => !domains.has(d))) await hub.detach(stale);
  if (domains.size === 0) return;
  for (const domain of domains) await hub.attach(domain, ':memory:');
  await hub.withSession(async (session) => {
    const wanted = new Set(names.entries.map((e) => qualifiedName(e.catalog, e.schema, e.view)));
    const list = [...domains].map(quoteLiteral).join(', ');
    const existing = await session.query(
      `SELECT database_name, schema_name, view_name FROM duckdb_views() WHERE NOT internal AND database_name IN (${list})`,
    );
    for (const row of existing) {
      const view = qualifiedName(String(row.database_name), String(row.schema_name), String(row.view_name));
      if (!wanted.has(view)) await session.run(`DROP VIEW IF EXISTS ${view}`);
    }
    for (const entry of names.entries) {
      if (entry.schema !== OUTPUT_SCHEMA) await session.run(createSchemaSql(entry.catalog, entry.schema));
      await session.run(meshViewSql(entry));
    }
  });
}
