import path from 'node:path';
import { MeshplaneError } from '../../errors/index.js';
import { findWorkspaceRoot } from '../../workspace/read-documents.js';
import type { CommandModule } from '../command.js';
import { parsePositiveInt } from './validate.js';

interface ServeFlags {
  readonly workspace?: string;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl?: string;
}

/** `meshplane serve`: the control plane, runtime and API of a workspace, until SIGTERM. */
export const serveCommand: CommandModule = (program, io, setExit) => {
  program
    .command('serve')
    .description('serve a workspace: the control plane, the product runtime and the HTTP API')
    .option('--workspace <dir>', 'the workspace (default: the nearest folder with a mesh.yaml)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', parsePositiveInt, 7300)
    .option('--database-url <url>', 'PostgreSQL for the control plane (default: SQLite in .meshplane/)')
    .action(async (flags: ServeFlags) => {
      const workspace =
        flags.workspace === undefined
          ? await findWorkspaceRoot(io.cwd)
          : path.resolve(io.cwd, flags.workspace);
      if (workspace === undefined) {
        throw new MeshplaneError(
          'INVALID_INPUT',
          'not in a workspace (no mesh.yaml here or above); use --workspace',
        );
      }
      const databaseUrl = flags.databaseUrl ?? process.env.MESHPLANE_DATABASE_URL;
      // The server stack (Fastify, DuckDB, the stores) loads only for the commands that serve.
      const { serveWorkspace } = await import('../serve-workspace.js');
      setExit(
        await serveWorkspace(io, {
          workspace,
          host: flags.host,
          port: flags.port,
          ...(databaseUrl === undefined ? {} : { databaseUrl }),
        }),
      );
    });
};
