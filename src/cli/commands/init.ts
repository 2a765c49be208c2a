import { relative, resolve } from 'node:path';
import pc from 'picocolors';
import { EXIT } from '../../errors/index.js';
import { initWorkspace } from '../../workspace/init-workspace.js';
import { EXAMPLE_DOMAIN } from '../../workspace/workspace-files.js';
import type { CommandModule } from '../command.js';

interface InitFlags {
  readonly name?: string;
}

/** `meshplane init [DIR] [--name NAME]`: creates a workspace with an example domain and team. */
export const initCommand: CommandModule = (program, io, setExit) => {
  program
    .command('init')
    .description('create a workspace: mesh.yaml with an example team and domain, README.md, .gitignore')
    .argument('[dir]', 'folder to create the workspace in (created if missing)', '.')
    .option('--name <name>', 'name of the mesh (default: the folder name)')
    .action(async (dir: string, flags: InitFlags) => {
      const color = pc.createColors(io.isTTY);
      const result = await initWorkspace(resolve(io.cwd, dir), flags.name);
      const shown = relative(io.cwd, result.root) || '.';
      io.stdout(`Created workspace ${color.bold(result.name)} in ${shown}\n`);
      for (const file of result.created) io.stdout(`  ${color.green('+')} ${file}\n`);
      for (const file of result.updated) io.stdout(`  ${color.yellow('~')} ${file} (added .meshplane/)\n`);
      for (const file of result.kept) io.stdout(`  ${color.dim('=')} ${file} (kept as it was)\n`);
      const cd = shown === '.' ? [] : [`cd ${shown}`];
      const steps = [
        ...cd,
        'meshplane templates',
        `meshplane new ${EXAMPLE_DOMAIN}/orders --template batch`,
        'meshplane validate',
      ];
      io.stdout(`\nNext steps:\n${steps.map((s) => `  ${color.cyan(s)}\n`).join('')}`);
      io.stdout(`Then rename the example team and domain in mesh.yaml to your own.\n`);
      setExit(EXIT.OK);
    });
};
