import { MeshplaneError } from '../../errors/index.js';
import type { RuntimeProduct, StoredInputPort } from '../../runtime/runtime-product.js';
import type { StreamSource, StreamSourceContext } from '../stream/stream-types.js';
import type { PullEnvironment } from './fetch-page.js';
import { type HttpPullConfig, httpPullConfig } from './http-pull-config.js';
import { decodeCheckpoint } from './pull-checkpoint.js';
import { type PullOutcome, pullPages, SinkWriteError } from './pull-pages.js';
import { nextPullDelay } from './pull-schedule.js';
import { pullSleep } from './pull-sleep.js';

/** What tests may swap: the HTTP client, the jitter, the clock and the environment that holds header secrets. */
export type HttpPullSourceOptions = Partial<Omit<PullEnvironment, 'log'>>;

function summary(o: PullOutcome): string {
  const parts = [`${o.pages} page${o.pages === 1 ? '' : 's'}`, `${o.accepted} stored`];
  if (o.duplicates > 0) parts.push(`${o.duplicates} duplicates`);
  if (o.quarantined > 0) parts.push(`${o.quarantined} quarantined`);
  if (o.skipped > 0) parts.push(`${o.skipped} not newer than the watermark`);
  return parts.join(', ');
}

/**
 * The http-pull source: pulls when it starts (an interval schedule, or an unfinished walk of
 * pages) and then on its schedule, until `ctx.signal` aborts. Each pull starts from the checkpoint
 * the sink stored, so a restart resumes where the last committed page left off. An API failure
 * (a refused request, retries run out, a body that is not usable JSON) reports `failed` with the
 * reason and waits for the next pull; a sink failure is thrown to the supervisor.
 */
export function createHttpPullSource(
  config: HttpPullConfig,
  options: HttpPullSourceOptions = {},
): StreamSource {
  return {
    async run(ctx: StreamSourceContext): Promise<void> {
      const pullEnv: PullEnvironment = {
        fetch: options.fetch ?? fetch,
        random: options.random ?? Math.random,
        now: options.now ?? Date.now,
        env: options.env ?? process.env,
        log: ctx.log,
      };
      const { signal } = ctx;
      ctx.report({ state: 'starting' });
      let restart = false;
      const first = decodeCheckpoint(await ctx.sink.checkpoint(), config.port);
      let delay =
        config.schedule.kind === 'interval' || first.next !== undefined
          ? 0
          : nextPullDelay(config.schedule, new Date(pullEnv.now()));
      if (delay > 0) ctx.report({ state: 'running' });
      while (!signal.aborted) {
        await pullSleep(delay, signal);
        if (signal.aborted) break;
        const started = pullEnv.now();
        try {
          const from = decodeCheckpoint(await ctx.sink.checkpoint(), config.port);
          const outcome = await pullPages(config, ctx.sink, from, signal, pullEnv, restart);
          restart = false;
          ctx.log(`pulled ${summary(outcome)}`);
          ctx.report(
            outcome.complete
              ? { state: 'running' }
              : {
                  state: 'lagging',
                  reason: `stopped after ${config.limits.maxPages} pages (maxPages); the next pull goes on from there`,
                },
          );
        } catch (error) {
          if (signal.aborted) break;
          if (error instanceof SinkWriteError) throw error.cause ?? error;
          if (!(error instanceof MeshplaneError)) throw error;
          if (error.details?.restart === true) restart = true;
          ctx.log(`pull failed: ${error.message}`);
          ctx.report({ state: 'failed', reason: error.message });
        }
        const now = pullEnv.now();
        delay = Math.max(0, nextPullDelay(config.schedule, new Date(started)) - (now - started));
      }
      ctx.report({ state: 'stopped' });
    },
  };
}

/**
 * The factory the supervisor calls for each stored input port of kind `http-pull`. Reads and
 * checks the settings at once, so a bad port fails when it is deployed, not at its first pull.
 */
export function httpPullSourceFactory(port: StoredInputPort, _product: RuntimeProduct): StreamSource {
  return createHttpPullSource(httpPullConfig(port));
}
