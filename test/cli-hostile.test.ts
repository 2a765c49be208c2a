import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Measured {
  readonly status: number | null;
  readonly report: { files: { diagnostics: { code: string; line: number; column: number }[] }[] };
  readonly stderr: string;
  readonly ms: number;
  readonly maxRssKb: number;
}

function validate(file: string): Measured {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'test/support/measure-cli.mjs'), 'validate', file, '--format', 'json'],
    { cwd: dir, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const line = result.stderr.split('\n').find((l) => l.startsWith('@@measure '));
  if (line === undefined) throw new Error(`no measurement; stderr: ${result.stderr.slice(0, 2000)}`);
  const measured = JSON.parse(line.slice('@@measure '.length)) as { ms: number; maxRssKb: number };
  return { status: result.status, report: JSON.parse(result.stdout), stderr: result.stderr, ...measured };
}

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  '',
].join('\n');

const cases: [string, () => string, string][] = [
  [
    'a file over the size limit',
    () => write('big.odcs.yaml', `description: "${'x'.repeat(6 * 1024 * 1024)}"\n`),
    'file-too-large',
  ],
  ['a billion-laughs alias bomb', () => write('bomb.odcs.yaml', aliasBomb), 'alias-limit'],
  [
    'flow nesting 100,000 deep',
    () => write('deep-flow.odcs.yaml', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    'depth-limit',
  ],
  [
    'block nesting 100,000 deep',
    () => write('deep-block.odcs.yaml', `${'- '.repeat(100_000)}x\n`),
    'depth-limit',
  ],
  [
    'JSON nesting 100,000 deep',
    () => write('deep.odcs.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    'depth-limit',
  ],
  [
    'invalid UTF-8',
    () =>
      write(
        'latin1.odcs.yaml',
        Uint8Array.from([...Buffer.from('kind: DataContract\nname: caf'), 0xe9, 0x0a]),
      ),
    'file-invalid-utf8',
  ],
  [
    'a binary file',
    () =>
      write(
        'image.odcs.yaml',
        Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      ),
    'file-binary',
  ],
  ['an empty file', () => write('empty.odcs.yaml', ''), 'file-empty'],
];

describe('hostile documents through the real CLI', () => {
  const baseline = validate(write('tiny.odcs.yaml', 'kind: DataContract\n'));

  it.each(cases)('refuses %s quickly, with bounded memory and no stack trace', (_name, make, code) => {
    const run = validate(make());
    expect(run.status).toBe(1);
    const diagnostics = run.report.files[0]?.diagnostics ?? [];
    expect(diagnostics.map((d) => d.code)).toContain(code);
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(1);
    // A guard against blow-ups (minutes, gigabytes), not a speed target: generous for loaded machines.
    expect(run.ms).toBeLessThan(10_000);
    expect(run.maxRssKb - baseline.maxRssKb).toBeLessThan(64 * 1024);
    expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
