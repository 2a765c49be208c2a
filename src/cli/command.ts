import type { Command } from 'commander';
import type { ExitCode } from '../errors/index.js';
import type { CliIo } from './cli-io.js';

/**
 * A CLI command registers itself on the program. Its action resolves to the exit code; it never
 * calls process.exit, so the CLI can be driven in-process by tests.
 */
export type CommandModule = (program: Command, io: CliIo, setExit: (code: ExitCode) => void) => void;
