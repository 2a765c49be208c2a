import { type Command, Option } from 'commander';
import { EXIT, type ExitCode } from '../../errors/index.js';
import type { CliIo } from '../cli-io.js';
import type { CommandModule } from '../command.js';
import { actorName, callApi, serverUrl } from '../http-client.js';
import { formatTable } from '../output/format-rows.js';
import { parsePositiveInt } from './validate.js';

interface ListFlags {
  readonly state?: string;
  readonly product?: string;
  readonly limit: number;
  readonly format: 'table' | 'json';
  readonly server?: string;
}

interface ActFlags {
  readonly format: 'text' | 'json';
  readonly server?: string;
}

interface Incident {
  readonly id: string;
  readonly key: { readonly product: string; readonly monitor: string; readonly subject: string };
  readonly state: string;
  readonly details: { readonly message: string };
  readonly openedAt: string;
  readonly occurrences: number;
  readonly acknowledgedBy?: string;
  readonly resolvedBy?: string;
  readonly resolvedAt?: string;
}

const SERVER = 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)';

function who(incident: Incident): string {
  if (incident.state === 'resolved')
    return `resolved by ${incident.resolvedBy ?? '?'} at ${incident.resolvedAt ?? '?'}`;
  if (incident.state === 'acknowledged') return `acknowledged by ${incident.acknowledgedBy ?? '?'}`;
  return '';
}

/** `incidents ack ID` and `incidents resolve ID`: act on an incident as the CLI's actor. */
function action(
  parent: Command,
  io: CliIo,
  setExit: (code: ExitCode) => void,
  name: string,
  verb: string,
  past: string,
) {
  parent
    .command(`${name} <id>`)
    .description(`${verb} an incident as you ($MESHPLANE_ACTOR, else your user name)`)
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--server <url>', SERVER)
    // The parent takes `--server` wherever it is written; globals merge it back in.
    .action(async (id: string, _flags: ActFlags, command: Command) => {
      const flags = command.optsWithGlobals<ActFlags>();
      const path = `/api/v1/incidents/${encodeURIComponent(id)}/${verb}`;
      const incident = (await (
        await callApi(serverUrl(flags.server), path, { method: 'POST' })
      ).json()) as Incident;
      io.stdout(
        flags.format === 'json'
          ? `${JSON.stringify(incident, null, 2)}\n`
          : `${incident.id}: ${past} (${who(incident) || incident.state}); acting as ${actorName()}\n`,
      );
      setExit(EXIT.OK);
    });
}

/**
 * `meshplane incidents [--state S] [--product P]`: the incident list; `meshplane incidents ack ID`
 * and `meshplane incidents resolve ID` act on one.
 */
export const incidentsCommand: CommandModule = (program, io, setExit) => {
  const incidents = program
    .command('incidents')
    .description(
      'list incidents (SLA breaches, volume anomalies, schema drift, quality failures); ack or resolve one',
    )
    .addOption(new Option('--state <state>', 'only this state').choices(['open', 'acknowledged', 'resolved']))
    .option('--product <id>', 'only this product')
    .option('--limit <n>', 'at most this many incidents', parsePositiveInt, 100)
    .addOption(new Option('--format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .option('--server <url>', SERVER)
    .action(async (flags: ListFlags) => {
      const query = new URLSearchParams({
        limit: String(flags.limit),
        ...(flags.state === undefined ? {} : { state: flags.state }),
        ...(flags.product === undefined ? {} : { product: flags.product }),
      });
      const response = await callApi(serverUrl(flags.server), `/api/v1/incidents?${query}`);
      const { incidents: list } = (await response.json()) as { incidents: Incident[] };
      if (flags.format === 'json') io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) io.stdout('no incidents\n');
      else
        io.stdout(
          formatTable(
            ['id', 'state', 'product', 'monitor', 'subject', 'opened', 'seen', 'who', 'message'],
            list.map((i) => ({
              id: i.id,
              state: i.state,
              product: i.key.product,
              monitor: i.key.monitor,
              subject: i.key.subject,
              opened: i.openedAt,
              seen: i.occurrences,
              who: who(i),
              message: i.details.message,
            })),
          ),
        );
      setExit(EXIT.OK);
    });
  action(incidents, io, setExit, 'ack', 'acknowledge', 'acknowledged');
  action(incidents, io, setExit, 'resolve', 'resolve', 'resolved');
};
