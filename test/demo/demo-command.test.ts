import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { demoCommand } from '../../src/cli/commands/demo.js';
import { copyShop, removeShop } from './shop-copy.js';

/** Runs `meshplane demo ...` on a program holding only the demo command, in-process. */
async function run(args: readonly string[], cwd: string) {
  let stdout = '';
  let exit: number | undefined;
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: () => undefined,
    cwd,
    isTTY: false,
  };
  const program = new Command('meshplane').exitOverride();
  demoCommand(program, io, (code) => {
    exit = code;
  });
  await program.parseAsync(['node', 'meshplane', 'demo', ...args]);
  return { stdout, exit };
}

describe('meshplane demo generate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copyShop();
  });
  afterAll(async () => {
    await removeShop(dir);
  });

  it('fills the workspace around the current folder and sums up what it wrote', async () => {
    const { stdout, exit } = await run(
      ['generate', '--scale', '300', '--seed', '3'],
      path.join(dir, 'domains'),
    );
    expect(exit).toBe(0);
    expect(stdout).toMatch(
      /^Generated the shop demo data \(scale 300, seed 3, reference date 2026-01-01T00:00:00Z\)/,
    );
    expect(stdout).toMatch(
      /orders\.orders\.shop_order_lines\.v1 +12 files +300 rows +2 bad +domains\/orders\/orders\/data\/order_lines\//,
    );
    expect(existsSync(path.join(dir, 'domains/orders/orders/data/order_lines/2025-12.csv'))).toBe(true);
  });

  it('prints the result as JSON on request', async () => {
    const { stdout } = await run(
      ['generate', dir, '--scale', '150', '--format', 'json', '--bad-row-rate', '0'],
      '/',
    );
    const result = JSON.parse(stdout);
    expect(result.scale.orderLines).toBe(150);
    expect(result.sources.every((s: { badRows: number }) => s.badRows === 0)).toBe(true);
  });

  it.each([
    [['generate', '--scale', 'huge'], /--scale/],
    [['generate', '--seed', 'x'], /--seed/],
    [['generate', '--bad-row-rate', 'lots'], /--bad-row-rate/],
    [['generate', '--format', 'xml'], /--format/],
  ])('refuses %j', async (args, message) => {
    await expect(run(args, dir)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(message),
    });
  });
});
