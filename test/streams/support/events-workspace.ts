import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../support/cli.js';

export const PRODUCT_ID = 'sales.orders';
export const INPUT_PORT = 'orders_events';
export const OUTPUT_PORT = 'orders';

/** A workspace made by the real CLI with one product from the `events` template (an http-push input port). */
export interface EventsWorkspace {
  readonly dir: string;
  readonly workspace: string;
  readonly product: string;
}

export function scaffoldEventsWorkspace(
  prefix: string,
  dir = mkdtempSync(path.join(tmpdir(), `meshplane-${prefix}-`)),
): EventsWorkspace {
  const workspace = path.join(dir, 'mesh');
  const init = runCli(['init', workspace], dir);
  if (init.status !== 0) throw new Error(`meshplane init failed: ${init.stdout}${init.stderr}`);
  const made = runCli(['new', 'sales/orders', '--template', 'events'], workspace);
  if (made.status !== 0) throw new Error(`meshplane new failed: ${made.stdout}${made.stderr}`);
  const product = path.join(workspace, 'domains/sales/orders');
  return { dir, workspace, product };
}

/** A valid event of the template's input contract. */
export function orderEvent(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_id: id,
    event_type: 'created',
    entity_id: `E-${id}`,
    occurred_at: '2026-01-06T09:15:00Z',
    actor_email: 'ana@example.com',
    amount: 12.5,
    ...extra,
  };
}

export const ndjson = (events: readonly unknown[]) => `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
