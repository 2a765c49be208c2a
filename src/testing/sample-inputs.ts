/**
 * Where a product's sample input lives: `tests/input/<input port>.csv` or `.ndjson`, one file per
 * input port, whatever the port's kind (templates/README.md).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MeshplaneError } from '../errors/index.js';

/** The formats a sample file may have, by extension, in the order they are looked for. */
export const SAMPLE_FORMATS = [
  { extension: '.csv', format: 'csv' },
  { extension: '.ndjson', format: 'ndjson' },
] as const;

export type SampleFormat = (typeof SAMPLE_FORMATS)[number]['format'];

/** One input port's sample file. */
export interface SampleInput {
  readonly port: string;
  /** Absolute path of the file. */
  readonly file: string;
  readonly format: SampleFormat;
}

/** `<product>/tests/input`: the folder of sample input files. */
export function sampleInputDir(productDir: string): string {
  return path.join(productDir, 'tests', 'input');
}

/** `<product>/tests/expected/<key>.csv`: what output port version `key` must hold on the sample. */
export function expectedFile(productDir: string, portKey: string): string {
  return path.join(productDir, 'tests', 'expected', `${portKey}.csv`);
}

const isFile = (file: string) =>
  stat(file).then(
    (info) => info.isFile(),
    () => false,
  );

/**
 * The sample file of every input port. INVALID_INPUT naming the expected paths (as `display`
 * shows them, usually relative to the current folder) when a port has none, or naming both when
 * a port has two, since either could be the one meant.
 */
export async function findSampleInputs(
  productDir: string,
  ports: readonly string[],
  display: (absolute: string) => string = (p) => p,
): Promise<SampleInput[]> {
  const dir = sampleInputDir(productDir);
  const found: SampleInput[] = [];
  const problems: string[] = [];
  for (const port of ports) {
    const candidates = SAMPLE_FORMATS.map((f) => ({
      port,
      file: path.join(dir, `${port}${f.extension}`),
      format: f.format,
    }));
    const present: SampleInput[] = [];
    for (const candidate of candidates) if (await isFile(candidate.file)) present.push(candidate);
    const [first] = present;
    if (first === undefined) {
      problems.push(
        `input port ${port} has no sample file: expected ${candidates.map((c) => display(c.file)).join(' or ')}`,
      );
    } else if (present.length > 1) {
      problems.push(
        `input port ${port} has ${present.length} sample files (${present.map((c) => display(c.file)).join(', ')}); keep one`,
      );
    } else {
      found.push(first);
    }
  }
  if (problems.length > 0) {
    throw new MeshplaneError('INVALID_INPUT', problems.join('\n'), { details: { problems } });
  }
  return found;
}
