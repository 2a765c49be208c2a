import { MeshplaneError } from '../errors/index.js';

/** A product as `meshplane deploy` sends it: its documents and SQL transforms, as text. */
export interface DeployBundle {
  /** The product folder as the client sees it; file input paths resolve against it on an embedded server. */
  readonly root: string;
  readonly files: readonly { readonly path: string; readonly content: string }[];
}

const MAX_FILES = 500;

/** The JSON Schema of a deploy request body (bounded: at most 500 files, each at most 5 MB). */
export const DEPLOY_BUNDLE_SCHEMA = {
  type: 'object',
  required: ['root', 'files'],
  additionalProperties: false,
  properties: {
    root: { type: 'string', minLength: 1, maxLength: 4096 },
    files: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_FILES,
      items: {
        type: 'object',
        required: ['path', 'content'],
        additionalProperties: false,
        properties: {
          path: { type: 'string', minLength: 1, maxLength: 1024 },
          content: { type: 'string', maxLength: 5 * 1024 * 1024 },
        },
      },
    },
  },
} as const;

/**
 * Checks what JSON Schema cannot: paths stay inside the product folder, none is repeated, and
 * there is exactly one product descriptor. Returns the bundle with its files in a stable order.
 */
export function checkBundle(bundle: DeployBundle): DeployBundle {
  const seen = new Set<string>();
  for (const file of bundle.files) {
    const parts = file.path.split('/');
    if (
      file.path.startsWith('/') ||
      file.path.includes('\\') ||
      parts.some((p) => p === '..' || p === '' || p === '.')
    ) {
      throw new MeshplaneError(
        'INVALID_INPUT',
        `bundle path '${file.path}' must be relative and stay inside the product folder`,
      );
    }
    if (seen.has(file.path))
      throw new MeshplaneError('INVALID_INPUT', `bundle path '${file.path}' appears twice`);
    seen.add(file.path);
  }
  const descriptors = bundle.files.filter((f) => /\.odps\.(ya?ml|json)$/.test(f.path));
  if (descriptors.length !== 1) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `a deploy holds exactly one product descriptor (*.odps.yaml); this one holds ${descriptors.length}`,
    );
  }
  return {
    root: bundle.root,
    files: [...bundle.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** A digest of what defines the product: the same files give the same digest, wherever they come from. */
export async function bundleDigest(bundle: DeployBundle): Promise<string> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const file of checkBundle(bundle).files) {
    parts.push(
      encoder.encode(`${file.path}\u0000${file.content.length}\u0000`),
      encoder.encode(file.content),
    );
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
}
