/**
 * What a query of deprecated port versions tells its consumer: one warning per deprecated version
 * read (in the JSON body, a `Meshplane-Warning` header each, and a `Sunset` header with the earliest
 * sunset, RFC 8594), so a consumer sees it on every query until it moves. Pure.
 */
import type { MeshTarget } from '../runtime/index.js';

export interface QueryWarning {
  readonly code: 'deprecated-version';
  readonly productId: string;
  readonly port: string;
  readonly version: string;
  readonly sunset?: string;
  readonly message: string;
}

export function deprecationWarnings(targets: readonly MeshTarget[]): QueryWarning[] {
  return targets
    .filter((t) => t.lifecycle.status === 'deprecated')
    .map((t) => {
      const { sunset, replacedBy } = t.lifecycle;
      const instead = replacedBy ?? 'its latest major version';
      return {
        code: 'deprecated-version' as const,
        productId: t.productId,
        port: t.portName,
        version: t.version,
        ...(sunset === undefined ? {} : { sunset }),
        message: `${t.productId}/${t.portName} v${t.major} (${t.version}) is deprecated${sunset === undefined ? '' : `; it will be retired after ${sunset}`}; move to ${instead}`,
      };
    });
}

/** The `Sunset` header value (an HTTP date) of the earliest sunset among the warnings. */
export function sunsetHeader(warnings: readonly QueryWarning[]): string | undefined {
  const dates = warnings.flatMap((w) => (w.sunset === undefined ? [] : [w.sunset])).sort();
  return dates[0] === undefined ? undefined : new Date(`${dates[0]}T23:59:59Z`).toUTCString();
}
