import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BAD_ROW_RATE, DEFAULT_SEED } from '../../demo/defaults.js';
import { formatGeneration } from '../../demo/format-generation.js';
import { parseScale } from '../../demo/scale.js';
import { DEFAULT_REFERENCE_DATE } from '../../demo/shop-calendar.js';
import { EXIT, MeshplaneError } from '../../errors/index.js';
import { findWorkspaceRoot } from '../../workspace/read-documents.js';
import type { CommandModule } from '../command.js';
import { parsePositiveInt } from './validate.js';

/** examples/shop of this installation: three folders up from src/cli/commands or dist/cli/commands. */
const DEMO_WORKSPACE = fileURLToPath(new URL('../../../examples/shop', import.meta.url));

interface GenerateFlags {
  readonly scale: string;
  readonly seed: string;
  readonly referenceDate: string;
  readonly badRowRate: string;
  readonly format: string;
}

function integer(text: string, flag: string): number {
  if (!/^-?\d+$/.test(text.trim()))
    throw new MeshplaneError('INVALID_INPUT', `${flag} must be an integer, not '${text}'`);
  return Number(text);
}

function rate(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0 && value <= 0.5)) {
    throw new MeshplaneError('INVALID_INPUT', `--bad-row-rate must be a number from 0 to 0.5, not '${text}'`);
  }
  return value;
}

async function workspaceOf(dir: string | undefined, cwd: string): Promise<string> {
  if (dir !== undefined) return path.resolve(cwd, dir);
  const root = await findWorkspaceRoot(cwd);
  if (root === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      'not in a workspace (no mesh.yaml here or above); name one, e.g. examples/shop',
    );
  }
  return root;
}

/**
 * `meshplane demo generate [WORKSPACE] [--scale S] [--seed N] [--reference-date ISO]`: fills the
 * shop demo's source folders with seeded sample data. Not wired into the CLI by this module: the
 * composition root (src/cli/main.ts) lists it.
 */
export const demoCommand: CommandModule = (program, io, setExit) => {
  const demo = program.command('demo').description('the bundled demo mesh (examples/shop)');
  demo
    .command('serve', { isDefault: true })
    .description('generate the demo data if needed, serve the demo mesh and deploy its products')
    .option('--workspace <dir>', 'the demo workspace', DEMO_WORKSPACE)
    .option('--scale <scale>', 'small, medium, large, or a number of order lines', 'small')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', parsePositiveInt, 7300)
    .action(async (flags: { workspace: string; scale: string; host: string; port: number }) => {
      const { serveDemo } = await import('../serve-demo.js');
      setExit(await serveDemo(io, { ...flags, workspace: path.resolve(io.cwd, flags.workspace) }));
    });
  demo
    .command('generate')
    .description("write seeded sample files for the shop demo's input contracts (same seed, same bytes)")
    .argument('[workspace]', 'the demo workspace (default: the one around the current folder)')
    .option(
      '--scale <scale>',
      'small (15,000 order lines), medium (×10), large (×100), or a number of order lines',
      'small',
    )
    .option('--seed <n>', 'seed of the random streams', String(DEFAULT_SEED))
    .option(
      '--reference-date <iso>',
      'the demo\'s "now": orders fall in the 365 days before it',
      DEFAULT_REFERENCE_DATE,
    )
    .option(
      '--bad-row-rate <rate>',
      'share of rows broken on purpose, to show quarantine',
      String(DEFAULT_BAD_ROW_RATE),
    )
    .option('--format <format>', 'text or json', 'text')
    .action(async (dir: string | undefined, flags: GenerateFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') {
        throw new MeshplaneError('INVALID_INPUT', `--format must be text or json, not '${flags.format}'`);
      }
      const started = performance.now();
      const { generateShopData } = await import('../../demo/generate-shop-data.js');
      const result = await generateShopData({
        workspaceDir: await workspaceOf(dir, io.cwd),
        scale: parseScale(flags.scale),
        seed: integer(flags.seed, '--seed'),
        referenceDate: flags.referenceDate,
        badRowRate: rate(flags.badRowRate),
        onProgress: (p) => {
          if (io.isTTY && p.done) io.stderr(`  ${p.file}  ${p.rows} rows\n`);
        },
      });
      const seconds = (performance.now() - started) / 1000;
      io.stdout(
        flags.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatGeneration(result, seconds),
      );
      setExit(EXIT.OK);
    });
};
