/** Runs the CLI in-process, as `meshplane <args>` started in `cwd`, capturing its output. */
import type { CliIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `tty`: as if standard output were a terminal (colour, progress). */
export async function run(args: readonly string[], cwd: string, tty = false): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
    isTTY: tty,
  };
  const code = await main(['node', 'meshplane', ...args], io);
  return { code, stdout, stderr };
}
