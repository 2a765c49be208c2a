/** A workspace made with `meshplane init`, and products scaffolded in it with `meshplane new`. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from './run-cli.js';

export interface ScaffoldedWorkspace {
  readonly root: string;
  /** `meshplane new <ref> --template <template> [...extra]`; fails the test when it does not exit 0. */
  scaffold(ref: string, template: string, extra?: readonly string[]): Promise<ScaffoldedProduct>;
  remove(): void;
}

export interface ScaffoldedProduct {
  /** `domains/<domain>/<folder>`, relative to the workspace. */
  readonly path: string;
  /** The snake_case product name: its files are named after it. */
  readonly name: string;
  read(file: string): string;
  write(file: string, text: string): void;
  /** Replaces `from` (which must occur) by `to` in `file`. */
  edit(file: string, from: string, to: string): void;
  remove(file: string): void;
}

/** `folder` is the workspace's folder name, inside a fresh temporary folder. */
export async function scaffoldWorkspace(folder = 'mesh'): Promise<ScaffoldedWorkspace> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshplane-cli-test-'));
  const init = await run(['init', folder, '--name', 'mesh'], dir);
  if (init.code !== 0) throw new Error(`meshplane init failed: ${init.stderr}`);
  const root = path.join(dir, folder);
  return {
    root,
    async scaffold(ref, template, extra = []) {
      const created = await run(['new', ref, '--template', template, ...extra], root);
      if (created.code !== 0) throw new Error(`meshplane new ${ref} failed: ${created.stderr}`);
      const productPath = `domains/${ref}`;
      const at = (file: string) => path.join(root, productPath, file);
      return {
        path: productPath,
        name: (ref.split('/')[1] ?? '').replaceAll('-', '_'),
        read: (file) => readFileSync(at(file), 'utf8'),
        write: (file, text) => writeFileSync(at(file), text),
        edit(file, from, to) {
          const text = readFileSync(at(file), 'utf8');
          if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
          writeFileSync(at(file), text.replace(from, to));
        },
        remove: (file) => rmSync(at(file)),
      };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
