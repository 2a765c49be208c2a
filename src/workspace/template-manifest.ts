import { parse } from 'yaml';
import { MeshplaneError } from '../errors/index.js';

/** What a template asks of `--input`: other products' output ports it is built from. */
export interface TemplateInputs {
  /** Fewest `--input` ids the template needs. */
  readonly min: number;
  readonly description: string;
}

/** A template's `template.yaml`: what `meshplane templates` shows and `meshplane new` follows. */
export interface TemplateManifest {
  readonly name: string;
  readonly description: string;
  /** What the template creates, one line each, for the listing. */
  readonly scaffolds: readonly string[];
  /** Printed after scaffolding; may hold placeholders. */
  readonly nextSteps: readonly string[];
  /** Present when the template is built from other products (`--input`). */
  readonly inputs?: TemplateInputs;
}

function fail(file: string, message: string): never {
  throw new MeshplaneError('INVALID_INPUT', `${file}: ${message}`);
}

function strings(value: unknown, file: string, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    fail(file, `'${field}' must be a list of strings`);
  return value;
}

function inputs(value: unknown, file: string): TemplateInputs | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null)
    fail(file, "'inputs' must be a mapping with 'min' and 'description'");
  const { min, description } = value as Record<string, unknown>;
  if (typeof min !== 'number' || !Number.isInteger(min) || min < 1)
    fail(file, "'inputs.min' must be a whole number of at least 1");
  return { min, description: typeof description === 'string' ? description : 'an output port contract id' };
}

/**
 * Reads a template.yaml. Pure. The folder name is the template's name, so a copied folder
 * whose manifest still says the old name is refused instead of shadowing the original.
 */
export function parseTemplateManifest(text: string, folderName: string, file: string): TemplateManifest {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    fail(file, `not valid YAML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(file, 'expected a mapping');
  const o = value as Record<string, unknown>;
  if (o.kind !== 'Template') fail(file, "expected 'kind: Template'");
  if (o.name !== folderName) fail(file, `'name' must be '${folderName}', the name of its folder`);
  if (typeof o.description !== 'string' || o.description.trim() === '')
    fail(file, "'description' is required");
  const manifest = {
    name: folderName,
    description: o.description.trim(),
    scaffolds: strings(o.scaffolds, file, 'scaffolds'),
    nextSteps: strings(o.nextSteps, file, 'nextSteps'),
  };
  const needs = inputs(o.inputs, file);
  return needs === undefined ? manifest : { ...manifest, inputs: needs };
}
