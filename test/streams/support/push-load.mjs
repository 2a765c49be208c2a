// A load generator for the HTTP push crash test, run as its own process:
//   node push-load.mjs URL EVENTS BATCH CONCURRENCY SEED OUT_DIR [PACE_MS]
// Posts EVENTS events (ids `ev-<n>`, each sent in exactly one batch, batches of BATCH) as NDJSON,
// CONCURRENCY requests at a time, retrying a batch (same ids, same body) until the server
// acknowledges it with 200. Every id of every acknowledged batch is appended to OUT_DIR/acked.txt
// after the acknowledgement, every id ever sent to OUT_DIR/sent.txt before the first attempt.
// Each client starts a new batch at most every PACE_MS, so the load outlasts the chaos around it.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [url, eventsArg, batchArg, concurrencyArg, seedArg, out, paceArg] = process.argv.slice(2);
const pace = Number(paceArg ?? 0);
const events = Number(eventsArg);
const batchSize = Number(batchArg);
const concurrency = Number(concurrencyArg);
let state = Number(seedArg) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const acked = path.join(out, 'acked.txt');
const sent = path.join(out, 'sent.txt');
writeFileSync(acked, '');
writeFileSync(sent, '');
const batches = Math.ceil(events / batchSize);
let next = 0;
let attempts = 0;
let failures = 0;

function body(batch) {
  const lines = [];
  for (let i = batch * batchSize; i < Math.min(events, (batch + 1) * batchSize); i++) {
    lines.push(
      JSON.stringify({
        event_id: `ev-${i}`,
        event_type: ['created', 'updated', 'deleted'][i % 3],
        entity_id: `E-${i % 977}`,
        occurred_at: '2026-01-06T09:15:00Z',
        actor_email: null,
        amount: i % 1000,
      }),
    );
  }
  return { ids: lines.map((_, k) => `ev-${batch * batchSize + k}`), text: `${lines.join('\n')}\n` };
}

async function client() {
  for (;;) {
    const batch = next++;
    if (batch >= batches) return;
    const started = Date.now();
    const { ids, text } = body(batch);
    appendFileSync(sent, `${ids.join('\n')}\n`);
    for (;;) {
      attempts++;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson' },
          body: text,
          signal: AbortSignal.timeout(20_000),
        });
        const answer = await response.text();
        if (response.status === 200) {
          const counts = JSON.parse(answer);
          if (counts.accepted + counts.duplicates + counts.quarantined !== ids.length)
            throw new Error(`batch ${batch}: counts ${answer} do not add up to ${ids.length}`);
          appendFileSync(acked, `${ids.join('\n')}\n`);
          await sleep(Math.max(0, pace - (Date.now() - started)));
          break;
        }
        if (response.status !== 429 && response.status < 500)
          throw new Error(`batch ${batch}: ${response.status} ${answer}`);
      } catch (error) {
        if (String(error).includes('do not add up') || /: [0-9]{3} /.test(String(error?.message)))
          throw error;
      }
      failures++;
      await sleep(50 + Math.floor(random() * 200));
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, () => client()));
process.stdout.write(`done ${batches} batches, ${attempts} attempts, ${failures} failed attempts\n`);
