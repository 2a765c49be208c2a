/** What a command may touch of the process: its streams, its working folder and whether it talks to a person. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** True when stdout is a terminal: colour and progress only then. */
  readonly isTTY: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
  };
}
