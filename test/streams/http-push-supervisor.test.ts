import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProductBundle } from '../../src/cli/product-bundle.js';
import type { StreamSource, StreamSourceContext } from '../../src/ports/stream/index.js';
import type { RuntimeProduct } from '../../src/runtime/index.js';
import { type MeshServer, openMeshServer } from '../../src/server/open-mesh-server.js';
import { SourceSupervisor } from '../../src/server/source-supervisor.js';
import { bin } from '../support/cli.js';
import {
  type EventsWorkspace,
  INPUT_PORT,
  orderEvent,
  PRODUCT_ID,
  scaffoldEventsWorkspace,
} from './support/events-workspace.js';

/** The built CLI, without blocking this process (the server under test answers it in-process). */
async function cli(args: readonly string[]) {
  const run = await promisify(execFile)(process.execPath, [bin, ...args], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  return run.stdout;
}

const until = async (check: () => boolean | Promise<boolean>, what: string) => {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/**
 * A source that stores one batch per run (ids `<run>-1`), fails its first run after storing, and
 * otherwise runs until aborted; every run and every product it was made for is recorded.
 */
function scriptedSources() {
  const made: RuntimeProduct[] = [];
  const runs: { ctx: StreamSourceContext; ended: boolean }[] = [];
  const factory = (_port: unknown, product: RuntimeProduct): StreamSource => {
    made.push(product);
    return {
      run: async (ctx) => {
        const run = { ctx, ended: false };
        runs.push(run);
        try {
          const n = runs.length;
          await ctx.sink.write({
            records: [{ value: orderEvent(`s${n}`), key: `s${n}` }],
            checkpoint: `cp-${n}`,
          });
          if (n === 1) throw new Error('the broker went away');
          ctx.report({ state: 'lagging', lag: 3, lagUnit: 'messages' });
          if (!ctx.signal.aborted)
            await new Promise<void>((resolve) =>
              ctx.signal.addEventListener('abort', () => resolve(), { once: true }),
            );
        } finally {
          run.ended = true;
        }
      },
    };
  };
  return { factory, made, runs };
}

describe('the source supervisor', () => {
  let ws: EventsWorkspace;
  let server: MeshServer;

  beforeAll(async () => {
    ws = scaffoldEventsWorkspace('supervisor');
    server = await openMeshServer({ workspace: ws.workspace, inputPollMs: 0, webhookPollMs: 0 });
    expect((await server.deploys.deploy(await readProductBundle(ws.product))).type).toBe('done');
  });

  afterAll(async () => {
    await server?.close();
    rmSync(ws.dir, { recursive: true, force: true });
  });

  it('runs a source per port, restarts a failed one with backoff, pauses, resumes, follows a redeploy and stops', async () => {
    const sources = scriptedSources();
    const log: string[] = [];
    const supervisor = new SourceSupervisor(
      server.runtime,
      { 'http-push': sources.factory },
      { initialBackoffMs: 200, log: (line) => log.push(line) },
    );
    supervisor.start();
    const view = () => supervisor.ports(PRODUCT_ID).find((p) => p.port === INPUT_PORT);
    // The first run stores a batch, then fails: `failed` with the reason until the backoff ends.
    await until(() => view()?.status.state === 'failed', 'the failed state');
    expect(view()?.status.reason).toMatch(/^the broker went away \(retrying in 0 s\)$/);
    expect(log.join('\n')).toMatch(
      /sales.orders orders_events: failed: the broker went away; retrying in 200 ms/,
    );
    await until(() => view()?.status.state === 'lagging', 'the restarted source');
    expect(view()).toMatchObject({
      kind: 'http-push',
      streamed: true,
      status: { lag: 3, lagUnit: 'messages' },
    });
    expect(view()?.counters).toMatchObject({ accepted: 2, duplicates: 0, quarantined: 0, batches: 2 });
    expect(await server.runtime.streamSink(PRODUCT_ID, INPUT_PORT).checkpoint()).toBe('cp-2');

    const paused = await supervisor.pause(PRODUCT_ID, INPUT_PORT);
    expect(paused.status.state).toBe('paused');
    expect(sources.runs.every((r) => r.ended)).toBe(true);
    expect(supervisor.isPaused(PRODUCT_ID, INPUT_PORT)).toBe(true);
    await supervisor.resume(PRODUCT_ID, INPUT_PORT);
    await until(() => sources.runs.length === 3 && view()?.status.state === 'lagging', 'the resumed source');

    // A redeploy (a new definition of the product) stops the source and starts one for the new one.
    const current = server.runtime.products().find((p) => p.id === PRODUCT_ID) as RuntimeProduct;
    await server.runtime.deploy([{ ...current }]);
    await until(() => sources.runs.length === 4, 'the source of the redeployed product');
    expect(sources.runs[2]?.ended).toBe(true);
    expect(sources.made.at(-1)).not.toBe(current);

    await supervisor.stop();
    expect(sources.runs.every((r) => r.ended)).toBe(true);
    const stored = await server.runtime.hub.query(
      `SELECT event_id FROM p_sales_orders.input.${INPUT_PORT} ORDER BY event_id`,
    );
    expect(stored.map((r) => r.event_id)).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('refuses to pause an unknown port (404) and shows ports through the CLI', async () => {
    await expect(server.sources.pause(PRODUCT_ID, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const table = await cli(['ports', PRODUCT_ID, '--server', address]);
    expect(table).toMatch(/orders_events\W+http-push\W+running/);
    expect(await cli(['ports', 'pause', PRODUCT_ID, INPUT_PORT, '--server', address])).toBe(
      `${PRODUCT_ID} ${INPUT_PORT}: paused\n`,
    );
    const json = JSON.parse(await cli(['ports', PRODUCT_ID, '--server', address, '--format', 'json']));
    expect(json.ports[0]).toMatchObject({ port: INPUT_PORT, status: { state: 'paused' } });
    expect(await cli(['ports', 'resume', PRODUCT_ID, INPUT_PORT, '--server', address])).toBe(
      `${PRODUCT_ID} ${INPUT_PORT}: running\n`,
    );
  });
});
