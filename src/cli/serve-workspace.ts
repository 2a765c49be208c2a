import { type MeshServer, openMeshServer } from '../server/open-mesh-server.js';
import { serve } from '../server/serve.js';
import type { CliIo } from './cli-io.js';

export interface ServeWorkspaceOptions {
  readonly workspace: string;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl?: string;
  /** Runs once the server listens (the demo deploys its products here). */
  readonly afterListen?: (server: MeshServer, url: string) => Promise<void>;
}

/**
 * Opens the mesh server on a workspace, serves it until SIGTERM or SIGINT, then stops cleanly.
 * Resolves to the exit code. Structured request logs (JSON lines) go to stderr.
 */
export async function serveWorkspace(io: CliIo, options: ServeWorkspaceOptions): Promise<0 | 1 | 3> {
  const log = (line: string) => io.stderr(`meshplane: ${line}\n`);
  const server = await openMeshServer({
    workspace: options.workspace,
    log,
    logger: { level: process.env.MESHPLANE_LOG_LEVEL ?? 'warn', stream: process.stderr },
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
  });
  const { url, stopped } = await serve({
    app: server.app,
    lifecycle: server.lifecycle,
    host: options.host,
    port: options.port,
    closeServices: () => server.close(),
    log,
  });
  const display = url.replace('127.0.0.1', 'localhost');
  io.stdout(
    `Meshplane serves ${options.workspace} at ${display} (API: ${display}/api/v1, OpenAPI: ${display}/api/v1/openapi.json)\n`,
  );
  if (options.afterListen !== undefined) await options.afterListen(server, url);
  const code = await stopped;
  io.stdout('Meshplane stopped\n');
  return code === 0 ? 0 : 1;
}
