import { MeshplaneError } from '../../errors/index.js';
import type { StreamSink } from '../stream/stream-types.js';
import { type FetchedPage, fetchPage, type PullEnvironment, shownUrl } from './fetch-page.js';
import type { HttpPullConfig } from './http-pull-config.js';
import { readJsonPath } from './json-path.js';
import { nextPosition } from './next-position.js';
import { pageRecords } from './page-records.js';
import { pageUrl } from './page-url.js';
import { encodeCheckpoint, type PagePosition, type PullCheckpoint } from './pull-checkpoint.js';

export interface PullOutcome {
  readonly pages: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly quarantined: number;
  /** Items left out as not newer than the watermark. */
  readonly skipped: number;
  /** False when the page limit stopped the walk; the next pull goes on where it stopped. */
  readonly complete: boolean;
  readonly checkpoint: PullCheckpoint;
}

/** A sink failure, told apart from the API's so the source can hand it to its supervisor. */
export class SinkWriteError extends Error {
  override readonly name = 'SinkWriteError';
}

function itemsOf(config: HttpPullConfig, page: FetchedPage): readonly unknown[] {
  const items = readJsonPath(page.body, config.records);
  if (Array.isArray(items)) return items;
  const where = config.records.text === '' ? 'the body' : `${config.records.text}`;
  const found = items === undefined ? 'nothing' : items === null ? 'null' : `a ${typeof items}`;
  throw new MeshplaneError(
    'PRECONDITION_FAILED',
    `GET ${shownUrl(page.url)}: expected an array of records at ${where}, found ${found}`,
  );
}

function withoutUndefined(
  c: { [K in keyof PullCheckpoint]?: PullCheckpoint[K] | undefined },
): PullCheckpoint {
  return {
    ...(c.watermark === undefined ? {} : { watermark: c.watermark }),
    ...(c.high === undefined ? {} : { high: c.high }),
    ...(c.next === undefined ? {} : { next: c.next }),
  };
}

/**
 * One pull: walks the pages from `from` (its `next` page when a walk was cut short, else the
 * first) and writes each page's new records through `sink` with the checkpoint after that page,
 * so records and position commit together and a crash resumes at the first unstored page.
 * `restart` ignores a stored next page (the API refused it). Throws the API's failure as a
 * MeshplaneError (pages before it stay stored) and a sink's as SinkWriteError.
 */
export async function pullPages(
  config: HttpPullConfig,
  sink: StreamSink,
  from: PullCheckpoint,
  signal: AbortSignal,
  pullEnv: PullEnvironment,
  restart = false,
): Promise<PullOutcome> {
  const since = from.watermark;
  let high = from.high ?? since;
  let position: PagePosition | undefined = restart ? undefined : from.next;
  let stored = from;
  const totals = { pages: 0, accepted: 0, duplicates: 0, quarantined: 0, skipped: 0 };
  for (;;) {
    const resumed = position !== undefined && totals.pages === 0;
    let page: FetchedPage;
    try {
      page = await fetchPage(config, pageUrl(config, position, since), signal, pullEnv);
    } catch (error) {
      const status = error instanceof MeshplaneError ? error.details?.status : undefined;
      if (resumed && typeof status === 'number' && status >= 400 && status < 500 && status !== 429) {
        throw new MeshplaneError(
          'PRECONDITION_FAILED',
          `${error instanceof Error ? error.message : String(error)}; the next pull walks the pages again from the first`,
          { cause: error, details: { status, restart: true } },
        );
      }
      throw error;
    }
    const items = itemsOf(config, page);
    const next = nextPosition(config, page, position, items.length);
    const source = `http-pull:${shownUrl(page.url)}#${totals.pages + 1}`;
    const found = pageRecords(config, items, since, high, source);
    high = found.high;
    totals.pages++;
    totals.skipped += found.skipped;
    const checkpoint = withoutUndefined(
      next === undefined ? { watermark: high } : { watermark: since, high, next },
    );
    const text = encodeCheckpoint(checkpoint);
    if (found.records.length > 0 || text !== encodeCheckpoint(stored)) {
      try {
        const result = await sink.write({ records: found.records, checkpoint: text }, signal);
        totals.accepted += result.accepted;
        totals.duplicates += result.duplicates;
        totals.quarantined += result.quarantined;
      } catch (error) {
        if (signal.aborted) throw error;
        // A page over the sink's bounds is refused whole: the port's failure, not the sink's.
        if (error instanceof MeshplaneError && error.code === 'INVALID_INPUT') {
          throw new MeshplaneError('PRECONDITION_FAILED', `GET ${shownUrl(page.url)}: ${error.message}`, {
            cause: error,
          });
        }
        throw new SinkWriteError(error instanceof Error ? error.message : String(error), { cause: error });
      }
      stored = checkpoint;
    }
    if (next === undefined) return { ...totals, complete: true, checkpoint: stored };
    if (totals.pages >= config.limits.maxPages) return { ...totals, complete: false, checkpoint: stored };
    if (signal.aborted) throw signal.reason;
    position = next;
  }
}
