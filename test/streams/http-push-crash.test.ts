import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBDriver } from '../../src/engines/duckdb/index.js';
import { runCli } from '../support/cli.js';
import { chaosSeed, Random, sleep } from '../support/crash-chaos.js';
import { ChaosServer, CrashLab } from '../support/crash-server.js';
import { INPUT_PORT, PRODUCT_ID, scaffoldEventsWorkspace } from './support/events-workspace.js';

const EVENTS = 100_000;
const BATCH = 1_000;
const ROUNDS = 10;
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The promise of HTTP push under crashes: a load generator (its own process) posts 100,000
 * events in batches of 1,000 with retries while the server (`meshplane serve`, a child process)
 * is SIGKILLed at random moments and restarted. Afterwards every acknowledged event is stored,
 * none twice, and nothing is stored that was never sent.
 */
describe('HTTP push survives SIGKILL (meshplane serve as a child process)', () => {
  const lab = new CrashLab();
  afterAll(() => lab.cleanup());

  it(`keeps every acknowledged event exactly once across ${ROUNDS} kills`, async () => {
    const seed = chaosSeed();
    console.log(`http-push crash test: seed ${seed} (replay with MESHPLANE_CHAOS_SEED=${seed})`);
    const random = new Random(seed);
    const ws = scaffoldEventsWorkspace('push-crash', lab.tempDir('push-crash'));
    const server = await ChaosServer.create(lab, ws.workspace);
    await server.start();
    const deploy = runCli(['deploy', ws.product, '--server', server.url], ws.workspace);
    expect(deploy.status, deploy.stdout + deploy.stderr).toBe(0);

    const out = lab.tempDir('push-load');
    const url = `${server.url}/api/v1/products/${PRODUCT_ID}/ports/${INPUT_PORT}/events`;
    const load = spawn(
      process.execPath,
      [
        path.join(here, 'support/push-load.mjs'),
        url,
        String(EVENTS),
        String(BATCH),
        '3',
        String(seed),
        out,
        '250',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let loadOutput = '';
    load.stdout.on('data', (d: Buffer) => {
      loadOutput += d.toString();
    });
    load.stderr.on('data', (d: Buffer) => {
      loadOutput += d.toString();
    });
    const loadDone = new Promise<number | null>((resolve) => load.once('exit', resolve));
    const ackedCount = () => readFileSync(path.join(out, 'acked.txt'), 'utf8').split('\n').length - 1;

    let loadExited = false;
    void loadDone.then(() => {
      loadExited = true;
    });
    // A kill after the load finished still checks recovery, but most must land in its way.
    const ackedAtKill: number[] = [];
    while (ackedAtKill.length < ROUNDS) {
      await sleep(random.int(150, 900));
      ackedAtKill.push(loadExited ? EVENTS : ackedCount());
      await server.kill();
      await server.start();
    }
    const kills = ackedAtKill.length;
    const code = await loadDone;
    expect(code, `${loadOutput}\n${server.history()}`).toBe(0);
    console.log(
      `http-push crash test: ${kills} kills, acknowledged events at each: ${ackedAtKill.join(', ')}; ${loadOutput.trim()}`,
    );
    expect(ackedAtKill.filter((n) => n < EVENTS).length, 'kills while the load ran').toBeGreaterThanOrEqual(
      ROUNDS / 2,
    );
    expect(await server.stop()).toBe(0);

    const acked = readFileSync(path.join(out, 'acked.txt'), 'utf8').split('\n').filter(Boolean);
    const sent = new Set(readFileSync(path.join(out, 'sent.txt'), 'utf8').split('\n').filter(Boolean));
    const hub = await DuckDBDriver.open();
    try {
      await hub.attach('p', path.join(ws.workspace, '.meshplane/products/sales.orders.duckdb'), {
        readOnly: true,
      });
      const rows = await hub.query(
        `SELECT event_id, CAST(count(*) AS INTEGER) AS n FROM p.input.${INPUT_PORT} GROUP BY event_id`,
      );
      const stored = new Map(rows.map((r) => [String(r.event_id), Number(r.n)]));
      const twice = [...stored].filter(([, n]) => n > 1).map(([id]) => id);
      const lost = acked.filter((id) => !stored.has(id));
      const unsent = [...stored.keys()].filter((id) => !sent.has(id));
      expect(twice.slice(0, 10), 'stored twice').toEqual([]);
      expect(lost.slice(0, 10), 'acknowledged but not stored').toEqual([]);
      expect(unsent.slice(0, 10), 'stored but never sent').toEqual([]);
      expect(new Set(acked).size).toBe(EVENTS);
      expect(stored.size).toBe(EVENTS);
      const [quarantined] = await hub.query(
        'SELECT CAST(count(*) AS INTEGER) AS n FROM p._meshplane.quarantine',
      );
      expect(Number(quarantined?.n)).toBe(0);
    } finally {
      await hub.close();
    }
  }, 240_000);
});
