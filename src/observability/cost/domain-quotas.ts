/** Quotas by domain, from the normalized mesh.yaml. Pure. */
import type { DomainQuotas, Mesh } from '../../spec/model/mesh.js';

/** Each domain's quotas; a domain without any is not listed (no limit). */
export type QuotaTable = ReadonlyMap<string, DomainQuotas>;

/** No domain has a quota: what a missing or unreadable mesh.yaml means. */
export const NO_QUOTAS: QuotaTable = new Map();

/** The quotas mesh.yaml sets, by domain name. */
export function quotaTable(mesh: Pick<Mesh, 'domains'> | undefined): QuotaTable {
  const table = new Map<string, DomainQuotas>();
  for (const domain of mesh?.domains ?? []) {
    if (domain.quotas !== undefined && domain.name !== '') table.set(domain.name, domain.quotas);
  }
  return table;
}

/** Whether any domain limits its query time, so a query needs checking at all. */
export function limitsQueryTime(table: QuotaTable): boolean {
  for (const quotas of table.values()) if (quotas.queryTimePerDayMs !== undefined) return true;
  return false;
}
