import { relative } from 'node:path';
import pc from 'picocolors';
import { EXIT } from '../../errors/index.js';
import { resolveWorkspace } from '../../workspace/find-workspace.js';
import { scaffoldProduct } from '../../workspace/scaffold-product.js';
import { bundledTemplatesDir } from '../../workspace/templates-dir.js';
import type { CommandModule } from '../command.js';

interface NewFlags {
  readonly template: string;
  readonly workspace?: string;
  readonly input: string[];
  readonly title?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `meshplane new DOMAIN/PRODUCT --template NAME`: scaffolds a data product in the workspace
 * around the current folder (or --workspace), and declares its domain in mesh.yaml if needed.
 */
export const newCommand: CommandModule = (program, io, setExit) => {
  program
    .command('new')
    .description('scaffold a data product from a template (see `meshplane templates`)')
    .argument('<product>', 'DOMAIN/PRODUCT, e.g. orders/order-lines')
    .requiredOption('-t, --template <name>', 'template to start from: batch, events, cdc, aggregate, ...')
    .option('-w, --workspace <dir>', 'workspace root (default: the nearest folder above with a mesh.yaml)')
    .option(
      '-i, --input <contractId>',
      "contractId of another product's output port to build from (repeatable; aggregate template)",
      collect,
      [],
    )
    .option('--title <text>', 'human-readable title (default: from the product name)')
    .action(async (product: string, flags: NewFlags) => {
      const color = pc.createColors(io.isTTY);
      const root = await resolveWorkspace(io.cwd, flags.workspace);
      const result = await scaffoldProduct({
        workspaceRoot: root,
        templatesDir: bundledTemplatesDir(),
        product,
        template: flags.template,
        inputs: flags.input,
        title: flags.title,
      });
      const where = relative(io.cwd, root);
      const shown = (path: string) => (where === '' ? path : `${where}/${path}`);
      io.stdout(`Created ${color.bold(result.name.id)} from template ${color.bold(result.template.name)}:\n`);
      for (const file of result.files) io.stdout(`  ${color.green('+')} ${shown(file)}\n`);
      if (result.domainAdded) {
        io.stdout(
          `\nDomain ${color.bold(result.name.domain)} was not in mesh.yaml: added it, owned by team ${color.bold(result.team)}.\n` +
            `Edit ${shown('mesh.yaml')} to describe it or to give it another owner.\n`,
        );
      }
      io.stdout(`\nNext steps${where === '' ? '' : ` (from ${where})`}:\n`);
      result.nextSteps.forEach((step, i) => {
        io.stdout(`  ${i + 1}. ${step.startsWith('meshplane ') ? color.cyan(step) : step}\n`);
      });
      setExit(EXIT.OK);
    });
};
