// How long one access decision takes with about 100 policies in effect (platform defaults, mesh
// policies, grants). Not a test: it asserts nothing and prints timings.
//
//   npm run build && node test/access/measure-decision.mjs [path/to/access/index.js]
import { pathToFileURL } from 'node:url';

const target = process.argv[2] ?? new URL('../../dist/access/index.js', import.meta.url).href;
const access = await import(target.startsWith('file:') ? target : pathToFileURL(target).href);

const mesh = Array.from({ length: 14 }, (_, i) => ({
  id: `policies/rule-${i}.cedar`,
  source: 'mesh',
  text:
    i % 2 === 0
      ? `permit (principal in Meshplane::Team::"team-${i}", action == Meshplane::Action::"read", resource) when { resource.classification == "restricted" };`
      : `forbid (principal, action == Meshplane::Action::"export", resource) when { resource.classification == "class-${i}" };`,
}));
const grants = Array.from({ length: 80 }, (_, i) =>
  access.grantPolicy({
    id: `req-${i}`,
    principal: { type: 'User', id: `user-${i}` },
    port: `domain-${i % 7}.port-${i}`,
    actions: ['read'],
    until: '2027-01-01T00:00:00Z',
  }),
);
const policies = [...access.PLATFORM_POLICIES, ...mesh, ...grants];

// The first build also warms up the WebAssembly code; the second is what a policy change costs.
let started = performance.now();
access.createDecisionPoint({ schema: access.MESH_SCHEMA, policies });
const firstBuildMs = performance.now() - started;
started = performance.now();
const point = access.createDecisionPoint({ schema: access.MESH_SCHEMA, policies });
const buildMs = performance.now() - started;

const request = {
  principal: { type: 'User', id: 'user-42' },
  action: 'read',
  resource: { type: 'OutputPort', id: 'domain-0.port-42' },
  context: { now: new Date('2026-06-01T00:00:00Z') },
  entities: [
    access.userEntity({ id: 'user-42', teams: ['analysts'], domain: 'sales' }),
    access.productEntity({ id: 'domain-0.p', domain: 'domain-0', owner: 'owners', status: 'active' }),
    access.portEntity({
      id: 'domain-0.port-42',
      product: 'domain-0.p',
      domain: 'domain-0',
      owner: 'owners',
      status: 'active',
      classification: 'confidential',
      version: '1.0.0',
    }),
  ],
};

for (let i = 0; i < 200; i += 1) point.decide(request);
const samples = [];
for (let i = 0; i < 2000; i += 1) {
  started = performance.now();
  point.decide(request);
  samples.push(performance.now() - started);
}
samples.sort((a, b) => a - b);
const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(3);
console.log(`policies in effect: ${point.policies.length}, diagnostics: ${point.diagnostics.length}`);
console.log(`decision: ${JSON.stringify(point.decide(request))}`);
console.log(`build the decision point: first ${firstBuildMs.toFixed(1)} ms, then ${buildMs.toFixed(1)} ms`);
console.log(
  `one decision: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms (${samples.length} runs)`,
);
