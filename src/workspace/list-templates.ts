import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MeshplaneError } from '../errors/index.js';
import type { TemplateFile } from './render-template.js';
import { TEMPLATE_MANIFEST, workspacePathOf } from './template-layout.js';
import { parseTemplateManifest, type TemplateManifest } from './template-manifest.js';

/** A template ready to render: its manifest and its files at their (unrendered) workspace paths. */
export interface Template {
  readonly manifest: TemplateManifest;
  readonly files: readonly TemplateFile[];
}

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readManifest(templatesDir: string, name: string): Promise<TemplateManifest | undefined> {
  const file = join(templatesDir, name, TEMPLATE_MANIFEST);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseTemplateManifest(text, name, file);
}

/**
 * The templates in `templatesDir`, sorted by name: every sub-folder with a template.yaml.
 * Other folders (and files such as README.md) are ignored, so the folder can hold docs.
 */
export async function listTemplates(templatesDir: string): Promise<TemplateManifest[]> {
  const manifests: TemplateManifest[] = [];
  for (const entry of await entries(templatesDir)) {
    if (!entry.isDirectory()) continue;
    const manifest = await readManifest(templatesDir, entry.name);
    if (manifest !== undefined) manifests.push(manifest);
  }
  return manifests.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function* walk(dir: string, relative: string): AsyncGenerator<string> {
  for (const entry of await entries(dir)) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) yield* walk(join(dir, entry.name), path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Loads a template by name. Throws INVALID_INPUT naming the available templates when there is
 * no such template. Files are read as UTF-8 text: samples in templates are CSV or NDJSON.
 */
export async function loadTemplate(templatesDir: string, name: string): Promise<Template> {
  const manifest = /^[a-z][a-z0-9_-]*$/.test(name) ? await readManifest(templatesDir, name) : undefined;
  if (manifest === undefined) {
    const known = (await listTemplates(templatesDir)).map((t) => t.name);
    throw new MeshplaneError(
      'INVALID_INPUT',
      `no template named '${name}'; available: ${known.join(', ') || '(none)'} (see \`meshplane templates\`)`,
    );
  }
  const root = join(templatesDir, name);
  const files: TemplateFile[] = [];
  for await (const path of walk(root, '')) {
    const target = workspacePathOf(path);
    if (target === undefined) continue;
    files.push({ path: target, text: await readFile(join(root, path), 'utf8') });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { manifest, files };
}
