/**
 * Volume monitoring: after each successful run of an output port, the rows it wrote are recorded
 * in the port's volume history and judged against that history (`volumeAnomaly`: a robust trend
 * and band). A `volume.anomaly` condition per port: an anomalous count opens (or counts), a
 * normal one clears; too little history says nothing.
 */
import { conditionObserved, volumeAnomaly } from '../../quality/monitors/index.js';
import type { ControlStore, Run, VolumeRecord } from '../../store/index.js';
import type { IncidentService } from './incident-service.js';

/** The incident monitor name of volume anomalies; the subject is the port's key. */
export const VOLUME_ANOMALY = 'volume.anomaly';

/** History points the judgement reads (the anomaly model's default window). */
const HISTORY = 60;
/** Runs read per port and tick. */
const MAX_NEW_RUNS = 200;
/** How far back runs are read the first time a port is seen. */
const FIRST_LOOK_MS = 30 * 86_400_000;
/** Runs read again before the last recorded one, for runs that finished out of start order. */
const OVERLAP_MS = 3_600_000;

export interface VolumeDeps {
  readonly store: Pick<ControlStore, 'listPortRuns' | 'recordVolume' | 'listVolumeHistory'>;
  readonly incidents: Pick<IncidentService, 'observe'>;
}

/** A run as a volume point: only successful runs that wrote a known number of rows. */
export function volumePoint(run: Run): VolumeRecord | undefined {
  if (run.status !== 'succeeded' || run.error !== undefined) return undefined;
  if (run.rowsOut === undefined || run.finishedAt === undefined) return undefined;
  return { productId: run.productId, port: run.port, runId: run.id, at: run.finishedAt, rows: run.rowsOut };
}

/**
 * Records the port's new runs and judges them, oldest first. Runs that finished before
 * `judgeFrom` (a backlog found when monitoring starts) only become history, except the newest,
 * so turning monitoring on does not replay old alerts. Returns the alerts sent.
 */
export async function checkVolume(
  deps: VolumeDeps,
  productId: string,
  port: string,
  now: Date,
  judgeFrom: string,
): Promise<number> {
  const recent = await deps.store.listVolumeHistory({ productId, port, limit: MAX_NEW_RUNS });
  const last = recent[0];
  const since = new Date(
    last === undefined ? now.getTime() - FIRST_LOOK_MS : Date.parse(last.at) - OVERLAP_MS,
  ).toISOString();
  const runs = await deps.store.listPortRuns({ productId, port, since, limit: MAX_NEW_RUNS });
  // Runs already recorded are left out here: the store would ignore them, but not for free.
  const known = new Set(recent.map((r) => r.runId));
  const points = runs
    .map(volumePoint)
    .filter((p): p is VolumeRecord => p !== undefined && !known.has(p.runId))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const added = await deps.store.recordVolume(points);
  if (added.length === 0) return 0;
  const history = await deps.store.listVolumeHistory({ productId, port, limit: HISTORY + added.length });
  const newest = added.at(-1);
  let alerts = 0;
  for (const point of added) {
    if (point.at < judgeFrom && point !== newest) continue;
    const before = history.filter((h) => h.at < point.at).slice(0, HISTORY);
    const verdict = volumeAnomaly({ at: point.at, rows: point.rows }, before);
    if (verdict.status === 'not-enough-history') continue;
    const outcome = await deps.incidents.observe(
      conditionObserved(
        { product: productId, monitor: VOLUME_ANOMALY, subject: port },
        verdict.status === 'anomalous',
        {
          message: `${port}: ${verdict.message}`,
          facts: {
            port,
            run: point.runId,
            rows: point.rows,
            expectedLow: Math.round(verdict.expected.low),
            expectedHigh: Math.round(verdict.expected.high),
          },
        },
        point.at,
      ),
      port,
    );
    alerts += outcome.alerts.length;
  }
  return alerts;
}
