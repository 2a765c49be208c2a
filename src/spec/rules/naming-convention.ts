import type { NamingConvention } from '../model/mesh.js';

const PATTERNS: Readonly<Record<Exclude<NamingConvention, 'any'>, RegExp>> = {
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
  'kebab-case': /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
};

export function followsConvention(name: string, convention: NamingConvention): boolean {
  return convention === 'any' || PATTERNS[convention].test(name);
}

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** The name rewritten to the convention, for the "rename to" hint. */
export function toConvention(name: string, convention: NamingConvention): string {
  const parts = words(name);
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  switch (convention) {
    case 'snake_case':
      return parts.join('_');
    case 'kebab-case':
      return parts.join('-');
    case 'camelCase':
      return parts.map((w, i) => (i === 0 ? w : cap(w))).join('');
    case 'PascalCase':
      return parts.map(cap).join('');
    case 'any':
      return name;
  }
}
