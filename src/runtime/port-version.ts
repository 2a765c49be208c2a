/**
 * Versions of output ports. A port's version is semver; its major is the line a consumer pins
 * (`orders.order_lines@v1`). Versions of one port with different majors are served side by side,
 * each in its own table: the table of major 0 or 1 keeps the port's name (so products deployed
 * before they had a second major keep their data), a later major's table is `<port>@v<major>`. Pure.
 */
import { MeshplaneError } from '../errors/index.js';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease?: string;
}

/** Parses `1.4.0` (also `1.4.0-rc.1`); undefined for anything else. */
export function parseSemver(version: string): SemVer | undefined {
  const match = SEMVER.exec(version.trim());
  if (match === null) return undefined;
  const [, major, minor, patch] = match;
  const dash = version.indexOf('-');
  const plus = version.indexOf('+');
  const prerelease =
    dash < 0 || (plus >= 0 && plus < dash) ? undefined : version.slice(dash + 1, plus < 0 ? undefined : plus);
  return {
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    ...(prerelease === undefined ? {} : { prerelease }),
  };
}

/** Orders versions the semver way (a prerelease before its release); text order when not semver. */
export function compareVersions(a: string, b: string): number {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (x === undefined || y === undefined) return a < b ? -1 : a > b ? 1 : 0;
  const diff = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  if (diff !== 0) return diff;
  if (x.prerelease === y.prerelease) return 0;
  if (x.prerelease === undefined) return 1;
  if (y.prerelease === undefined) return -1;
  return x.prerelease < y.prerelease ? -1 : 1;
}

/** The major of a port version; INVALID_INPUT naming the port when the version is not semver. */
export function majorOf(version: string, where: string): number {
  const parsed = parseSemver(version);
  if (parsed === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${where}: version '${version}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)`,
    );
  }
  return parsed.major;
}

/** The table (and run) name of a port's major: `order_lines` for 0 and 1, `order_lines@v2` after. */
export function portKey(name: string, major: number): string {
  return major <= 1 ? name : `${name}@v${major}`;
}

/** `order_lines@v2` -> { name: 'order_lines', major: 2 }; a plain name has no major. */
export function splitPinnedName(text: string): { readonly name: string; readonly major?: number } {
  const match = /^(.*)@v(\d+)$/i.exec(text);
  return match === null ? { name: text } : { name: match[1] ?? text, major: Number(match[2]) };
}

/** The key of the port version a contract publishes (the plain name when its version is not semver). */
export function publishedKey(name: string, version: string): string {
  const parsed = parseSemver(version);
  return parsed === undefined ? name : portKey(name, parsed.major);
}
