// bench/validate: documents per second of the workspace validator, as a ratio against a
// reference measured in the same run: parsing the same documents with `yaml` and checking them
// with a precompiled Ajv validator of their schema (the least work any validator must do; it
// gives no positions, no friendly messages and no workspace rules).
import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { validateWorkspace } from '../dist/spec/validate/index.js';
import { generateWorkspace } from './workspace-generator.mjs';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const products = Number(args.get('products') ?? 200);
const rounds = Number(args.get('rounds') ?? 5);

const files = generateWorkspace({ products });
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);

function schema(path) {
  return JSON.parse(readFileSync(new URL(`../src/spec/schema/standards/${path}`, import.meta.url), 'utf8'));
}
const ajv = new Ajv2019({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv);
const checkContract = ajv.compile(schema('odcs/odcs-json-schema-v3.1.0.json'));
const checkProduct = ajv.compile(schema('odps/odps-json-schema-v1.0.0.json'));

function reference() {
  let invalid = 0;
  for (const f of files) {
    const value = parse(f.text);
    const check = f.file.endsWith('.odcs.yaml')
      ? checkContract
      : f.file.endsWith('.odps.yaml')
        ? checkProduct
        : null;
    if (check && !check(value)) invalid++;
  }
  return invalid;
}

function meshplane() {
  const report = validateWorkspace(files);
  return report.summary.invalid;
}

function measure(fn) {
  fn(); // warm-up: compiles schemas, warms the JIT
  const times = [];
  let result;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], result };
}

const ref = measure(reference);
const mp = measure(meshplane);
if (ref.result !== 0 || mp.result !== 0) {
  console.error(`benchmark workspace is not valid (reference ${ref.result}, meshplane ${mp.result} invalid)`);
  process.exit(1);
}
const docsPerSec = (ms) => Math.round((files.length / ms) * 1000);
const rows = [
  ['reference: yaml.parse + Ajv', ref.median, docsPerSec(ref.median)],
  ['meshplane validateWorkspace', mp.median, docsPerSec(mp.median)],
];
console.log(
  `bench/validate: ${files.length} documents (${(bytes / 1e6).toFixed(1)} MB), ${products} products, median of ${rounds} rounds`,
);
for (const [name, ms, dps] of rows)
  console.log(`  ${name.padEnd(30)} ${ms.toFixed(1).padStart(8)} ms  ${String(dps).padStart(7)} docs/s`);
console.log(`  ratio meshplane / reference: ${(ref.median / mp.median).toFixed(2)}x throughput`);
