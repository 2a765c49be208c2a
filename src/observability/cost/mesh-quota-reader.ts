/** The quotas of a workspace's mesh.yaml, read again only when the file changes. */
import { stat } from 'node:fs/promises';
import { DEFAULT_LOAD_LIMITS } from '../../spec/load/limits.js';
import { analyzeWorkspace } from '../../spec/validate/index.js';
import { readBounded } from '../../workspace/read-documents.js';
import { NO_QUOTAS, type QuotaTable, quotaTable } from './domain-quotas.js';

/**
 * A reader of `meshFile`'s quotas. Each call looks at the file's size and modification time and
 * parses it only when they changed, so quotas edited in mesh.yaml apply without a restart and a
 * query pays for one `stat`. A missing or unreadable file means no quotas; an invalid quota value
 * reads as no quota for that field (`meshplane validate` and deploys report it, located).
 */
export function meshQuotaReader(meshFile: string): () => Promise<QuotaTable> {
  let seen: { key: string; table: QuotaTable } | undefined;
  return async () => {
    let key: string;
    try {
      const info = await stat(meshFile);
      key = `${info.size}:${info.mtimeMs}`;
    } catch {
      return NO_QUOTAS;
    }
    if (seen?.key === key) return seen.table;
    const source = await readBounded(meshFile, meshFile, DEFAULT_LOAD_LIMITS.maxBytes);
    const { entries } = analyzeWorkspace([source]);
    const parsed = [...entries.values()].find((e) => e.parsed?.kind === 'Mesh')?.parsed;
    const table = quotaTable(parsed?.kind === 'Mesh' ? parsed.model : undefined);
    seen = { key, table };
    return table;
  };
}
