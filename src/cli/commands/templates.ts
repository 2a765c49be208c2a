import pc from 'picocolors';
import { EXIT, MeshplaneError } from '../../errors/index.js';
import { listTemplates } from '../../workspace/list-templates.js';
import { bundledTemplatesDir } from '../../workspace/templates-dir.js';
import type { CommandModule } from '../command.js';

interface TemplatesFlags {
  readonly format: string;
}

/** `meshplane templates [--format json]`: the product templates `meshplane new` can start from. */
export const templatesCommand: CommandModule = (program, io, setExit) => {
  program
    .command('templates')
    .description('list the data product templates for `meshplane new`')
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: TemplatesFlags) => {
      if (flags.format !== 'text' && flags.format !== 'json') {
        throw new MeshplaneError('INVALID_INPUT', `--format must be text or json, not '${flags.format}'`);
      }
      const templates = await listTemplates(bundledTemplatesDir());
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify(templates, null, 2)}\n`);
        setExit(EXIT.OK);
        return;
      }
      const color = pc.createColors(io.isTTY);
      const width = Math.max(0, ...templates.map((t) => t.name.length));
      for (const t of templates) {
        io.stdout(`${color.bold(t.name.padEnd(width))}  ${t.description}\n`);
        if (t.inputs !== undefined)
          io.stdout(`${' '.repeat(width)}  needs --input: ${t.inputs.description}\n`);
      }
      io.stdout(`\nUse one: ${color.cyan('meshplane new DOMAIN/PRODUCT --template NAME')}\n`);
      setExit(EXIT.OK);
    });
};
