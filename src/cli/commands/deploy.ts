import path from 'node:path';
import { EXIT } from '../../errors/index.js';
import type { PortVerdict } from '../../registry/compatibility-gate.js';
import type { DeployEvent } from '../../registry/deploy-service.js';
import type { PortConsumer } from '../../registry/port-consumers.js';
import { validateWorkspace } from '../../spec/validate/index.js';
import { collectSources } from '../collect-sources.js';
import type { CommandModule } from '../command.js';
import { callApi, serverUrl } from '../http-client.js';
import { formatCompatReport } from '../output/format-compat.js';
import { formatReportText } from '../output/format-text.js';
import { readProductBundle } from '../product-bundle.js';

interface DeployFlags {
  readonly server?: string;
  readonly force?: boolean;
}

/** The per-port verdicts of a refused deploy, for a person. */
function describeRefusal(outcome: Extract<DeployEvent, { type: 'failed' }>): string {
  const ports = Array.isArray(outcome.compatibility) ? (outcome.compatibility as PortVerdict[]) : [];
  const lines = ports.flatMap((p) =>
    p.report === undefined || p.verdict !== 'incompatible' ? [] : [formatCompatReport(p.report, false)],
  );
  const consumers = Array.isArray(outcome.consumers) ? (outcome.consumers as PortConsumer[]) : [];
  for (const c of consumers)
    lines.push(
      `  active consumer: ${c.kind} ${c.name}${c.lastReadAt ? ` (last read ${c.lastReadAt})` : ''}\n`,
    );
  return lines.join('');
}

async function* lines(body: ReadableStream<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      yield buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  }
  if (buffer.trim() !== '') yield buffer;
}

/**
 * `meshplane deploy [PATH]`: validates the product locally (the same code as `validate`), then
 * sends it to the control plane, which validates again, checks, provisions, registers, starts its
 * input ports and builds it, as one journaled operation; each step is shown as it completes.
 */
export const deployCommand: CommandModule = (program, io, setExit) => {
  program
    .command('deploy')
    .description('deploy a data product to the Meshplane server')
    .argument('[path]', 'the product folder', '.')
    .option('--server <url>', 'the Meshplane server (default: $MESHPLANE_SERVER or http://127.0.0.1:7300)')
    .option('--force', 'retire port versions that still have active consumers (audited)')
    .action(async (folder: string, flags: DeployFlags) => {
      const absolute = path.resolve(io.cwd, folder);
      const { sources, reported } = await collectSources([absolute], io.cwd, 5 * 1024 * 1024);
      const report = validateWorkspace(sources, { report: (file) => reported.has(file) });
      if (report.summary.errors > 0) {
        io.stderr(formatReportText(report, { color: io.isTTY, source: () => undefined }));
        io.stderr('deploy stopped: the product does not validate\n');
        setExit(EXIT.FINDINGS);
        return;
      }
      io.stdout(`✔ validated ${report.summary.files} documents locally\n`);
      const bundle = await readProductBundle(absolute);
      const response = await callApi(
        serverUrl(flags.server),
        `/api/v1/deploys${flags.force ? '?force=true' : ''}`,
        {
          body: bundle,
          accept: 'application/x-ndjson',
        },
      );
      if (response.body === null) throw new Error('the server sent no deploy progress');
      let outcome: DeployEvent | undefined;
      for await (const line of lines(response.body)) {
        if (line.trim() === '') continue;
        const event = JSON.parse(line) as DeployEvent;
        if (event.type === 'step') io.stdout(`✔ ${event.message}\n`);
        else outcome = event;
      }
      if (outcome?.type === 'done') {
        io.stdout(
          outcome.unchanged
            ? `${outcome.productId} ${outcome.version} is already deployed; nothing changed\n`
            : `deployed ${outcome.productId} ${outcome.version} (deploy ${outcome.deployId})\n`,
        );
        setExit(EXIT.OK);
      } else if (outcome?.type === 'failed') {
        io.stderr(`✖ deploy failed at ${outcome.step}: ${outcome.message}\n`);
        io.stderr(describeRefusal(outcome));
        io.stderr('the previous version, if any, keeps serving\n');
        setExit(EXIT.FINDINGS);
      } else {
        io.stderr(
          '✖ the server ended the deploy without a result; run `meshplane deploy` again to resume it\n',
        );
        setExit(EXIT.INTERNAL);
      }
    });
};
