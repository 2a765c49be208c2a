import type { DuckDBDriver } from '../../engines/duckdb/index.js';
import { needsHash } from './file-decision.js';
import { readLedger } from './file-ledger.js';
import type { FilePortSpec } from './file-port-spec.js';
import { findFiles } from './find-files.js';

/**
 * Whether the port's glob matches a settled file whose version (size, modification time) the
 * ledger has not handled yet. Cheap: it reads no file contents, so a watcher can ask it often.
 */
export async function hasNewFiles(
  hub: DuckDBDriver,
  alias: string,
  spec: FilePortSpec,
  options: { readonly settleMs: number; readonly now?: number },
): Promise<boolean> {
  return hub.withSession(async (session) => {
    const ledger = await readLedger(session, alias, spec.port);
    const candidates = await findFiles(session, spec.glob, {
      settleMs: options.settleMs,
      now: options.now ?? Date.now(),
    });
    return candidates.some((f) => needsHash(f, ledger.get(f.path)));
  });
}
