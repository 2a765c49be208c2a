// bench/compat: schema comparisons per second of the compatibility engine (compareSchemas) on
// contract JSON Schemas of 50, 100 and 200 properties, as a ratio against a reference measured
// in the same run: Ajv 2020 compiling the candidate schema (the work a registry does anyway to
// validate records against a new version; a compatibility check should cost less).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { compareSchemas } from '../dist/compat/schema/index.js';
import { ODCS_ANNOTATION_KEYWORDS } from '../dist/spec/export/index.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const rounds = Number(args.get('rounds') ?? 5);
const sizes = String(args.get('sizes') ?? '50,100,200')
  .split(',')
  .map(Number);
const roundMs = Number(args.get('round-ms') ?? 300);

const STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'cancelled'];

/** One property of a generated contract, cycling through the shapes real contracts have. */
function property(i, changed) {
  const nullable = i % 3 !== 0;
  const type = (t) => (nullable ? [t, 'null'] : t);
  const annotations = { description: `Column ${i}.`, 'x-odcs-physicalType': 'VARCHAR' };
  switch (i % 10) {
    case 0:
      return { ...annotations, type: type('string'), pattern: '^[A-Z]{2}-[0-9]{6}$' };
    case 1:
      return { ...annotations, type: type('string'), maxLength: changed && i === 1 ? 255 : 200 };
    case 2:
      return { ...annotations, type: type('number'), minimum: 0, maximum: 1e9, multipleOf: 0.01 };
    case 3:
      return { ...annotations, type: type(changed && i === 3 ? 'number' : 'integer'), minimum: 0 };
    case 4:
      return { ...annotations, type: type('string'), format: 'date-time' };
    case 5: {
      const values = changed && i === 5 ? [...STATUSES, 'returned'] : STATUSES;
      return { ...annotations, type: type('string'), enum: nullable ? [...values, null] : values };
    }
    case 6:
      return { ...annotations, type: type('boolean') };
    case 7:
      return {
        ...annotations,
        type: type('object'),
        properties: {
          street: { type: 'string', maxLength: 200 },
          city: { type: 'string', maxLength: 100 },
          postcode: { type: 'string', pattern: '^[0-9A-Z -]{3,10}$' },
          country: { type: 'string', enum: ['AT', 'BE', 'DE', 'FR', 'NL'] },
          geo: {
            type: 'object',
            properties: {
              lat: { type: 'number', minimum: -90, maximum: 90 },
              lon: { type: 'number', minimum: -180, maximum: 180 },
            },
            required: ['lat', 'lon'],
          },
        },
        required: ['city', 'country'],
      };
    case 8:
      return {
        ...annotations,
        type: type('array'),
        items: { type: 'string', maxLength: 30 },
        maxItems: 20,
        uniqueItems: true,
      };
    default:
      return {
        ...annotations,
        oneOf: [
          {
            type: 'object',
            properties: { kind: { const: 'card' }, last4: { type: 'string', pattern: '^[0-9]{4}$' } },
            required: ['kind', 'last4'],
          },
          {
            type: 'object',
            properties: {
              kind: { const: 'iban' },
              iban: { type: 'string', pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' },
            },
            required: ['kind', 'iban'],
          },
        ],
      };
  }
}

/** Closes every object schema (`additionalProperties: false`), as a contract's producer writes. */
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' ? v : closed(v)]));
  if (schema.properties !== undefined && typeof schema.properties === 'object')
    out.additionalProperties = false;
  return out;
}

/** A contract schema of `size` properties; `changed` adds the candidate's realistic changes. */
function contract(size, changed) {
  const properties = {};
  for (let i = 0; i < size; i++) properties[`column_${i}`] = property(i, changed);
  if (changed) properties.note = { type: ['string', 'null'], maxLength: 500 };
  const reader = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `table_${size}`,
    type: 'object',
    properties,
    required: Object.keys(properties).filter((_, i) => i % 3 === 0),
  };
  return { reader, writer: closed(reader) };
}

function reference(schema) {
  const ajv = new Ajv2020({ allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary([...ODCS_ANNOTATION_KEYWORDS]);
  return ajv.compile(schema);
}

/** Operations per second: the median of `rounds` rounds of about `roundMs` each. */
function perSecond(op) {
  op(); // warm-up: JIT, caches of compiled patterns
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    let count = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < roundMs) {
      op();
      count++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    }
    rates.push((count / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

console.log(
  `bench/compat: compareSchemas (BACKWARD check of a changed contract schema), median of ${rounds} rounds`,
);
console.log(`  ${'size'.padEnd(16)} ${'meshplane/s'.padStart(12)} ${'Ajv compile/s'.padStart(14)}  ratio`);
let failed = false;
for (const size of sizes) {
  const base = contract(size, false);
  const candidate = contract(size, true);
  // The candidate widens, extends and adds an optional column: BACKWARD holds, FORWARD does not.
  const backward = compareSchemas(candidate.reader, base.writer);
  const forward = compareSchemas(base.reader, candidate.writer);
  if (!backward.every((d) => d.compatible) || forward.every((d) => d.compatible)) {
    console.error(
      `size ${size}: unexpected verdict (backward ${backward.length} differences, forward ${forward.length})`,
    );
    failed = true;
    continue;
  }
  const mp = perSecond(() => compareSchemas(candidate.reader, base.writer));
  const ref = perSecond(() => reference(candidate.writer));
  const label = `${size} properties`;
  console.log(
    `  ${label.padEnd(16)} ${Math.round(mp).toLocaleString('en').padStart(12)} ${Math.round(ref).toLocaleString('en').padStart(14)}  ${(mp / ref).toFixed(1)}x`,
  );
}
console.log(
  '  ratio: meshplane comparisons per second / Ajv compilations per second of the candidate schema',
);
process.exit(failed ? 1 : 0);
