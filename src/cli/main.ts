import { Command, CommanderError } from 'commander';
import { EXIT, EXIT_CODE, type ExitCode, toMeshplaneError } from '../errors/index.js';
import { type CliIo, processIo } from './cli-io.js';
import type { CommandModule } from './command.js';
import { accessCommand } from './commands/access.js';
import { changelogCommand } from './commands/changelog.js';
import { checkCommand } from './commands/check.js';
import { compatCommand } from './commands/compat.js';
import { consumersCommand } from './commands/consumers.js';
import { costCommand } from './commands/cost.js';
import { demoCommand } from './commands/demo.js';
import { deployCommand } from './commands/deploy.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { healthCommand } from './commands/health.js';
import { importCommand } from './commands/import.js';
import { incidentsCommand } from './commands/incidents.js';
import { initCommand } from './commands/init.js';
import { newCommand } from './commands/new.js';
import { portsCommand } from './commands/ports.js';
import { quarantineCommand } from './commands/quarantine.js';
import { queryCommand } from './commands/query.js';
import { runCommand } from './commands/run.js';
import { serveCommand } from './commands/serve.js';
import { slaCommand } from './commands/sla.js';
import { templatesCommand } from './commands/templates.js';
import { testCommand } from './commands/test.js';
import { validateCommand } from './commands/validate.js';
import { VERSION } from './version.js';

/** The composition root of the CLI: every command is wired here and nowhere else. */
const COMMANDS: readonly CommandModule[] = [
  initCommand,
  newCommand,
  templatesCommand,
  validateCommand,
  testCommand,
  exportCommand,
  importCommand,
  diffCommand,
  compatCommand,
  serveCommand,
  deployCommand,
  runCommand,
  checkCommand,
  queryCommand,
  quarantineCommand,
  portsCommand,
  changelogCommand,
  consumersCommand,
  costCommand,
  slaCommand,
  incidentsCommand,
  healthCommand,
  accessCommand,
  demoCommand,
];

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let exit: ExitCode = EXIT.OK;
  const setExit = (code: ExitCode) => {
    exit = code;
  };
  const program = new Command('meshplane')
    .description('Meshplane: data products as code, on a self-service data mesh platform.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `meshplane --help` for usage)');
  for (const register of COMMANDS) register(program, io, setExit);
  try {
    await program.parseAsync([...argv]);
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    const failure = toMeshplaneError(error);
    io.stderr(`meshplane: ${failure.message}\n`);
    if (failure.code === 'INTERNAL' && process.env.MESHPLANE_DEBUG) io.stderr(`${String(failure.cause)}\n`);
    return EXIT_CODE[failure.code];
  }
}
