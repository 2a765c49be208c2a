/** A check run of one output port version, as the API, the CLI and listeners see it. Pure. */
import { portKey } from '../../runtime/port-version.js';
import type { QualityCounts, QualityRun, QualityState, QualityTrigger } from '../../store/index.js';
import type { CheckResult } from '../checks/index.js';
import type { StoredSample } from './bound-report.js';

export interface PortQualityReport {
  /** The check run's id in the quality history. */
  readonly id: string;
  readonly productId: string;
  /** The output port's name, shared by its versions. */
  readonly port: string;
  readonly major: number;
  readonly version: string;
  /** The port version's key (its table): the name for majors 0 and 1, `<name>@v<major>` after. */
  readonly key: string;
  /** The pipeline run the checks followed, when they followed one. */
  readonly runId?: string;
  readonly trigger: QualityTrigger;
  readonly state: QualityState;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly counts: QualityCounts;
  readonly results: readonly CheckResult[];
  /** Failing-row samples: masked where the column is classified, bounded in size. */
  readonly samples: readonly StoredSample[];
  /** Why the checks as a whole did not run (state `error`). */
  readonly error?: string;
}

/** A stored check run as a report. The quality layer wrote its results and samples. */
export function reportFromRun(run: QualityRun): PortQualityReport {
  return {
    id: run.id,
    productId: run.productId,
    port: run.port,
    major: run.major,
    version: run.version,
    key: portKey(run.port, run.major),
    ...(run.runId === undefined ? {} : { runId: run.runId }),
    trigger: run.trigger,
    state: run.state,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    counts: run.counts,
    results: run.results as readonly CheckResult[],
    samples: run.samples as readonly StoredSample[],
    ...(run.error === undefined ? {} : { error: run.error }),
  };
}
