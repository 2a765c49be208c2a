import { MeshplaneError } from '../errors/index.js';

/** A product named on the command line, with every form of its name that the workspace uses. */
export interface ProductName {
  /** `orders`: the domain, as declared in mesh.yaml. */
  readonly domain: string;
  /** `order-lines`: the folder under `domains/<domain>/`, as the user typed it. */
  readonly folder: string;
  /** `order_lines`: the ODPS `name`, the output port and the SQL table name. */
  readonly product: string;
  /** `orders.order_lines`: the ODPS `id`. */
  readonly id: string;
  /** `domains/orders/order-lines`: the product folder relative to the workspace root. */
  readonly path: string;
}

const DOMAIN = /^[a-z][a-z0-9_]*$/;
/** Lower-case words joined by single dashes or underscores: `order-lines`, `order_lines`, `v2`. */
const PRODUCT = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
/** Names become SQL identifiers and database names; PostgreSQL truncates identifiers past 63 bytes. */
const MAX_LENGTH = 63;
const MESH = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

/** The closest valid spelling of a name: lower case, runs of other characters become one `sep`. */
export function suggestName(name: string, sep: '-' | '_'): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const joined = words.join(sep).replace(/^[^a-z]+/, '');
  return joined.slice(0, MAX_LENGTH);
}

/** `order-lines` → `order_lines`. */
export function toSnakeCase(name: string): string {
  return name.replaceAll('-', '_');
}

/** `order-lines` → `Order Lines`: the default title of a product. */
export function toTitle(name: string): string {
  return name
    .split(/[-_]/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function invalid(message: string): MeshplaneError {
  return new MeshplaneError('INVALID_INPUT', message);
}

function checkDomain(domain: string): void {
  if (DOMAIN.test(domain) && domain.length <= MAX_LENGTH) return;
  const hint = suggestName(domain, '_');
  throw invalid(
    `invalid domain '${domain}': a domain starts with a lower-case letter and holds only a-z, 0-9 and _ (at most ${MAX_LENGTH} characters)` +
      (hint === '' || hint === domain ? '' : `; did you mean '${hint}'?`),
  );
}

function checkProduct(folder: string): void {
  if (PRODUCT.test(folder) && folder.length <= MAX_LENGTH) return;
  const hint = suggestName(folder, '-');
  throw invalid(
    `invalid product name '${folder}': use lower-case words joined by - or _, starting with a letter (at most ${MAX_LENGTH} characters)` +
      (hint === '' || hint === folder ? '' : `; did you mean '${hint}'?`),
  );
}

/**
 * Reads `DOMAIN/PRODUCT` as typed on the command line (`orders/order-lines`). The folder keeps the
 * typed spelling; every id uses the snake_case form, so `order-lines` and `order_lines` name the
 * same product. Throws INVALID_INPUT with the reason and a suggested spelling.
 */
export function parseProductName(ref: string): ProductName {
  const parts = ref.split('/');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    throw invalid(`'${ref}' is not DOMAIN/PRODUCT: name the domain and the product, e.g. orders/order-lines`);
  }
  const [domain, folder] = parts as [string, string];
  checkDomain(domain);
  checkProduct(folder);
  const product = toSnakeCase(folder);
  return { domain, folder, product, id: `${domain}.${product}`, path: `domains/${domain}/${folder}` };
}

/** Checks a mesh name (`shop`, `acme-data`); throws INVALID_INPUT with a suggested spelling. */
export function checkMeshName(name: string): string {
  if (MESH.test(name) && name.length <= MAX_LENGTH) return name;
  const hint = suggestName(name, '-');
  throw invalid(
    `invalid mesh name '${name}': use lower-case words joined by - or _, starting with a letter` +
      (hint === '' || hint === name ? '' : `; did you mean '${hint}'?`),
  );
}

/**
 * Checks a product title. Titles are written into YAML between double quotes and into SQL
 * comments, so quotes, backslashes and control characters are refused rather than escaped.
 */
export function checkTitle(title: string): string {
  const trimmed = title.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (trimmed === '' || trimmed.length > 200 || /["\\\u0000-\u001f\u007f]/.test(trimmed)) {
    throw invalid(
      `invalid title '${title}': use 1 to 200 characters without quotes, backslashes or line breaks`,
    );
  }
  return trimmed;
}
