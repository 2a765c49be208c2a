import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './cli.js';
import type { ChaosServer, CrashLab } from './crash-server.js';

export const PRODUCT_ID = 'sales.batch_feed';
export const INPUT_PORT = 'batch_feed_files';

/** A workspace made by the real CLI: `meshplane init`, then `meshplane new sales/batch-feed --template batch`. */
export interface CrashWorkspace {
  readonly dir: string;
  readonly workspace: string;
  readonly product: string;
  /** Where the input port's glob (`data/batch_feed/*.csv`) looks. */
  readonly inputDir: string;
  readonly descriptor: string;
  readonly sql: string;
  /** The scaffolded descriptor and SQL: version 1.0.0. */
  readonly original: { readonly descriptor: string; readonly sql: string };
}

export function scaffoldWorkspace(lab: CrashLab, prefix: string): CrashWorkspace {
  const dir = lab.tempDir(prefix);
  const workspace = path.join(dir, 'mesh');
  const init = runCli(['init', workspace], dir);
  if (init.status !== 0) throw new Error(`meshplane init failed: ${init.stdout}${init.stderr}`);
  const made = runCli(['new', 'sales/batch-feed', '--template', 'batch'], workspace);
  if (made.status !== 0) throw new Error(`meshplane new failed: ${made.stdout}${made.stderr}`);
  const product = path.join(workspace, 'domains/sales/batch-feed');
  const descriptor = path.join(product, 'product.odps.yaml');
  const sql = path.join(product, 'batch_feed.sql');
  return {
    dir,
    workspace,
    product,
    inputDir: path.join(product, 'data/batch_feed'),
    descriptor,
    sql,
    original: { descriptor: readFileSync(descriptor, 'utf8'), sql: readFileSync(sql, 'utf8') },
  };
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the template's SQL no longer holds '${from}'`);
  return text.replace(from, to);
}

const NAME = '  trim(name) as name,';
const STATUS = '  lower(trim(status)) as status,';

/** The SQL of version 1.1.0: names in upper case, so every row differs from 1.0.0's. */
export const upperNamesSql = (sql: string) => replaceOnce(sql, NAME, '  upper(trim(name)) as name,');

/** A transform that cannot bind (a column the input does not have). */
export const brokenSql = (sql: string) => replaceOnce(sql, NAME, '  trim(no_such_column) as name,');

/**
 * The template's SQL keeps the latest version of each id, which would hide a file stored twice.
 * This variant still writes one row per id (the output's merge needs it) but marks, in `status`,
 * an id the input table holds more than once: `stored-2x`. Every id is unique in the source, so
 * any such row means a file (or part of one) was stored twice.
 */
export const markStoredTwiceSql = (sql: string) =>
  replaceOnce(
    sql,
    STATUS,
    `  case when count(*) over (partition by trim(cast(id as varchar))) > 1
    then 'stored-' || count(*) over (partition by trim(cast(id as varchar))) || 'x'
    else lower(trim(status)) end as status,`,
  );

/** Writes the descriptor with `version` and the transform SQL, as a team would before `meshplane deploy`. */
export function writeProductVersion(ws: CrashWorkspace, version: string, sql: string): void {
  if (!/^version: .*$/m.test(ws.original.descriptor)) throw new Error('the descriptor has no version line');
  writeFileSync(ws.descriptor, ws.original.descriptor.replace(/^version: .*$/m, `version: ${version}`));
  writeFileSync(ws.sql, sql);
}

/**
 * What the output port holds, summed up: counts and order-independent checksums. `hName` vs
 * `hNameUpper` and `upperNames` tell 1.0.0's names from 1.1.0's (a mix shows in both).
 */
export interface Fingerprint {
  readonly n: string;
  readonly ids: string;
  readonly idSum: string;
  readonly hId: string;
  readonly hRow: string;
  readonly hName: string;
  readonly hNameUpper: string;
  readonly upperNames: string;
  readonly storedTwice: string;
}

const FINGERPRINT_SQL = `select count(*) as n, count(distinct id) as ids,
  cast(coalesce(sum(cast(substr(id, 3) as bigint)), 0) as varchar) as id_sum,
  cast(coalesce(sum(hash(id)), 0) as varchar) as h_id,
  cast(coalesce(sum(hash(id, name, status, contact_email, amount, currency, updated_at)), 0) as varchar) as h_row,
  cast(coalesce(sum(hash(name)), 0) as varchar) as h_name,
  cast(coalesce(sum(hash(upper(name))), 0) as varchar) as h_name_upper,
  count(*) filter (where name = upper(name)) as upper_names,
  count(*) filter (where starts_with(status, 'stored-')) as stored_twice
from ${PRODUCT_ID}`;

export async function fingerprint(server: ChaosServer): Promise<Fingerprint> {
  const [row] = await server.query(FINGERPRINT_SQL);
  if (row === undefined) throw new Error('the fingerprint query returned no row');
  const get = (k: string) => String(row[k]);
  return {
    n: get('n'),
    ids: get('ids'),
    idSum: get('id_sum'),
    hId: get('h_id'),
    hRow: get('h_row'),
    hName: get('h_name'),
    hNameUpper: get('h_name_upper'),
    upperNames: get('upper_names'),
    storedTwice: get('stored_twice'),
  };
}

export async function outputCount(server: ChaosServer): Promise<number> {
  const [row] = await server.query(`select count(*) as n from ${PRODUCT_ID}`);
  return Number(row?.n);
}

export interface DeploySummary {
  readonly id: string;
  readonly version: string;
  readonly state: string;
  readonly error?: { readonly message: string; readonly step: string };
}

export async function deploysOf(server: ChaosServer): Promise<DeploySummary[]> {
  return (await server.api<{ deploys: DeploySummary[] }>(`/deploys?productId=${PRODUCT_ID}&limit=1000`))
    .deploys;
}

export async function currentVersion(server: ChaosServer): Promise<string | undefined> {
  return (await server.api<{ currentVersion?: string }>(`/products/${PRODUCT_ID}`)).currentVersion;
}

export interface RunSummary {
  readonly id: string;
  readonly port: string;
  readonly trigger: string;
  readonly status: string;
  readonly rowsIn: number;
  readonly error?: string;
  readonly startedAt: string;
}

export async function runsOf(server: ChaosServer, limit = 1000): Promise<RunSummary[]> {
  return (await server.api<{ runs: RunSummary[] }>(`/products/${PRODUCT_ID}/runs?limit=${limit}`)).runs;
}

export interface QuarantineReport {
  readonly counts: Readonly<Record<string, number>>;
  readonly items: readonly { readonly source: string; readonly reason: string; readonly record: unknown }[];
}

/**
 * `meshplane quarantine sales.batch_feed --format json --limit 10000`, through the CLI (spawned,
 * not spawnSync: 4,000 records of JSON overflow spawnSync's 1 MB output buffer).
 */
export async function quarantineReport(
  lab: CrashLab,
  server: ChaosServer,
  cwd: string,
): Promise<QuarantineReport> {
  const cli = lab.spawn(
    ['quarantine', PRODUCT_ID, '--server', server.url, '--format', 'json', '--limit', '10000'],
    cwd,
  );
  const code = await cli.exited;
  if (code !== 0) throw new Error(`meshplane quarantine failed (${code}): ${cli.output()}`);
  return JSON.parse(cli.stdout()) as QuarantineReport;
}
