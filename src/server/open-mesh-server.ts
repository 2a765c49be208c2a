import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { startWebhookDispatcher } from '../notify/index.js';
import { createMetrics, type Metrics, meteredRunRecorder } from '../observability/index.js';
import { startEventDelivery, startNatsPublisher } from '../ports/events-out/index.js';
import { httpPullSourceFactory } from '../ports/http-pull/index.js';
import { type HttpPushOptions, HttpPushPorts, httpPushSettings } from '../ports/http-push/index.js';
import { natsSourceFactory } from '../ports/nats/index.js';
import { postgresCdcSourceFactory } from '../ports/postgres-cdc/index.js';
import { isStreamedKind, type StreamLimits, streamPortSpec } from '../ports/stream/index.js';
import { QualityService, qualityRunRecorder } from '../quality/runs/index.js';
import { DEFAULT_REGISTRY } from '../registry/compatibility-mode.js';
import { DeployService } from '../registry/deploy-service.js';
import { isStoredInput, MeshRuntime, type RuntimeProduct } from '../runtime/index.js';
import { DEFAULT_LOAD_LIMITS } from '../spec/load/limits.js';
import type { Mesh } from '../spec/model/mesh.js';
import { analyzeWorkspace } from '../spec/validate/index.js';
import { type ControlStore, createControlStore, INTERRUPTED_RUN_ERROR } from '../store/index.js';
import { MESH_FILE } from '../workspace/document-files.js';
import { readBounded } from '../workspace/read-documents.js';
import { buildApp } from './build-app.js';
import { watchInputs } from './input-watcher.js';
import { Lifecycle } from './lifecycle.js';
import { type MonitorLoop, startMonitorLoop } from './monitor-loop.js';
import { costRoutes } from './routes/cost-routes.js';
import { deployRoutes } from './routes/deploy-routes.js';
import { eventsOutRoutes } from './routes/events-out-routes.js';
import { lifecycleRoutes } from './routes/lifecycle-routes.js';
import { meshHealthRoutes } from './routes/mesh-health-routes.js';
import { monitoringRoutes } from './routes/monitoring-routes.js';
import { qualityRoutes } from './routes/quality-routes.js';
import { queryRoutes } from './routes/query-routes.js';
import { registryRoutes } from './routes/registry-routes.js';
import { runtimeRoutes } from './routes/runtime-routes.js';
import { streamRoutes } from './routes/stream-routes.js';
import { watchSchedules } from './schedule-watcher.js';
import { type SourceFactory, SourceSupervisor } from './source-supervisor.js';
import { storeRunRecorder } from './store-run-recorder.js';

export interface MeshServerOptions {
  readonly workspace: string;
  /** PostgreSQL for the control plane; the embedded SQLite file when absent. */
  readonly databaseUrl?: string;
  readonly logger?: FastifyServerOptions['logger'];
  readonly log?: (line: string) => void;
  /** How often file input ports are checked for new files (milliseconds; 0 turns the watcher off). */
  readonly inputPollMs?: number;
  /** How often the webhook outbox is checked (milliseconds; 0 turns delivery off). Default 1000. */
  readonly webhookPollMs?: number;
  /** How often SLAs, volumes and sources are checked (milliseconds; 0 turns the timer off). Default 30 000. */
  readonly monitorIntervalMs?: number;
  /** HTTP push bounds: body size, events per request, nesting, the group commit's queue and timing. */
  readonly httpPush?: HttpPushOptions & { readonly maxBodyBytes?: number };
  /** Bounds of one batch of any streamed input port. */
  readonly streamLimits?: Partial<StreamLimits>;
  /** Source factories by port kind, over the built-in ones (tests add their own). */
  readonly sourceFactories?: Readonly<Record<string, SourceFactory>>;
  /** NATS to publish output port changes to (`meshplane.<product>.<port>`); MESHPLANE_NATS_URL too. Off when absent. */
  readonly natsUrl?: string;
}

/** Largest HTTP push body by default (bytes). */
const DEFAULT_PUSH_BODY_BYTES = 16 * 1024 * 1024;

export interface MeshServer {
  readonly app: FastifyInstance;
  readonly lifecycle: Lifecycle;
  readonly store: ControlStore;
  readonly runtime: MeshRuntime;
  readonly deploys: DeployService;
  readonly sources: SourceSupervisor;
  /** The server's metrics registry, served at /metrics. */
  readonly metrics: Metrics;
  /** SLA, volume and schema drift monitors and their incidents. */
  readonly monitor: MonitorLoop;
  close(): Promise<void>;
}

/**
 * The composition root of `meshplane serve`: opens the control store (SQLite or PostgreSQL),
 * syncs mesh.yaml into it, opens the runtime's DuckDB hub, loads the registered products, repairs
 * deploys a crash interrupted, and wires the HTTP API.
 */
/**
 * A crash between an ingest's commit and the end of the transforms leaves input that the output
 * was not built from; such runs are marked interrupted when the store opens. Their products run
 * once more before the server reports ready. (Only those: re-running an `append` transform with
 * no new input would add its rows again.)
 */
async function catchUpInterruptedRuns(
  store: ControlStore,
  runtime: MeshRuntime,
  log: (line: string) => void,
) {
  for (const product of runtime.products()) {
    const [latest] = await store.listRuns(product.id, 1);
    if (latest?.error !== INTERRUPTED_RUN_ERROR) continue;
    log(`${product.id}: its last run was interrupted; running it again`);
    await runtime.runProduct(product, { trigger: 'manual' });
  }
}

/** Reads every streamed port's settings as its source would, so a bad one fails the deploy. */
function checkStreamedPorts(
  product: RuntimeProduct,
  factories: Readonly<Record<string, SourceFactory>>,
): void {
  for (const input of product.inputs) {
    if (!isStoredInput(input) || !isStreamedKind(input.kind)) continue;
    streamPortSpec(input);
    if (input.kind === 'http-push') httpPushSettings(input);
    factories[input.kind]?.(input, product);
  }
}

export async function openMeshServer(options: MeshServerOptions): Promise<MeshServer> {
  const workspace = path.resolve(options.workspace);
  const log = options.log ?? (() => undefined);
  const meshFiles = async () => [
    await readBounded(
      path.join(workspace, MESH_FILE),
      path.join(workspace, MESH_FILE),
      DEFAULT_LOAD_LIMITS.maxBytes,
    ),
  ];
  const store = await createControlStore({
    workspaceDir: workspace,
    ...(options.databaseUrl === undefined ? {} : { url: options.databaseUrl }),
  });
  const readMesh = async (): Promise<Mesh | undefined> => {
    const { entries } = analyzeWorkspace(await meshFiles());
    const parsed = [...entries.values()].find((e) => e.parsed?.kind === 'Mesh')?.parsed;
    return parsed?.kind === 'Mesh' ? parsed.model : undefined;
  };
  let runtime: MeshRuntime | undefined;
  try {
    const mesh = await readMesh();
    if (mesh !== undefined) await store.syncMesh(mesh);
    else
      log(
        `note: ${path.join(workspace, MESH_FILE)} is missing or invalid; domains and teams were not synced`,
      );
    const metrics = createMetrics();
    const quality = new QualityService({ store, runtime: () => runtime, metrics: metrics.quality, log });
    runtime = await MeshRuntime.open({
      workspace,
      // Checks run after each successful transform, linked to the stored run.
      recorder: meteredRunRecorder(
        qualityRunRecorder(
          storeRunRecorder(store, () => runtime),
          quality,
        ),
        metrics,
      ),
      ...(options.streamLimits === undefined ? {} : { streamLimits: options.streamLimits }),
    });
    // Long-running sources by input port kind: the one place a kind's factory is registered.
    const sourceFactories: Record<string, SourceFactory> = {
      nats: natsSourceFactory,
      'postgres-cdc': postgresCdcSourceFactory,
      'http-pull': httpPullSourceFactory,
      ...options.sourceFactories,
    };
    const deploys = new DeployService({
      store,
      runtime,
      meshFiles,
      stateDir: path.join(workspace, '.meshplane'),
      checkPorts: (product) => checkStreamedPorts(product, sourceFactories),
    });
    const problems = await deploys.restore();
    for (const problem of problems) log(`could not load ${problem}`);
    const repaired = await deploys.repair((event) => {
      if (event.type !== 'step') log(`repairing an interrupted deploy: ${JSON.stringify(event)}`);
    });
    if (repaired > 0) log(`repaired ${repaired} interrupted deploy(s)`);
    await catchUpInterruptedRuns(store, runtime, log);
    const sources = new SourceSupervisor(runtime, sourceFactories, { log, metrics: metrics.ingestion });
    const pushes = new HttpPushPorts((id, port) => sources.sink(id, port), options.httpPush);
    const delivery = startEventDelivery({ runtime, onError: (e) => log(`event delivery: ${String(e)}`) });
    const natsUrl = options.natsUrl ?? process.env.MESHPLANE_NATS_URL;
    const publisher =
      natsUrl === undefined
        ? undefined
        : await startNatsPublisher({
            runtime,
            servers: natsUrl,
            onError: (e) => log(`event publishing: ${String(e)}`),
          });
    const lifecycle = new Lifecycle();
    const monitor = startMonitorLoop({
      store,
      runtime,
      webhooks: () => mesh?.webhooks ?? [],
      metrics: metrics.quality,
      intervalMs: options.monitorIntervalMs ?? 30_000,
      log,
    });
    quality.onQualityReport((id, port, report) => monitor.qualityReport(id, port, report));
    const app = await buildApp({
      lifecycle,
      metrics,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      api: [
        registryRoutes(store),
        deployRoutes(deploys),
        runtimeRoutes(runtime),
        queryRoutes(runtime, store, metrics.queries),
        lifecycleRoutes(store, runtime, async () => (await readMesh())?.registry ?? DEFAULT_REGISTRY),
        streamRoutes(runtime, sources, pushes, {
          maxBodyBytes: options.httpPush?.maxBodyBytes ?? DEFAULT_PUSH_BODY_BYTES,
        }),
        eventsOutRoutes(runtime, { delivery }),
        costRoutes(runtime, store),
        qualityRoutes(quality),
        monitoringRoutes(monitor),
        meshHealthRoutes(store, runtime, monitor),
      ],
    });
    const hooks = new Map((mesh?.webhooks ?? []).map((h) => [h.url, h] as const));
    const webhookPollMs = options.webhookPollMs ?? 1000;
    const dispatcher =
      webhookPollMs > 0
        ? startWebhookDispatcher({
            store,
            intervalMs: webhookPollMs,
            formatFor: (url) => hooks.get(url)?.format ?? 'cloudevents',
            secretFor: (url) => {
              const name = hooks.get(url)?.secretEnv;
              return name === undefined ? undefined : process.env[name];
            },
            onError: (error) => log(`webhook delivery: ${String(error)}`),
          })
        : undefined;
    const opened = runtime;
    metrics.ingestion.readPorts(() =>
      opened.products().flatMap((p) =>
        sources
          .ports(p.id)
          .filter((v) => v.streamed)
          .map((v) => ({ ...v, product: p.id })),
      ),
    );
    const pollMs = options.inputPollMs ?? 2000;
    const watcher = pollMs > 0 ? watchInputs(opened, { intervalMs: pollMs, log }) : undefined;
    const schedules = watchSchedules(opened, { intervalMs: 15_000, log });
    sources.start();
    return {
      app,
      lifecycle,
      store,
      runtime: opened,
      deploys,
      sources,
      metrics,
      monitor,
      close: async () => {
        await sources.stop();
        await pushes.close();
        await delivery.stop();
        await publisher?.stop();
        await watcher?.stop();
        await schedules.stop();
        await monitor.stop();
        await dispatcher?.stop();
        await opened.close();
        await store.close();
      },
    };
  } catch (error) {
    await runtime?.close();
    await store.close();
    throw error;
  }
}
