// Runs every benchmark in bench/ in turn. Each prints its own figures and ratio.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const benches = readdirSync(new URL('.', import.meta.url))
  .filter(
    (f) => f.endsWith('.mjs') && !['run.mjs', 'workspace-generator.mjs', 'served-meshplane.mjs'].includes(f),
  )
  .filter((f) => only === undefined || f.startsWith(only));
let failed = 0;
for (const bench of benches) {
  const result = spawnSync(process.execPath, [new URL(bench, import.meta.url).pathname], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
